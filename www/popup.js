// @ts-check
/**
 * The toolbar popup: how many metrics were read from the current tab's page, and the way to
 * the dashboard.
 *
 * Without the `tabs` permission a tab's URL and title stay hidden, but its id does not: the
 * popup asks the service worker what the overlay reported for that id. `?tab=ID` names the
 * tab explicitly (the popup opened as a page, as the demo and tests do). Nothing here reads
 * the page or the store.
 */
import { ext, send } from './ext.js';
import { MSG } from './messages.js';
import { showPopupKpis } from './kpi-view.js';

/** The tab the popup is about: `?tab=ID`, else the active tab of this window. */
async function currentTabId() {
  const named = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
  if (Number.isSafeInteger(named) && named >= 0) return named;
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** @param {string} name */
function platformName(name) {
  const names = /** @type {Record<string, string>} */ ({
    linkedin: 'LinkedIn',
    x: 'X',
    facebook: 'Facebook',
    instagram: 'Instagram',
    youtube: 'YouTube',
    tiktok: 'TikTok',
    pinterest: 'Pinterest',
    meta: 'Meta Ads',
  });
  return names[name] ?? name;
}

async function main() {
  const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
  const tabId = await currentTabId();
  const reply = tabId === undefined ? { reading: null } : await send({ type: MSG.tabReading, tabId });
  const reading = reply.reading;
  void showPopupKpis(reading?.platform);
  if (!reading) {
    summary.textContent = 'Nothing read on this page. Open an analytics page (LinkedIn Page analytics) to read it.';
    summary.dataset.count = '0';
    return;
  }
  const metrics = reading.metrics === 1 ? '1 metric' : `${reading.metrics} metrics`;
  const where = reading.platform ? ` from this ${platformName(reading.platform)} page` : ' from this page';
  const missing = reading.diagnostics > 0 ? ` (${reading.diagnostics} could not be read)` : '';
  summary.textContent = `${metrics} read${where}${missing}.`;
  summary.dataset.count = String(reading.metrics);
}

void main();
