// @ts-check
/**
 * The dashboard's campaign panel: every campaign of the saved strategy with its status,
 * and per campaign its KPIs, totals per platform organic and paid, and content ranked by
 * contribution, with the way to its printable report and its CSV and JSON files.
 *
 * The core measures every campaign (`campaignOverview`) and writes the files
 * (`campaignReport`); this module lays them out and hands files to the browser as
 * downloads (a Blob behind an object URL, saved through a[download]): nothing leaves the
 * computer. It redraws when the strategy or the language change, and when an import on
 * this page stored figures (`yardstick-store-changed`, dispatched by import.js). Every node
 * is built with createElement and textContent.
 */
import { core } from './core.js';
import { ext } from './ext.js';
import { element } from './render.js';
import { campaignBlock, ensureCampaignStyles, statusBadge } from './campaign.js';
import { loadCampaignStrings } from './campaign-strings.js';
import { readStore } from './storage.js';
import { STRATEGY_KEY, loadStrategy } from './strategy-store.js';
import { SETTINGS_KEY } from './strategy-strings.js';

/**
 * @typedef {import('./campaign.js').CampaignView} CampaignView
 * @typedef {{id: string, name: string, start: string, end: string, defined: boolean,
 *   view?: CampaignView, error?: string}} CampaignSummary
 */

const section = /** @type {HTMLElement} */ (document.getElementById('campaigns'));
const yardstick = await core();

/** The files a campaign's report is offered as: core format, button, file name, type. */
const FILES = /** @type {const} */ ([
  { format: 'csv', word: 'csv', suffix: '.csv', type: 'text/csv;charset=utf-8' },
  { format: 'csv-nl', word: 'csvNl', suffix: '-nl.csv', type: 'text/csv;charset=utf-8' },
  { format: 'json', word: 'json', suffix: '.json', type: 'application/json' },
]);

/**
 * Hands `bytes` to the browser as a download named `name`.
 * @param {Uint8Array} bytes
 * @param {string} name
 * @param {string} type
 */
function download(bytes, name, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = element('a', { attrs: { href: url, download: name, hidden: '' } });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by then; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * A file name part from a campaign id (ids are short, but they are the user's text).
 * @param {string} id
 */
function fileStem(id) {
  return id.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60) || 'campaign';
}

/**
 * The print link and the download buttons of one campaign.
 * @param {string} strategyText
 * @param {CampaignSummary} summary
 * @param {import('./campaign-strings.js').CampaignStrings} c
 */
function actions(strategyText, summary, c) {
  const report = `report.html?${new URLSearchParams({ campaign: summary.id, lang: c.language })}`;
  const print = element('a', { text: c.w('print'), attrs: { href: report, target: '_blank', rel: 'noopener', 'data-action': 'print' } });
  const buttons = FILES.map((file) => {
    const button = element('button', { text: c.w(file.word), attrs: { type: 'button', 'data-format': file.format } });
    button.addEventListener('click', async () => {
      const bytes = yardstick.campaignReport(strategyText, summary.id, new Date().toISOString(), await readStore(), file.format);
      download(bytes, `${fileStem(summary.id)}-report${file.suffix}`, file.type);
    });
    return button;
  });
  return element('div', { className: 'campaign-actions' }, [print, ...buttons]);
}

/**
 * One campaign of the list.
 * @param {string} strategyText
 * @param {CampaignSummary} summary
 * @param {import('./campaign-strings.js').CampaignStrings} c
 */
function campaignItem(strategyText, summary, c) {
  if (summary.view) {
    const block = campaignBlock(summary.view, c, { headingLevel: 'h3' });
    block.append(actions(strategyText, summary, c));
    return block;
  }
  const note = summary.defined ? `${c.w('couldNotMeasure')}: ${summary.error ?? '?'}` : c.w('datesOnly');
  return element('article', { className: 'campaign', attrs: { 'data-campaign': summary.id, 'data-status': summary.defined ? 'error' : '' } }, [
    element('h3', { className: 'campaign-name' }, [element('span', { text: `${summary.name} ` }), ...(summary.defined ? [] : [statusBadge('not_started', c)])]),
    element('p', { className: 'campaign-meta', text: `${c.date(summary.start)} – ${c.date(summary.end)}` }),
    element('p', { className: summary.defined ? 'campaign-note error' : 'campaign-note', text: note }),
  ]);
}

/** Draws the panel from the saved strategy and the store. */
async function build() {
  ensureCampaignStyles();
  const c = await loadCampaignStrings();
  const strategy = await loadStrategy();
  const body = element('div', { className: 'campaign-panel', attrs: { lang: c.language } }, [element('h2', { text: c.w('campaigns') })]);
  let state = 'campaigns';
  if (!strategy) {
    state = 'no-strategy';
    body.append(element('p', { className: 'campaign-note', text: c.w('noStrategy') }));
  } else {
    try {
      /** @type {CampaignSummary[]} */
      const summaries = yardstick.campaignOverview(strategy.text, new Date().toISOString(), await readStore(), c.language);
      if (summaries.length === 0) {
        state = 'no-campaigns';
        body.append(element('p', { className: 'campaign-note', text: c.w('noCampaigns') }));
      }
      for (const summary of summaries) body.append(campaignItem(strategy.text, summary, c));
    } catch (error) {
      state = 'error';
      body.append(element('p', { className: 'campaign-note error', text: `${c.w('couldNotRead')}: ${error instanceof Error ? error.message : String(error)}` }));
    }
  }
  section.replaceChildren(body);
  section.dataset.state = state;
  section.dataset.stamp = String(Number(section.dataset.stamp ?? 0) + 1);
}

/**
 * Redraws after the strategy or the language changed (saved by the strategy panel) and
 * after an import stored figures; redraws run one after the other.
 */
let redraw = Promise.resolve();
const rebuild = () => {
  redraw = redraw.then(build).catch(console.error);
};
ext.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (STRATEGY_KEY in changes || SETTINGS_KEY in changes)) rebuild();
});
document.addEventListener('yardstick-store-changed', rebuild);

await build();
