// @ts-check
/**
 * Campaigns where the user looks: in the overlay on an analytics or ad-manager page (the
 * campaigns the page's posts or ads belong to, and how the page's post or ad compares with
 * the account's own past), and the building blocks the dashboard's campaign panel and the
 * printable report share (KPIs with their status, totals per platform organic and paid,
 * content ranked by contribution with why it belongs, what was left out).
 *
 * Nothing here computes: the core measured the campaign (`campaignPage`,
 * `measureCampaign`), wrote the spot-check's sentence and named the metrics and platforms.
 * The overlay asks the service worker (campaign-worker.js), because its frame cannot open
 * the store. Every node is built with createElement and textContent; a status always
 * carries a word and a symbol, its colour only repeats them. Words come from
 * campaign-strings.js in English or Dutch.
 */
import { send } from './ext.js';
import { element } from './render.js';
import { CAMPAIGN_MSG } from './campaign-messages.js';
import { loadCampaignStrings } from './campaign-strings.js';

/** @typedef {import('./campaign-strings.js').CampaignStrings} CampaignStrings */
/**
 * @typedef {{key: string, value: number, unit: string, items: number, formula?: string}} Figure
 * @typedef {{platform: string | null, part: string | null, items: number, figures: Figure[],
 *   notes: string[]}} TotalsRow
 * @typedef {{rule?: number, kind: string, value?: string, level?: string, contains?: boolean,
 *   via_campaign?: boolean, evidence?: string, because: string}} Reason
 * @typedef {{platform: string, account: string, scope: string, id: string, name?: string,
 *   first_day: string, membership: string, reasons: Reason[], part?: string, added: boolean,
 *   note?: string, figures: Figure[], basis?: string, contribution?: number, rank?: number}} ContentRow
 * @typedef {{kpi: string, title?: string, metric: string, unit?: string, currency?: string,
 *   platforms: string[], distribution: string, direction: string, target: number,
 *   actual: number | null, achieved: number | null, forecast: {value: number} | null,
 *   status: string, provisional?: string, counted: string, notes: string[]}} CampaignKpi
 * @typedef {{campaign: {id: string, name: string, start: string, end: string,
 *   platforms: string[], delivery: string}, today: string, currency?: string,
 *   rates_used?: Record<string, number>, kpis: CampaignKpi[], totals: TotalsRow[],
 *   ranked_by: string, content: ContentRow[], left_out: ContentRow[], status: string | null,
 *   language: string, names: Record<string, string>, platform_names: Record<string, string>}} CampaignView
 * @typedef {{label: string, sentence: string, check: {metric: string, verdict: {kind: string},
 *   compared_with: string}}} SpotCheckResult
 * @typedef {{platform: string, account: string, scope: string, id: string}} PageItem
 * @typedef {{id: string, name: string, on_this_page: string[], left_out_here: string[],
 *   view?: CampaignView, error?: string}} PageCampaign
 * @typedef {{items: PageItem[], subject: PageItem | null, campaigns: PageCampaign[],
 *   spot_check: SpotCheckResult | null, error?: string}} PageCampaigns
 */

/** A symbol per status, as in the KPI cards: the status never rests on colour alone. */
const SYMBOLS = /** @type {Record<string, string>} */ ({
  achieved: '✓',
  on_track: '●',
  at_risk: '▲',
  off_track: '✕',
  missed: '✕',
  partial_data: '◐',
  no_data: '–',
  not_started: '○',
});

/** The figures a full totals table shows, in order, when any row has them. */
const TOTAL_KEYS = ['impressions', 'engagements', 'engagement_rate', 'link_clicks', 'followers_gained', 'spend', 'cpm', 'cpc_link', 'ctr_link'];
/** The few the overlay's narrow frame shows. */
const COMPACT_KEYS = ['impressions', 'engagements', 'spend'];

/** Adds campaign.css to the document once. */
export function ensureCampaignStyles() {
  if (document.querySelector('link[data-campaign-css]')) return;
  document.head.append(element('link', { attrs: { rel: 'stylesheet', href: 'campaign.css', 'data-campaign-css': '' } }));
}

