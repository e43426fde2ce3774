// @ts-check
/**
 * The overlay: an extension page in an iframe on the analytics page. It accepts the content
 * script's channel only with a valid one-time token, reads each snapshot with the wasm core,
 * hands the observations and the content records (what the page says about its posts and
 * ads besides their numbers) to the service worker to store, and lists what it read and
 * what it could not.
 *
 * The page cannot read this frame (it is cross-origin) and cannot feed it: a port arriving
 * without a token the worker issued for this tab is closed unread, and only one channel is
 * ever accepted. Rendering uses textContent only. Reading and merging happen in Rust.
 *
 * It does not open IndexedDB itself: inside a web page the frame is a third-party context,
 * where Chromium refuses (or partitions) web storage, so the worker, a first-party context,
 * is the one that writes the store.
 */
import { core } from './core.js';
import { send } from './ext.js';
import { MSG, isMessage } from './messages.js';
import { diagnosticItems, element, groupedByEntity, manyEntities, observationRows } from './render.js';
import { chooseLanguage, readSettings } from './strategy-strings.js';
import { showKpis } from './kpi-view.js';
import { placeOverlay } from './overlay-place.js';
import { showCampaigns } from './campaign.js';

/** @typedef {import('./render.js').Observation} Observation */
/** @typedef {import('./render.js').Diagnostic} Diagnostic */
/** @typedef {import('./strategy-strings.js').Language} Language */
/**
 * @typedef {{platform: string, account: string, scope: string, id: string, text?: string,
 *   links?: string[], result_type?: string, attribution?: string}} ContentRecord
 * @typedef {{platform?: string | null, page_kind?: string | null, period?: unknown,
 *   observations: Observation[], diagnostics: Diagnostic[], content?: ContentRecord[]}} PageReading
 * @typedef {{total: number, content: {kept: number, refused: string[]}}} Stored
 */

/** The accepted channel's port, once a valid token came with it. */
let acceptedPort = /** @type {MessagePort | null} */ (null);
/** Readings run one after another, in the order their snapshots arrived. */
let readings = Promise.resolve();
/** How many readings this overlay has shown; tests wait for it to change. */
let shown = 0;

/**
 * The table's headings, and the item of the account's own rows, in each interface language;
 * metric names come from the core.
 */
const WORDS = /** @type {const} */ ({
  item: { en: 'Item', nl: 'Onderdeel' },
  metric: { en: 'Metric', nl: 'Metriek' },
  value: { en: 'Value', nl: 'Waarde' },
  period: { en: 'Period', nl: 'Periode' },
  source: { en: 'Read under', nl: 'Gelezen onder' },
  account: { en: 'Account', nl: 'Account' },
});

/** How each interface language writes numbers, dates and money. */
const LOCALES = /** @type {const} */ ({ en: 'en', nl: 'nl-NL' });

// Registered before any await: the content script posts as soon as this frame has loaded.
window.addEventListener('message', (event) => void onWindowMessage(event));
// Start compiling the core while the page settles.
const ready = core();

/**
 * A window message: only `cs-ov-port` from our own origin with one port is considered, and
 * its port is used only after the worker consumed the token for this tab.
 * @param {MessageEvent} event
 */
async function onWindowMessage(event) {
  const [port, ...extra] = event.ports;
  // The page shares the parent window and can post here too: only the token tells the
  // content script's message apart, so the checks before it are about shape only.
  const wellFormed =
    event.source === window.parent &&
    isMessage(event.data, MSG.overlayPort) &&
    port !== undefined &&
    extra.length === 0;
  if (!wellFormed) {
    for (const unused of event.ports) unused.close();
    return;
  }
  const reply = await send({ type: MSG.consumeToken, token: event.data.token });
  if (reply.ok !== true) {
    port.close();
    console.warn('Yardstick: refused a channel without a valid token');
  } else if (acceptedPort) {
    port.close();
    console.warn('Yardstick: refused a channel: one is already open');
  } else {
    acceptedPort = port;
    port.onmessage = (message) => {
      readings = readings.then(() => onSnapshot(message.data)).catch(showFailure);
    };
    placeOverlay(port);
  }
}

/**
 * A snapshot from the content script: read it, store it, show it, tell the worker.
 * @param {unknown} data
 */
