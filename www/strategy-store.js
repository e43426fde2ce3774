// @ts-check
/**
 * Where the strategy lives, and its evaluation against the store, for the extension's
 * first-party contexts: the service worker, the dashboard and the popup.
 *
 * The strategy file's text is kept in chrome.storage.local, which only the extension's own
 * contexts use: the page's scripts have no access to extension storage, and the content
 * script never asks for it (where the browser allows, access is narrowed to the
 * extension's trusted contexts). The store's bytes come from IndexedDB (storage.js), which
 * the overlay frame cannot open, so the overlay asks the worker (strategy-worker.js).
 * Validation and evaluation happen in the core; this module only fetches and hands over.
 */
import { core } from './core.js';
import { ext } from './ext.js';
import { readStore } from './storage.js';

/** chrome.storage.local key of the saved strategy: `{text, savedAt}`. */
export const STRATEGY_KEY = 'yardstick-strategy';

/**
 * The saved strategy file, or null when none was saved.
 * @returns {Promise<{text: string, savedAt: number} | null>}
 */
export async function loadStrategy() {
  const stored = await ext.storage.local.get(STRATEGY_KEY);
  const value = stored[STRATEGY_KEY];
  if (typeof value !== 'object' || value === null || typeof value.text !== 'string') return null;
  return { text: value.text, savedAt: Number(value.savedAt) || 0 };
}

/** Keeps extension storage to the extension's own contexts where the browser supports it. */
async function trustedOnly() {
  try {
    await ext.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch {
    // Older browsers: content scripts could read it, but ours never does.
  }
}

/**
 * Saves a strategy file the core has checked (`checkStrategy(text).valid`).
 * @param {string} text
 */
export async function saveStrategy(text) {
  await trustedOnly();
  await ext.storage.local.set({ [STRATEGY_KEY]: { text, savedAt: Date.now() } });
}

/** Removes the saved strategy. */
export async function removeStrategy() {
  await ext.storage.local.remove(STRATEGY_KEY);
}

/**
 * The KPIs a platform's page shows, evaluated at `now` against everything stored:
 * `{page}` (see the core's `evaluatePage`), `{page: null}` without a strategy, or
 * `{error}` when the saved strategy or the store cannot be read.
 * @param {string} platform
 * @param {string} now RFC 3339
 */
export async function pageKpis(platform, now) {
  const strategy = await loadStrategy();
  if (!strategy) return { page: null };
  try {
    const yardstick = await core();
    return { page: yardstick.evaluatePage(strategy.text, await readStore(), now, platform) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
