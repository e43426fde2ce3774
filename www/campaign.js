// @ts-check
/**
 * The campaign view in the overlay and the dashboard, drawn from what the core returned:
 * a campaign's KPIs with their status, totals per platform organic and paid, the content
 * ranked by contribution with why it belongs; on a post's or an ad's own page, the
 * campaigns it belongs to; and a spot-check against the account's own past.
 *
 * Nothing here computes: the core measured the campaign (`campaign::measure`), wrote the
 * spot-check sentence and made the printable report. Every node is built with
 * createElement and textContent; a status always carries a word and a symbol, never colour
 * alone. Numbers and statuses use strategy-strings.js; the campaign's own words are below.
 */
import { element } from './render.js';

/** @typedef {import('./strategy-strings.js').Strings} Strings */
/**
 * @typedef {{key: string, value: number, unit: string, items: number, formula?: string}} Figure
 * @typedef {{platform: string | null, part: string | null, items: number, figures: Figure[],
 *   notes: string[]}} TotalsRow
 * @typedef {{rule?: number, because: string, evidence?: string}} Reason
 * @typedef {{platform: string, account: string, scope: string, id: string, name?: string,
 *   first_day: string, membership: string, reasons: Reason[], part?: string, added: boolean,
 *   note?: string, figures: Figure[], contribution?: number, rank?: number}} ContentRow
 * @typedef {{kpi: string, title?: string, metric: string, unit?: string, currency?: string,
 *   target: number, actual: number | null, achieved: number | null,
 *   forecast: {value: number} | null, status: string, provisional?: string,
 *   distribution: string, platforms: string[], notes: string[]}} CampaignKpi
 * @typedef {{campaign: {id: string, name: string, start: string, end: string,
 *   platforms: string[], delivery: string}, today: string, currency?: string,
 *   kpis: CampaignKpi[], totals: TotalsRow[], ranked_by: string, content: ContentRow[],
 *   left_out: ContentRow[]}} CampaignView
 * @typedef {{label: string, sentence: string, check: {verdict: {kind: string}}}} SpotCheckResult
 * @typedef {{id: string, name: string, reasons: Reason[]}} Membership
 */

/** A symbol per status, as in the KPI cards. */
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

const WORDS = {
  targets: { en: 'Targets', nl: 'Doelen' },
  totals: { en: 'Totals', nl: 'Totalen' },
  content: { en: 'Content by contribution', nl: 'Inhoud naar bijdrage' },
  leftOut: { en: 'Left out', nl: 'Weggelaten' },
  organic: { en: 'organic', nl: 'organisch' },
  paid: { en: 'paid', nl: 'betaald' },
  total: { en: 'total', nl: 'totaal' },
  allPlatforms: { en: 'All platforms', nl: 'Alle platforms' },
  notAdded: { en: 'listed, not added', nl: 'getoond, niet opgeteld' },
  partOf: { en: 'Part of', nl: 'Hoort bij' },
  noCampaign: { en: 'Not part of a campaign', nl: 'Hoort bij geen campagne' },
  impressions: { en: 'impressions', nl: 'weergaven' },
  engagements: { en: 'engagements', nl: 'interacties' },
  link_clicks: { en: 'link clicks', nl: 'klikken op links' },
  spend: { en: 'spend', nl: 'besteed bedrag' },
  cpm: { en: 'CPM', nl: 'CPM' },
  cpc_link: { en: 'CPC (link)', nl: 'CPC (link)' },
  ctr_link: { en: 'CTR (link)', nl: 'CTR (link)' },
};

/** The figures a totals row shows, when present. */
const TOTAL_KEYS = /** @type {const} */ (['impressions', 'engagements', 'link_clicks', 'spend', 'cpm', 'cpc_link', 'ctr_link']);

/**
 * A campaign word in the strings' language.
 * @param {keyof typeof WORDS} key
 * @param {Strings} s
 */
function word(key, s) {
  return WORDS[key][s.language === 'nl' ? 'nl' : 'en'];
}

/**
 * A figure's value in its unit (`currency:EUR`, `ratio`, `count`).
 * @param {number} value
 * @param {string | undefined} unit
 * @param {Strings} s
 */
function shown(value, unit, s) {
  return s.value(value, unit);
}

/**
 * A status in words with its symbol.
 * @param {string} status
 * @param {Strings} s
 */
function statusBadge(status, s) {
  const key = /** @type {import('./strategy-strings.js').StringKey} */ (status in SYMBOLS ? status : 'no_data');
  return element('span', { className: `kpi-status status-${status}`, attrs: { 'data-status': status } }, [
    element('span', { text: SYMBOLS[status] ?? '?', attrs: { 'aria-hidden': 'true' } }),
    element('span', { text: ` ${s.t(key)}` }),
  ]);
}

/**
 * One campaign KPI: its name, status, actual of target and forecast, and its notes.
 * @param {CampaignKpi} kpi
 * @param {Strings} s
 */
function kpiItem(kpi, s) {
  const unit = kpi.unit ?? (kpi.currency ? `currency:${kpi.currency}` : undefined);
  const numbers = [
    kpi.actual === null ? s.t('no_data') : `${shown(kpi.actual, unit, s)} ${s.t('of')} ${shown(kpi.target, unit, s)}`,
  ];
  if (kpi.forecast) numbers.push(`${s.t('forecast')} ${shown(kpi.forecast.value, unit, s)}`);
  const item = element('li', { className: `kpi status-${kpi.status}`, attrs: { 'data-kpi': kpi.kpi } }, [
    element('div', { className: 'kpi-head' }, [
      element('span', { className: 'kpi-title', text: kpi.title ?? kpi.metric }),
      statusBadge(kpi.status, s),
    ]),
    element('p', { className: 'kpi-numbers', text: numbers.join(' · ') }),
  ]);
  for (const note of kpi.notes) item.append(element('p', { className: 'kpi-note', text: note }));
  return item;
}

