// @ts-check
/**
 * The dashboard: every stored observation, and the seats of the import and strategy panels.
 *
 * The panels are separate modules (`import.js`, `strategy.js`) that render into their own
 * `<section>`; each is loaded when the build ships it. This page lists what the core returns
 * and computes nothing itself.
 */
import { core } from './core.js';
import { observationRows } from './render.js';
import { readStore } from './storage.js';

/** Lists the stored observations. */
export async function showObservations() {
  const yardstick = await core();
  const observations = yardstick.listObservations(await readStore());
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

await showObservations();
await Promise.all([loadPanel('./import.js'), loadPanel('./strategy.js'), loadPanel('./campaign-panel.js')]);