/**
 * A status in words with its symbol.
 * @param {string | null} status
 * @param {CampaignStrings} c
 */
export function statusBadge(status, c) {
  const known = status && status in SYMBOLS ? status : 'no_data';
  return element('span', { className: `campaign-status status-${known}`, attrs: { 'data-status': known } }, [
    element('span', { text: SYMBOLS[known], attrs: { 'aria-hidden': 'true' } }),
    element('span', { text: ` ${c.s.t(/** @type {import('./strategy-strings.js').StringKey} */ (known))}` }),
  ]);
}

/**
 * A KPI's unit: money KPIs carry their currency apart.
 * @param {CampaignKpi} kpi
 */
function kpiUnit(kpi) {
  return kpi.unit ?? (kpi.currency ? `currency:${kpi.currency}` : undefined);
}

/**
 * A KPI's name: its title, or its metric with what it counts when that is not the whole
 * campaign (`CPC · paid · LinkedIn`).
 * @param {CampaignView} view
 * @param {CampaignKpi} kpi
 * @param {CampaignStrings} c
 */
export function kpiName(view, kpi, c) {
  if (kpi.title) return kpi.title;
  const parts = [view.names[kpi.metric] ?? kpi.metric];
  if (kpi.distribution === 'organic' || kpi.distribution === 'paid') parts.push(c.w(kpi.distribution));
  const all = view.campaign.platforms;
  if (kpi.platforms.length > 0 && kpi.platforms.length < all.length) {
    parts.push(kpi.platforms.map((p) => view.platform_names[p] ?? p).join(', '));
  }
  return parts.join(' · ');
}

/**
 * A KPI's numbers: so far of the target (achieved), and the forecast.
 * @param {CampaignKpi} kpi
 * @param {CampaignStrings} c
 */
function kpiNumbers(kpi, c) {
  const unit = kpiUnit(kpi);
  const parts = [];
  const achieved = kpi.achieved !== null ? ` (${c.percent(kpi.achieved)})` : '';
  parts.push(
    kpi.actual === null
      ? `${c.w('of')} ${c.figure(kpi.target, unit)}`
      : `${c.figure(kpi.actual, unit)} ${c.w('of')} ${c.figure(kpi.target, unit)}${achieved}`,
  );
  if (kpi.forecast) parts.push(`${c.s.t('forecast')} ${c.figure(kpi.forecast.value, unit)}`);
  return parts.join(' · ');
}

/**
 * The campaign's KPIs as a compact list: name, status, numbers, notes.
 * @param {CampaignView} view
 * @param {CampaignStrings} c
 */
export function kpiList(view, c) {
  if (view.kpis.length === 0) return element('p', { className: 'campaign-note', text: c.w('noKpis') });
  return element(
    'ul',
    { className: 'campaign-kpis' },
    view.kpis.map((kpi) => {
      const item = element('li', { className: `status-${kpi.status}`, attrs: { 'data-kpi': kpi.kpi, 'data-status': kpi.status } }, [
        element('div', { className: 'campaign-kpi-head' }, [element('span', { className: 'campaign-kpi-name', text: kpiName(view, kpi, c) }), statusBadge(kpi.status, c)]),
        element('p', { className: 'campaign-numbers', text: kpiNumbers(kpi, c) }),
      ]);
      for (const note of kpi.notes) item.append(element('p', { className: 'campaign-note', text: note }));
      return item;
    }),
  );
}

/**
 * The campaign's KPIs as a table: target, so far, achieved, forecast, status.
 * @param {CampaignView} view
 * @param {CampaignStrings} c
 */
