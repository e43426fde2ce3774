// @ts-check
/**
 * The strategy's KPIs where the user looks: in the overlay on an analytics page (its
 * platform's KPIs and the organisation-wide ones) and in the popup (their statuses at a
 * glance).
 *
 * The worker evaluates (the overlay frame cannot open the store); this module only renders
 * what the core returned: per KPI an actual-versus-target bar with a marker where the pace
 * expects it to be, the forecast with its interval, the status in words with a symbol and a
 * colour (never colour alone), and a sparkline. The KPI list collapses with a real button
 * and remembers that per platform. Every node is built with createElement and textContent;
 * strings come from strategy-strings.js in English or Dutch. Nothing here computes a status.
 */
import { ext, send } from './ext.js';
import { element } from './render.js';
import { STRATEGY_MSG } from './strategy-messages.js';
import { loadStrings } from './strategy-strings.js';

/** @typedef {import('./strategy-strings.js').Strings} Strings */
/**
 * @typedef {{date: string, value: number, to_date: number, expected: number}} SeriesPoint
 * @typedef {{value: number, low?: number, high?: number, method: string}} Forecast
 * @typedef {{elapsed_days: number, covered_days: number, fraction: number, data_through?: string,
 *   gap_days: number, lag_days: number}} Coverage
 * @typedef {{kpi: string, objective: string, title?: string, metric: string, unit?: string,
 *   platforms: string[], direction: string, period: {start: string, end: string, label: string},
 *   timing: string, target: number, actual: number | null, achieved: number | null,
 *   expected: number | null, forecast: Forecast | null, status: string, provisional?: string,
 *   coverage: Coverage, series: SeriesPoint[], notes?: string[], previous?: KpiEvaluation}} KpiEvaluation
 * @typedef {KpiEvaluation & {relevance: 'platform' | 'organisation'}} PageKpi
 * @typedef {{strategy: string, platform: string, kpis: PageKpi[], counts: Record<string, number>,
 *   worst: string | null}} PageKpis
 */

/** A symbol per status, so the status never rests on colour alone. */
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

/** chrome.storage.local key of the overlay's remembered state: `{collapsed: {platform: bool}}`. */
const OVERLAY_KEY = 'yardstick-overlay';

/** Adds strategy.css to the document once. */
export function ensureStyles() {
  if (document.querySelector('link[data-strategy-css]')) return;
  const link = element('link', { attrs: { rel: 'stylesheet', href: 'strategy.css', 'data-strategy-css': '' } });
  document.head.append(link);
}

/**
 * Asks the worker for the KPIs of `platform`, now.
 * @param {string} platform
 * @returns {Promise<{page?: PageKpis | null, error?: string}>}
 */