async function onSnapshot(data) {
  if (!isMessage(data, MSG.overlaySnapshot) || typeof data.snapshot !== 'string') return;
  const yardstick = await ready;
  /** @type {PageReading} */
  const reading = yardstick.readPage(data.snapshot, new Date().toISOString());
  const stored = await send({
    type: MSG.pageReading,
    observations: reading.observations,
    content: reading.content ?? [],
    diagnostics: reading.diagnostics.length,
    platform: reading.platform ?? null,
    pageKind: reading.page_kind ?? null,
  });
  if (stored.error) throw new Error(`could not store what was read: ${stored.error}`);
  // Read per snapshot: the user may have switched languages in the dashboard meanwhile.
  const language = chooseLanguage((await readSettings()).language, navigator.language);
  /** @type {Record<string, string>} */
  const names = yardstick.metricNames(language);
  render(reading, /** @type {Stored} */ (stored), { language, names });
  await showKpis(reading.platform);
  await showCampaigns(reading);
}

/**
 * Shows a reading.
 * @param {PageReading} reading
 * @param {Stored} stored what the worker stored: facts in the store, records kept and refused
 * @param {{language: Language, names: Record<string, string>}} words the interface language
 *   and the core's metric names in it
 */
function render(reading, stored, words) {
  const { total, content } = stored;
  const page = /** @type {HTMLElement} */ (document.getElementById('page'));
  const what = [reading.platform, reading.page_kind].filter(Boolean).join(' · ');
  const count = reading.observations.length;
  const described = describedItems(reading.content ?? []);
  page.textContent = `${what || 'This page'}: ${count} ${count === 1 ? 'metric' : 'metrics'} read${described}`;
  page.dataset.count = String(count);
  page.dataset.content = String(content.kept);
  shown += 1;
  page.dataset.stamp = String(shown);

  const table = /** @type {HTMLTableElement} */ (document.getElementById('observations'));
  const { language, names } = words;
  // Several ad sets, campaigns or posts: each row says which one, rows of one item together.
  const withItem = manyEntities(reading.observations);
  const observations = withItem ? groupedByEntity(reading.observations) : reading.observations;
  table.lang = language;
  table.tHead?.rows[0]?.replaceChildren(...headings(language, withItem));
  table.tBodies[0].replaceChildren(
    ...observationRows(observations, {
      withItem,
      names,
      locale: LOCALES[language],
      accountWord: WORDS.account[language],
    }),
  );
  table.hidden = count === 0;

  const list = /** @type {HTMLUListElement} */ (document.getElementById('diagnostics'));
  const refused = content.refused.map((reason) =>
    element('li', { text: `Not kept: ${reason}`, className: 'warning', attrs: { 'data-code': 'content_refused' } }),
  );
  list.replaceChildren(...diagnosticItems(reading.diagnostics), ...refused);
  list.hidden = list.childElementCount === 0;

  const storedLine = /** @type {HTMLElement} */ (document.getElementById('stored'));
  storedLine.textContent = `${total} stored in this browser`;
  storedLine.dataset.count = String(total);
}

/**
 * The table's column headings, with an Item column first when rows name their item.
 * @param {Language} language
 * @param {boolean} withItem
 */
function headings(language, withItem) {
  /** @type {(keyof typeof WORDS)[]} */
  const columns = ['metric', 'value', 'period', 'source'];
  if (withItem) columns.unshift('item');
  return columns.map((column) =>
    element('th', {
      text: WORDS[column][language],
      className: column === 'value' ? 'number' : undefined,
      attrs: { scope: 'col', 'data-column': column },
    }),
  );
}

/**
 * What the page said about its posts and ads besides their numbers, as the end of the page
 * line: " · details of 1 post", " · details of 3 ad entities" (campaigns, ad sets, ads).
 * @param {ContentRecord[]} records
 */
function describedItems(records) {
  const posts = records.filter((record) => record.scope === 'post').length;
  const ads = records.length - posts;
  const parts = [];
  if (posts > 0) parts.push(`details of ${posts} ${posts === 1 ? 'post' : 'posts'}`);
  if (ads > 0) parts.push(`details of ${ads} ad ${ads === 1 ? 'entity' : 'entities'}`);
  return parts.map((part) => ` · ${part}`).join('');
}

/** @param {unknown} error */
function showFailure(error) {
  console.error('Yardstick:', error);
  const list = /** @type {HTMLUListElement} */ (document.getElementById('diagnostics'));
  const message = error instanceof Error ? error.message : String(error);
  list.replaceChildren(element('li', { text: `Could not read this page: ${message}`, className: 'error' }));
  list.hidden = false;
}