export function kpiTable(view, c) {
  if (view.kpis.length === 0) return element('p', { className: 'campaign-note', text: c.w('noKpis') });
  const head = element('tr', {}, [
    element('th', { text: c.w('kpi'), attrs: { scope: 'col' } }),
    element('th', { text: c.w('target'), className: 'number', attrs: { scope: 'col' } }),
    element('th', { text: c.w('actual'), className: 'number', attrs: { scope: 'col' } }),
    element('th', { text: c.w('achieved'), className: 'number', attrs: { scope: 'col' } }),
    element('th', { text: c.w('forecast'), className: 'number', attrs: { scope: 'col' } }),
    element('th', { text: c.w('status'), attrs: { scope: 'col' } }),
  ]);
  const rows = view.kpis.map((kpi) => {
    const unit = kpiUnit(kpi);
    const name = element('td', {}, [element('span', { text: kpiName(view, kpi, c) })]);
    for (const note of kpi.notes) name.append(element('p', { className: 'campaign-note', text: note }));
    return element('tr', { attrs: { 'data-kpi': kpi.kpi, 'data-status': kpi.status } }, [
      name,
      element('td', { className: 'number', text: c.figure(kpi.target, unit) }),
      element('td', { className: 'number', text: c.figure(kpi.actual, unit) }),
      element('td', { className: 'number', text: kpi.achieved === null ? '—' : c.percent(kpi.achieved) }),
      element('td', { className: 'number', text: kpi.forecast ? c.figure(kpi.forecast.value, unit) : '—' }),
      element('td', {}, [statusBadge(kpi.status, c)]),
    ]);
  });
  return element('table', { className: 'campaign-kpi-table' }, [element('thead', {}, [head]), element('tbody', {}, rows)]);
}

/**
 * A part in words: organic, paid, or both together.
 * @param {string | null | undefined} part
 * @param {CampaignStrings} c
 */
function partWord(part, c) {
  return part === 'organic' ? c.w('organic') : part === 'paid' ? c.w('paid') : c.w('both');
}

/**
 * The totals: a row per platform and part, then every platform.
 * @param {CampaignView} view
 * @param {CampaignStrings} c
 * @param {{compact?: boolean}} [options]
 */
export function totalsTable(view, c, options = {}) {
  const wanted = options.compact ? COMPACT_KEYS : TOTAL_KEYS;
  const keys = wanted.filter((key) => view.totals.some((row) => row.figures.some((f) => f.key === key)));
  const head = element('tr', {}, [
    element('th', { text: c.w('platform'), attrs: { scope: 'col' } }),
    element('th', { text: c.w('part'), attrs: { scope: 'col' } }),
    ...keys.map((key) => element('th', { text: view.names[key] ?? key, className: 'number', attrs: { scope: 'col' } })),
  ]);
  // A platform with one part has a both-parts row with the same figures: it is left out.
  const parts = (/** @type {string | null} */ platform) => view.totals.filter((r) => r.platform === platform && r.part !== null).length;
  const shown = view.totals.filter((row) => row.platform === null || row.part !== null || parts(row.platform) !== 1);
  const rows = shown.map((row) =>
    element(
      'tr',
      { className: row.platform === null ? 'campaign-all' : '', attrs: { 'data-platform': row.platform ?? 'all', 'data-part': row.part ?? 'both' } },
      [
        element('td', { text: row.platform === null ? c.w('allPlatforms') : (view.platform_names[row.platform] ?? row.platform) }),
        element('td', { text: partWord(row.part, c) }),
        ...keys.map((key) => {
          const figure = row.figures.find((f) => f.key === key);
          return element('td', {
            className: 'number',
            text: figure ? c.figure(figure.value, figure.unit) : '—',
            attrs: figure ? { 'data-key': key, 'data-value': String(figure.value), ...(figure.formula ? { title: figure.formula } : {}) } : { 'data-key': key },
          });
        }),
      ],
    ),
  );
  const table = element('table', { className: 'campaign-totals' }, [element('thead', {}, [head]), element('tbody', {}, rows)]);
  const notes = [...new Set(view.totals.flatMap((row) => row.notes))];
  const box = element('div', { className: 'campaign-totals-box' }, [table]);
  if (notes.length > 0 && !options.compact) box.append(element('ul', { className: 'campaign-notes' }, notes.map((note) => element('li', { text: note }))));
  return box;
}

/**
 * Why an item belongs, in words.
 * @param {ContentRow} row
 */
function reasons(row) {
  return row.reasons.map((r) => (r.evidence ? `${r.because}: ${r.evidence}` : r.because)).join('; ');
}

