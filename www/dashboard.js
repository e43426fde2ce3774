// @ts-check
/**
 * The dashboard: every stored observation, what the sources said about each post and ad
 * besides its numbers (text, links, result type, attribution), and the seats of the
 * import, strategy and campaign panels.
 *
 * The panels are separate modules (`import.js`, `strategy.js`, `campaign-panel.js`) that
 * render into their own `<section>`; each is loaded when the build ships it. Both lists are
 * drawn again when a panel says the store changed. This page lists what the core returns
 * and computes nothing itself; every node is built with createElement and textContent.
 */
import { core } from './core.js';
import { element, observationRows } from './render.js';
import { readStore } from './storage.js';

/**
 * @typedef {{platform: string, account: string, scope: string, id: string, text?: string,
 *   links?: string[], permalink?: string, published?: string, result_type?: string,
 *   attribution?: string, campaign_name?: string, campaign_id?: string,
 *   source: {kind: string, location: string, label: string}}} ContentRecord
 */

/** How much of a post's text a row shows; the whole text is the cell's title. */
const TEXT_SHOWN = 140;

/**
 * Lists the stored observations.
 * @param {Uint8Array | undefined} stored the store's bytes
 */
export async function showObservations(stored) {
  const yardstick = await core();
  const observations = yardstick.listObservations(stored);
  const section = /** @type {HTMLElement} */ (document.getElementById('observations'));
  const summary = /** @type {HTMLElement} */ (document.getElementById('observations-summary'));
  const table = /** @type {HTMLTableElement} */ (section.querySelector('table'));
  table.tBodies[0].replaceChildren(...observationRows(observations, { withPlatform: true }));
  table.hidden = observations.length === 0;
  summary.textContent =
    observations.length === 0
      ? 'Nothing stored yet. Open an analytics page with Yardstick installed to read it.'
      : `${observations.length} stored observations.`;
  summary.dataset.count = String(observations.length);
}

/**
 * Lists the stored content records: one row per post or ad entity.
 * @param {Uint8Array | undefined} stored the store's bytes
 */
export async function showContent(stored) {
  const yardstick = await core();
  /** @type {ContentRecord[]} */
  const records = yardstick.listContent(stored);
  const section = /** @type {HTMLElement} */ (document.getElementById('content'));
  const summary = /** @type {HTMLElement} */ (document.getElementById('content-summary'));
  const table = /** @type {HTMLTableElement} */ (section.querySelector('table'));
  table.tBodies[0].replaceChildren(...records.map(contentRow));
  table.hidden = records.length === 0;
  const withText = records.filter((record) => record.scope === 'post' && record.text !== undefined).length;
  summary.textContent =
    records.length === 0
      ? 'No post text or ad settings stored yet.'
      : `${records.length} posts and ads described, ${withText} ${withText === 1 ? 'post' : 'posts'} with text.`;
  summary.dataset.count = String(records.length);
}

/**
 * One row of the content table; the entity and its settings are data attributes too.
 * @param {ContentRecord} record
 */
function contentRow(record) {
  const text = record.text ?? '';
  const shown = text.length > TEXT_SHOWN ? `${text.slice(0, TEXT_SHOWN - 1)}…` : text;
  const campaign = [record.campaign_name, record.campaign_id].filter(Boolean).join(' · ');
  return element(
    'tr',
    {
      attrs: {
        'data-platform': record.platform,
        'data-account': record.account,
        'data-scope': record.scope,
        'data-id': record.id,
        'data-result-type': record.result_type ?? '',
        'data-attribution': record.attribution ?? '',
        'data-campaign-name': record.campaign_name ?? '',
      },
    },
    [
      element('td', { text: record.platform }),
      element('td', { text: record.account }),
      element('td', { text: `${record.scope} ${record.id}` }),
      element('td', { text: shown, attrs: { title: text } }),
      element('td', { text: (record.links ?? []).join(' ') }),
      element('td', { text: record.result_type ?? '' }),
      element('td', { text: record.attribution ?? '' }),
      element('td', { text: campaign }),
      element('td', { text: record.source.location, attrs: { title: record.source.label } }),
    ],
  );
}

/** Draws both lists from the store as it is now. */
async function showStore() {
  const stored = await readStore();
  await Promise.all([showObservations(stored), showContent(stored)]);
}

/**
 * Loads a panel module when this build ships it; a missing panel leaves its section empty.
 * @param {string} path
 */
async function loadPanel(path) {
  try {
    await import(path);
  } catch (error) {
    console.info(`Yardstick: no ${path} panel in this build`, error);
  }
}

document.addEventListener('yardstick-store-changed', () => void showStore().catch(console.error));
await showStore();
await Promise.all([loadPanel('./import.js'), loadPanel('./strategy.js'), loadPanel('./campaign-panel.js')]);