function requestKpis(platform) {
  return send({ type: STRATEGY_MSG.pageKpis, platform, now: new Date().toISOString() });
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
 * The actual-versus-target bar: the fill is the actual, the end of the track the target (or
 * the largest figure), the marker where the pace expects the KPI to be by now.
 * @param {KpiEvaluation} kpi
 * @param {Strings} s
 */
function bar(kpi, s) {
  const figures = [kpi.target, kpi.actual ?? 0, kpi.expected ?? 0, kpi.forecast?.value ?? 0];
  const top = Math.max(...figures);
  const track = element('div', { className: 'kpi-bar' });
  if (!(top > 0) || figures.some((value) => value < 0)) {
    track.hidden = true;
    return track;
  }
  const share = (/** @type {number} */ value) => `${Math.min(100, Math.max(0, (value / top) * 100)).toFixed(1)}%`;
  const fill = element('div', { className: 'kpi-fill' });
  fill.style.width = share(kpi.actual ?? 0);
  const target = element('div', { className: 'kpi-target' });
  target.style.left = share(kpi.target);
  track.append(fill, target);
  if (kpi.expected !== null && kpi.timing === 'present') {
    const marker = element('div', { className: 'kpi-marker', attrs: { title: s.t('expected') } });
    marker.style.left = share(kpi.expected);
    track.append(marker);
  }
  const label = [
    kpi.actual === null ? s.t('no_data') : `${s.value(kpi.actual, kpi.unit)} ${s.t('of')} ${s.value(kpi.target, kpi.unit)}`,
    kpi.expected !== null && kpi.timing === 'present' ? `${s.t('expected')} ${s.value(kpi.expected, kpi.unit)}` : '',
  ].filter(Boolean);
  track.setAttribute('role', 'img');
  track.setAttribute('aria-label', label.join(', '));
  return track;
}

/**
 * The numbers line: actual of target, expected by now, forecast with its interval.
 * @param {KpiEvaluation} kpi
 * @param {Strings} s
 */
function numbers(kpi, s) {
  const parts = [];
  if (kpi.actual !== null) {
    const achieved = kpi.achieved !== null ? ` (${s.percent(kpi.achieved)})` : '';
    parts.push(`${s.value(kpi.actual, kpi.unit)} ${s.t('of')} ${s.value(kpi.target, kpi.unit)}${achieved}`);
  } else {
    parts.push(`${s.t('of')} ${s.value(kpi.target, kpi.unit)}`);
  }
  if (kpi.timing === 'present' && kpi.expected !== null) parts.push(`${s.t('expected')} ${s.value(kpi.expected, kpi.unit)}`);
  const forecast = kpi.forecast;
  if (kpi.timing === 'present' && forecast) {
    const interval =
      forecast.low !== undefined && forecast.high !== undefined && forecast.low !== forecast.high
        ? ` (${s.t('interval')} ${s.value(forecast.low, kpi.unit)}–${s.value(forecast.high, kpi.unit)})`
        : '';
    parts.push(`${s.t('forecast')} ${s.value(forecast.value, kpi.unit)}${interval}`);
  }
  return element('p', { className: 'kpi-numbers', text: parts.join(' · ') });
}

/**
 * Draws the KPI's value through each day and the path the pace expected, once the canvas
 * is in the document (its colours come from the style sheet).
 * @param {HTMLCanvasElement} canvas
 * @param {KpiEvaluation} kpi
 */
function drawSparkline(canvas, kpi) {
  const context = canvas.getContext('2d');
  const points = kpi.series;
  if (!context || points.length === 0) {
    canvas.hidden = true;
    return;
  }
  const style = getComputedStyle(canvas);
  const values = points.flatMap((p) => [p.to_date, p.expected]).concat([kpi.target]);
  const low = Math.min(0, ...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const start = Date.parse(`${kpi.period.start}T00:00:00Z`);
  const days = Math.max(1, (Date.parse(`${kpi.period.end}T00:00:00Z`) - start) / 86_400_000);
  const x = (/** @type {string} */ date) => ((Date.parse(`${date}T00:00:00Z`) - start) / 86_400_000 / days) * (canvas.width - 2) + 1;
  const y = (/** @type {number} */ value) => canvas.height - 2 - ((value - low) / span) * (canvas.height - 4);
  /** @param {(p: SeriesPoint) => number} pick @param {string} colour @param {number[]} dash */
  const line = (pick, colour, dash) => {
    context.beginPath();
    context.setLineDash(dash);
    context.strokeStyle = colour;
    context.lineWidth = 1.5;
    points.forEach((point, index) => {
      if (index === 0) context.moveTo(x(point.date), y(pick(point)));
      else context.lineTo(x(point.date), y(pick(point)));
    });
    context.stroke();
  };
  line((p) => p.expected, style.getPropertyValue('--kpi-expected').trim() || 'gray', [3, 3]);
  line((p) => p.to_date, style.getPropertyValue('--kpi-line').trim() || 'black', []);
}

/**
 * One KPI as a card.
 * @param {PageKpi} kpi
 * @param {Strings} s
 * @returns {{card: HTMLLIElement, canvas: HTMLCanvasElement}}
 */
function card(kpi, s) {
  const title = kpi.title ?? kpi.metric;
  const meta = [
    s.t(kpi.relevance === 'platform' ? 'thisPlatform' : 'allPlatforms'),
    `${s.t('period')} ${kpi.period.label}`,
    kpi.direction === 'lower' ? s.t('lowerIsBetter') : '',
  ].filter(Boolean);
  const canvas = element('canvas', { className: 'kpi-spark', attrs: { width: '320', height: '36', 'aria-hidden': 'true' } });
  const children = [
    element('div', { className: 'kpi-head' }, [element('span', { className: 'kpi-title', text: title }), statusBadge(kpi.status, s)]),
    element('p', { className: 'kpi-meta', text: meta.join(' · ') }),
    bar(kpi, s),
    numbers(kpi, s),
    canvas,
  ];
  if (kpi.provisional) {
    children.push(element('p', { className: 'kpi-provisional' }, [element('span', { text: `${s.t('provisional')}: ` }), statusBadge(kpi.provisional, s)]));
  }
  const coverage = kpi.coverage;
  if (coverage.data_through && (kpi.status === 'partial_data' || coverage.lag_days > 0 || coverage.gap_days > 0)) {
    const text = `${s.t('dataThrough')} ${s.date(coverage.data_through)} · ${coverage.covered_days}/${coverage.elapsed_days} ${s.t('daysCovered')}`;
    children.push(element('p', { className: 'kpi-coverage', text }));
  }
  for (const note of kpi.notes ?? []) children.push(element('p', { className: 'kpi-note', text: note }));
  if (kpi.previous) {
    children.push(
      element('p', { className: 'kpi-previous' }, [
        element('span', { text: `${s.t('previous')} (${kpi.previous.period.label}): ` }),
        statusBadge(kpi.previous.status, s),
      ]),
    );
  }
  const item = element(
    'li',
    {
      className: `kpi status-${kpi.status}`,
      attrs: {
        'data-kpi': kpi.kpi,
        'data-status': kpi.status,
        'data-relevance': kpi.relevance,
        'data-actual': String(kpi.actual ?? ''),
        'data-target': String(kpi.target),
        'data-expected': String(kpi.expected ?? ''),
        'data-forecast': String(kpi.forecast?.value ?? ''),
        tabindex: '0',
        'aria-label': `${title}: ${s.t(/** @type {any} */ (kpi.status))}`,
      },
    },
    children,
  );
  return { card: item, canvas };
}

/**
 * The state of the overlay remembered across pages.
 * @returns {Promise<{collapsed: Record<string, boolean>}>}
 */
async function overlayState() {
  const stored = await ext.storage.local.get(OVERLAY_KEY);
  const value = stored[OVERLAY_KEY];
  const collapsed = typeof value === 'object' && value !== null && typeof value.collapsed === 'object' ? value.collapsed : {};
  return { collapsed: collapsed ?? {} };
}

/**
 * Remembers whether the KPIs are collapsed on `platform`'s pages.
 * @param {string} platform
 * @param {boolean} collapsed
 */
async function rememberCollapsed(platform, collapsed) {
  const state = await overlayState();
  state.collapsed[platform] = collapsed;
  await ext.storage.local.set({ [OVERLAY_KEY]: state });
}

/**
 * The overlay's KPI section, created at the top of its main area on first use.
 * @param {Strings} s
 * @param {string} platform
 * @param {boolean} collapsed
 */
function overlaySection(s, platform, collapsed) {
  const existing = document.getElementById('kpis');
  if (existing) existing.remove();
  const list = element('div', { attrs: { id: 'kpis-body' } });
  list.hidden = collapsed;
  const toggle = element('button', {
    className: 'kpis-toggle',
    text: s.t(collapsed ? 'expand' : 'collapse'),
    attrs: { type: 'button', 'aria-expanded': String(!collapsed), 'aria-controls': 'kpis-body' },
  });
  toggle.addEventListener('click', () => {
    const nowCollapsed = !list.hidden;
    list.hidden = nowCollapsed;
    toggle.setAttribute('aria-expanded', String(!nowCollapsed));
    toggle.textContent = s.t(nowCollapsed ? 'expand' : 'collapse');
    section.dataset.collapsed = String(nowCollapsed);
    void rememberCollapsed(platform, nowCollapsed);
  });
  const section = element(
    'section',
    { className: 'kpis', attrs: { id: 'kpis', 'aria-labelledby': 'kpis-title', lang: s.language, 'data-collapsed': String(collapsed) } },
    [element('div', { className: 'kpis-head' }, [element('h2', { text: s.t('strategy'), attrs: { id: 'kpis-title' } }), toggle]), list],
  );
  const main = document.querySelector('main') ?? document.body;
  main.prepend(section);
  return { section, list };
}

/**
 * Shows the strategy's KPIs for `platform` in the overlay (called after each reading).
 * @param {string | null | undefined} platform
 */
export async function showKpis(platform) {
  if (!platform) return;
  ensureStyles();
  const [s, state, reply] = await Promise.all([
    loadStrings(),
    overlayState(),
    requestKpis(platform).catch((error) => ({ error: String(error) })),
  ]);
  const { section, list } = overlaySection(s, platform, state.collapsed[platform] === true);
  render(list, reply, s);
  section.dataset.state = stateOf(reply);
  shownKpis += 1;
  section.dataset.stamp = String(shownKpis);
}

/** How many times the overlay showed the KPIs; tests wait for it to change. */
let shownKpis = 0;

/**
 * What the section shows, for tests and styles: no-strategy, no-kpis, kpis or error.
 * @param {{page?: PageKpis | null, error?: string}} reply
 */
function stateOf(reply) {
  if (reply.error) return 'error';
  if (!reply.page) return 'no-strategy';
  return reply.page.kpis.length === 0 ? 'no-kpis' : 'kpis';
}

/**
 * Renders a worker reply into `container`.
 * @param {HTMLElement} container
 * @param {{page?: PageKpis | null, error?: string}} reply
 * @param {Strings} s
 */
function render(container, reply, s) {
  if (reply.error) {
    container.replaceChildren(element('p', { className: 'kpis-note error', text: `${s.t('couldNotEvaluate')}: ${reply.error}` }));
    return;
  }
  if (!reply.page) {
    container.replaceChildren(
      element('p', { className: 'kpis-note' }, [
        element('span', { text: `${s.t('noStrategy')} ` }),
        element('a', { text: s.t('writeOne'), attrs: { href: 'dashboard.html#strategy', target: '_blank', rel: 'noopener' } }),
      ]),
    );
    return;
  }
  if (reply.page.kpis.length === 0) {
    container.replaceChildren(element('p', { className: 'kpis-note', text: s.t('noKpisHere') }));
    return;
  }
  const cards = reply.page.kpis.map((kpi) => ({ kpi, ...card(kpi, s) }));
  container.replaceChildren(element('ul', { className: 'kpi-cards' }, cards.map((c) => c.card)));
  // Drawn once in the document, where the style sheet gives the colours.
  for (const { kpi, canvas } of cards) drawSparkline(canvas, kpi);
}

/**
 * Shows, in the popup, the statuses of `platform`'s KPIs at a glance.
 * @param {string | null | undefined} platform
 */
export async function showPopupKpis(platform) {
  ensureStyles();
  const s = await loadStrings();
  const section = element('section', { className: 'popup-kpis', attrs: { id: 'popup-kpis', lang: s.language } }, [
    element('h2', { text: s.t('statusHere') }),
  ]);
  document.getElementById('popup-kpis')?.remove();
  document.body.append(section);
  if (!platform) {
    section.dataset.state = 'no-platform';
    section.hidden = true;
    return;
  }
  const reply = await requestKpis(platform);
  section.dataset.state = stateOf(reply);
  if (!reply.page || reply.page.kpis.length === 0 || reply.error) {
    const body = element('div');
    render(body, reply, s);
    section.append(body);
    return;
  }
  const page = reply.page;
  if (page.worst) section.append(element('p', { className: 'popup-worst' }, [statusBadge(page.worst, s)]));
  section.append(
    element(
      'ul',
      { className: 'popup-kpi-list' },
      page.kpis.map((kpi) =>
        element('li', { attrs: { 'data-kpi': kpi.kpi, 'data-status': kpi.status } }, [
          element('span', { text: `${kpi.title ?? kpi.metric} ` }),
          statusBadge(kpi.status, s),
        ]),
      ),
    ),
  );
}