/**
 * The totals table: a row per platform and part, then every platform.
 * @param {TotalsRow[]} rows
 * @param {Strings} s
 */
function totalsTable(rows, s) {
  const keys = TOTAL_KEYS.filter((key) => rows.some((row) => row.figures.some((f) => f.key === key)));
  const head = element('tr', {}, [
    element('th', { text: 'Platform' }),
    element('th', { text: '' }),
    ...keys.map((key) => element('th', { text: word(key, s), className: 'number' })),
  ]);
  const body = rows.map((row) => {
    const part = row.part === 'organic' ? word('organic', s) : row.part === 'paid' ? word('paid', s) : word('total', s);
    return element('tr', { attrs: { 'data-platform': row.platform ?? 'all', 'data-part': row.part ?? 'total' } }, [
      element('td', { text: row.platform ?? word('allPlatforms', s) }),
      element('td', { text: part }),
      ...keys.map((key) => {
        const figure = row.figures.find((f) => f.key === key);
        return element('td', { className: 'number', text: figure ? shown(figure.value, figure.unit, s) : '—' });
      }),
    ]);
  });
  return element('table', { className: 'campaign-totals' }, [element('thead', {}, [head]), element('tbody', {}, body)]);
}

/**
 * One content item: rank, name, its figure and share, and why it belongs.
 * @param {ContentRow} row
 * @param {string} rankedBy
 * @param {Strings} s
 */
function contentItem(row, rankedBy, s) {
  const figure = row.figures.find((f) => f.key === rankedBy);
  const share = row.contribution !== undefined ? ` (${s.percent(row.contribution)})` : '';
  const value = figure ? `${shown(figure.value, figure.unit, s)}${share}` : '';
  const reasons = row.reasons.map((r) => (r.evidence ? `${r.because}: ${r.evidence}` : r.because)).join('; ');
  const item = element('li', { className: row.added ? 'campaign-item' : 'campaign-item not-added', attrs: { 'data-id': row.id } }, [
    element('span', { className: 'campaign-rank', text: row.rank ? `${row.rank}.` : '' }),
    element('span', { className: 'campaign-name', text: `${row.platform} · ${row.name ?? row.id}` }),
    element('span', { className: 'number', text: row.added ? value : word('notAdded', s) }),
    element('p', { className: 'kpi-note', text: row.note ? `${reasons} — ${row.note}` : reasons }),
  ]);
  return item;
}

/**
 * Shows a measured campaign in `container` (replacing what was there).
 * @param {HTMLElement} container
 * @param {CampaignView} view
 * @param {Strings} s
 */
export function showCampaign(container, view, s) {
  const kpis = element('ul', { className: 'kpi-list' }, view.kpis.map((kpi) => kpiItem(kpi, s)));
  const content = element(
    'ol',
    { className: 'campaign-content' },
    view.content.map((row) => contentItem(row, view.ranked_by, s)),
  );
  const left = element(
    'ul',
    { className: 'campaign-left-out' },
    view.left_out.map((row) =>
      element('li', { text: `${row.platform} · ${row.name ?? row.id} — ${row.note ?? ''}`, attrs: { 'data-id': row.id } }),
    ),
  );
  container.replaceChildren(
    element('h2', { text: view.campaign.name }),
    element('p', { className: 'kpi-note', text: `${view.campaign.start} – ${view.campaign.end} · ${view.campaign.platforms.join(', ')}` }),
    element('h3', { text: word('targets', s) }),
    kpis,
    element('h3', { text: word('totals', s) }),
    totalsTable(view.totals, s),
    element('h3', { text: word('content', s) }),
    content,
  );
  if (view.left_out.length > 0) container.append(element('h3', { text: word('leftOut', s) }), left);
}

/**
 * On a post's or an ad's own page: the campaigns it belongs to and why.
 * @param {HTMLElement} container
 * @param {Membership[]} memberships
 * @param {Strings} s
 */
export function showMemberships(container, memberships, s) {
  if (memberships.length === 0) {
    container.replaceChildren(element('p', { className: 'kpi-note', text: word('noCampaign', s) }));
    return;
  }
  container.replaceChildren(
    element('p', { text: word('partOf', s) }),
    element(
      'ul',
      { className: 'campaign-memberships' },
      memberships.map((m) =>
        element('li', { attrs: { 'data-campaign': m.id } }, [
          element('span', { className: 'campaign-name', text: m.name }),
          element('span', { className: 'kpi-note', text: ` — ${m.reasons.map((r) => r.because).join('; ')}` }),
        ]),
      ),
    ),
  );
}

/**
 * A spot-check: always labelled as a comparison with the account's own past.
 * @param {HTMLElement} container
 * @param {SpotCheckResult} result
 */
export function showSpotCheck(container, result) {
  container.replaceChildren(
    element('p', { className: 'spot-check-label', text: result.label }),
    element('p', { className: 'spot-check', text: result.sentence, attrs: { 'data-verdict': result.check.verdict.kind } }),
  );
}

/**
 * Opens the core's printable report (a self-contained page whose own policy loads nothing)
 * in a new tab, where the browser's "Save as PDF" makes the document.
 * @param {Uint8Array} html
 */
export function openPrintReport(html) {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  window.open(url, '_blank', 'noopener');
  // The new tab has loaded the page by the time a person looks at it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