/**
 * The content, most contributing first; items listed but not added last.
 * @param {CampaignView} view
 * @param {CampaignStrings} c
 * @param {{limit?: number, highlight?: string[]}} [options]
 */
export function contentList(view, c, options = {}) {
  if (view.content.length === 0) return element('p', { className: 'campaign-note', text: c.w('noContent') });
  const rows = options.limit ? view.content.slice(0, options.limit) : view.content;
  const here = new Set(options.highlight ?? []);
  return element(
    'ol',
    { className: 'campaign-content' },
    rows.map((row) => {
      const figure = row.figures.find((f) => f.key === view.ranked_by);
      const share = row.contribution !== undefined ? ` (${c.percent(row.contribution)})` : '';
      const value = row.added ? (figure ? `${c.figure(figure.value, figure.unit)}${share}` : '') : c.w('notAdded');
      const title = [view.platform_names[row.platform] ?? row.platform, partWord(row.part, c), row.name ?? row.id].join(' · ');
      const item = element(
        'li',
        {
          className: [row.added ? '' : 'not-added', here.has(row.id) ? 'here' : ''].filter(Boolean).join(' '),
          attrs: {
            'data-id': row.id,
            'data-platform': row.platform,
            'data-part': row.part ?? '',
            'data-rank': String(row.rank ?? ''),
            'data-contribution': String(row.contribution ?? ''),
          },
        },
        [
          element('div', { className: 'campaign-item-head' }, [
            element('span', { className: 'campaign-rank', text: row.rank ? `${row.rank}.` : '·' }),
            element('span', { className: 'campaign-item-name', text: title }),
            element('span', { className: 'number', text: value }),
          ]),
          element('p', { className: 'campaign-note', text: row.note ? `${reasons(row)} — ${row.note}` : reasons(row) }),
        ],
      );
      if (here.has(row.id)) item.querySelector('.campaign-item-head')?.append(element('span', { className: 'campaign-here', text: c.w('onThisPage') }));
      return item;
    }),
  );
}

/**
 * What a rule matched but does not count, and why.
 * @param {CampaignView} view
 */
export function leftOutList(view) {
  return element(
    'ul',
    { className: 'campaign-left-out' },
    view.left_out.map((row) =>
      element('li', {
        text: `${view.platform_names[row.platform] ?? row.platform} · ${row.name ?? row.id} — ${row.note ?? ''}`,
        attrs: { 'data-id': row.id, 'data-membership': row.membership },
      }),
    ),
  );
}

/**
 * The campaign's dates, platforms, delivery and the day it was measured.
 * @param {CampaignView} view
 * @param {CampaignStrings} c
 */
export function campaignMeta(view, c) {
  const campaign = view.campaign;
  const delivery = campaign.delivery === 'organic' || campaign.delivery === 'paid' ? c.w(campaign.delivery) : c.w('both');
  return [
    `${c.date(campaign.start)} – ${c.date(campaign.end)}`,
    campaign.platforms.map((p) => view.platform_names[p] ?? p).join(', '),
    delivery,
    `${c.w('asOf')} ${c.date(view.today)}`,
  ].join(' · ');
}

/**
 * One measured campaign: its head (name and worst status), what it is, its KPIs, totals
 * and top content.
 * @param {CampaignView} view
 * @param {CampaignStrings} c
 * @param {{compact?: boolean, limit?: number, highlight?: string[], headingLevel?: 'h2' | 'h3'}} [options]
 */
export function campaignBlock(view, c, options = {}) {
  const heading = element(options.headingLevel ?? 'h3', { className: 'campaign-name' }, [element('span', { text: `${view.campaign.name} ` }), statusBadge(view.status, c)]);
  const children = [
    element('div', { className: 'campaign-head' }, [heading]),
    element('p', { className: 'campaign-meta', text: campaignMeta(view, c) }),
    element('h4', { text: c.w('targets') }),
    kpiList(view, c),
    element('h4', { text: c.w('totals') }),
    totalsTable(view, c, { compact: options.compact }),
    element('h4', { text: c.w('topContent') }),
    contentList(view, c, { limit: options.limit, highlight: options.highlight }),
  ];
  if (!options.compact && view.left_out.length > 0) children.push(element('h4', { text: c.w('leftOut') }), leftOutList(view));
  return element('article', { className: 'campaign', attrs: { 'data-campaign': view.campaign.id, 'data-status': view.status ?? '' } }, children);
}

/**
 * A spot-check, always labelled as a comparison with the account's own past.
 * @param {SpotCheckResult} result
 */
export function spotCheckBlock(result) {
  return element('div', { className: 'spot-check', attrs: { 'data-verdict': result.check.verdict.kind, 'data-metric': result.check.metric } }, [
    element('p', { className: 'spot-check-label', text: result.label }),
    element('p', { className: 'spot-check-sentence', text: result.sentence }),
  ]);
}

/** How many times the overlay showed campaigns; tests wait for it to change. */
let shownCampaigns = 0;

/**
 * The overlay's campaign section, after the KPI section (or first in the main area).
 * @param {CampaignStrings} c
 */
function overlaySection(c) {
  document.getElementById('campaigns')?.remove();
  const section = element('section', { className: 'campaigns', attrs: { id: 'campaigns', lang: c.language, 'aria-label': c.w('campaigns') } });
  const kpis = document.getElementById('kpis');
  if (kpis) kpis.after(section);
  else (document.querySelector('main') ?? document.body).prepend(section);
  return section;
}

/**
 * Shows, in the overlay, the campaigns the page just read belongs to and how its post or
 * ad compares with the account's own past (called after each reading was stored).
 * @param {{observations: unknown[]}} reading
 */
export async function showCampaigns(reading) {
  ensureCampaignStyles();
  const c = await loadCampaignStrings();
  /** @type {{page?: PageCampaigns, error?: string}} */
  const reply =
    reading.observations.length === 0
      ? { page: { items: [], subject: null, campaigns: [], spot_check: null } }
      : await send({ type: CAMPAIGN_MSG.page, observations: reading.observations, now: new Date().toISOString(), language: c.language });
  const section = overlaySection(c);
  renderPage(section, reply, c);
  shownCampaigns += 1;
  section.dataset.stamp = String(shownCampaigns);
}

/**
 * Renders the worker's reply into the overlay's section.
 * @param {HTMLElement} section
 * @param {{page?: PageCampaigns, error?: string}} reply
 * @param {CampaignStrings} c
 */
function renderPage(section, reply, c) {
  const page = reply.page;
  if (!page) {
    section.dataset.state = 'error';
    section.append(element('p', { className: 'campaign-note error', text: `${c.w('couldNotRead')}: ${reply.error ?? '?'}` }));
    return;
  }
  section.dataset.campaigns = String(page.campaigns.length);
  section.dataset.spotCheck = page.spot_check?.check.verdict.kind ?? '';
  if (page.spot_check) section.append(spotCheckBlock(page.spot_check));
  if (page.error) section.append(element('p', { className: 'campaign-note error', text: `${c.w('couldNotRead')}: ${page.error}` }));
  for (const found of page.campaigns) {
    if (found.view) {
      const block = campaignBlock(found.view, c, { compact: true, limit: 5, highlight: found.on_this_page });
      if (found.left_out_here.length > 0) block.append(element('p', { className: 'campaign-note', text: c.w('leftOutHere') }));
      section.append(block);
    } else {
      section.append(
        element('article', { className: 'campaign', attrs: { 'data-campaign': found.id, 'data-status': 'error' } }, [
          element('h3', { className: 'campaign-name', text: found.name }),
          element('p', { className: 'campaign-note error', text: `${c.w('couldNotMeasure')}: ${found.error ?? '?'}` }),
        ]),
      );
    }
  }
  const nothing = !page.spot_check && !page.error && page.campaigns.length === 0;
  section.dataset.state = nothing ? 'none' : 'shown';
  section.hidden = nothing;
  if (page.campaigns.length > 0) section.prepend(element('h2', { text: c.w('campaigns') }));
}
