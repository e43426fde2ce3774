// @ts-check
/**
 * The service worker: issues and consumes the one-time tokens that let the overlay trust a
 * content script's channel, stores what overlays read, and remembers per tab how much was
 * read, for the popup.
 *
 * One onMessage switch on namespaced types (messages.js). It is the store's writer for the
 * overlays: an overlay frame sits in a third-party context where IndexedDB is refused or
 * partitioned, while the worker shares the extension's own IndexedDB with the dashboard.
 * The worker can be evicted between any two messages, so its state lives in
 * chrome.storage.session (which content scripts cannot read) and IndexedDB; in memory it
 * keeps only a queue that orders its own updates. It never reads pages and makes no
 * requests.
 */
import { core } from './core.js';
import { ext, extensionOrigin } from './ext.js';
import { MSG, isBoundedList, isCount, isMessage, isToken } from './messages.js';
import { updateStore } from './storage.js';
import { strategyReply } from './strategy-worker.js';
import { campaignReply } from './campaign-worker.js';

/** How long an issued token stays valid: the content script uses it within a second. */
const TOKEN_LIFETIME_MS = 60_000;

/** chrome.storage.session key: token → {tabId, issuedAt}. */
const TOKENS = 'tokens';

/** chrome.storage.session key: tab id → what the overlay last read there. */
const READINGS = 'readings';

/** A page's reading: a few hundred figures, an ad manager's grid of thousands of rows some 10 each. */
const MAX_OBSERVATIONS = 100_000;
/** At most one record per post or ad on the page. */
const MAX_CONTENT_RECORDS = 10_000;

/**
 * @typedef {{tabId: number, issuedAt: number}} IssuedToken
 * @typedef {{metrics: number, diagnostics: number, content: number, platform: string | null, pageKind: string | null, readAt: number}} TabReading
 * @typedef {{kept: number, refused: string[]}} ContentReport
 * @typedef {chrome.runtime.MessageSender} Sender
 */

/** Orders read-modify-write updates of session storage, so a token is consumed only once. */
let queue = Promise.resolve();

/**
 * Runs `task` after every task queued before it.
 * @template T
 * @param {() => Promise<T>} task
 * @returns {Promise<T>}
 */
function serialized(task) {
  const run = queue.then(task);
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

/**
 * Reads one record from session storage.
 * @param {string} key
 * @returns {Promise<Record<string, any>>}
 */
async function sessionRecord(key) {
  const stored = await ext.storage.session.get(key);
  const value = stored[key];
  return typeof value === 'object' && value !== null ? value : {};
}

/**
 * The sender's origin (Chrome gives it; otherwise it is the origin of the sender's URL).
 * @param {Sender} sender
 */
function senderOrigin(sender) {
  if (sender.origin) return sender.origin;
  try {
    return sender.url ? new URL(sender.url).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A message from a content script in a tab's top frame (the page's origin, not ours).
 * @param {Sender} sender
 */
function fromContentScript(sender) {
  return (
    sender.id === ext.runtime.id &&
    sender.tab?.id !== undefined &&
    sender.frameId === 0 &&
    senderOrigin(sender) !== extensionOrigin
  );
}

/**
 * A message from our overlay frame inside a tab.
 * @param {Sender} sender
 */
function fromOverlay(sender) {
  return (
    sender.id === ext.runtime.id &&
    sender.tab?.id !== undefined &&
    senderOrigin(sender) === extensionOrigin
  );
}

/**
 * A message from one of our own pages outside any tab (the popup) or from any of our pages.
 * @param {Sender} sender
 */
function fromExtensionPage(sender) {
  return sender.id === ext.runtime.id && senderOrigin(sender) === extensionOrigin;
}

/**
 * Issues a token for the sender's tab; starting a new page also forgets the tab's last reading.
 * @param {number} tabId
 */
function issueToken(tabId) {
  return serialized(async () => {
    const now = Date.now();
    const tokens = await sessionRecord(TOKENS);
    for (const [token, issued] of Object.entries(tokens)) {
      if (now - issued.issuedAt > TOKEN_LIFETIME_MS) delete tokens[token];
    }
    const token = crypto.randomUUID();
    tokens[token] = /** @type {IssuedToken} */ ({ tabId, issuedAt: now });
    const readings = await sessionRecord(READINGS);
    delete readings[tabId];
    await ext.storage.session.set({ [TOKENS]: tokens, [READINGS]: readings });
    return { token };
  });
}

/**
 * Consumes `token` when it was issued for `tabId` and has not expired: valid exactly once.
 * @param {string} token
 * @param {number} tabId
 */
function consumeToken(token, tabId) {
  return serialized(async () => {
    const tokens = await sessionRecord(TOKENS);
    /** @type {IssuedToken | undefined} */
    const issued = Object.hasOwn(tokens, token) ? tokens[token] : undefined;
    if (!issued) return { ok: false };
    delete tokens[token];
    await ext.storage.session.set({ [TOKENS]: tokens });
    const fresh = Date.now() - issued.issuedAt <= TOKEN_LIFETIME_MS;
    return { ok: fresh && issued.tabId === tabId };
  });
}

/**
 * Records what the overlay read on a tab.
 * @param {number} tabId
 * @param {TabReading} reading
 */
function recordReading(tabId, reading) {
  return serialized(async () => {
    const readings = await sessionRecord(READINGS);
    readings[tabId] = reading;
    await ext.storage.session.set({ [READINGS]: readings });
    return { ok: true };
  });
}

/**
 * Merges a reading's observations and content records into the store in one write (the
 * core decides what replaces what and which record it refuses) and returns how many facts
 * the store holds afterwards and what became of the records.
 * @param {unknown[]} observations
 * @param {unknown[]} content
 * @returns {Promise<{total: number, content: ContentReport}>}
 */
async function storeReading(observations, content) {
  const yardstick = await core();
  return updateStore((bytes) => {
    const merged = yardstick.mergeReading(bytes, observations, content);
    return { bytes: merged.bytes, result: { total: merged.total, content: merged.content } };
  });
}

/** @param {number} tabId */
async function tabReading(tabId) {
  const readings = await sessionRecord(READINGS);
  return { reading: Object.hasOwn(readings, String(tabId)) ? readings[tabId] : null };
}

/** @param {number} tabId */
function forgetTab(tabId) {
  return serialized(async () => {
    const readings = await sessionRecord(READINGS);
    delete readings[tabId];
    await ext.storage.session.set({ [READINGS]: readings });
  });
}

/** @param {unknown} value */
function stringOrNull(value) {
  return typeof value === 'string' ? value : null;
}

/**
 * The one switch over every message the worker answers.
 * @param {unknown} message
 * @param {Sender} sender
 * @returns {Promise<object>}
 */
async function handle(message, sender) {
  const tabId = sender.tab?.id ?? -1;
  if (isMessage(message, MSG.issueToken) && fromContentScript(sender)) {
    return issueToken(tabId);
  }
  if (isMessage(message, MSG.consumeToken) && fromOverlay(sender)) {
    return isToken(message.token) ? consumeToken(message.token, tabId) : { ok: false };
  }
  if (isMessage(message, MSG.pageReading) && fromOverlay(sender)) {
    const { observations, diagnostics } = message;
    // A reading without records leaves `content` out.
    const content = message.content ?? [];
    if (!isBoundedList(observations, MAX_OBSERVATIONS)) return { error: 'bad reading: observations' };
    if (!isBoundedList(content, MAX_CONTENT_RECORDS)) return { error: 'bad reading: content' };
    if (!isCount(diagnostics)) return { error: 'bad reading: diagnostics' };
    const stored = await storeReading(observations, content);
    await recordReading(tabId, {
      metrics: observations.length,
      diagnostics,
      content: stored.content.kept,
      platform: stringOrNull(message.platform),
      pageKind: stringOrNull(message.pageKind),
      readAt: Date.now(),
    });
    return stored;
  }
  if (isMessage(message, MSG.tabReading) && fromExtensionPage(sender)) {
    return isCount(message.tabId) ? tabReading(message.tabId) : { error: 'bad tab id' };
  }
  const strategy = await strategyReply(message, sender);
  if (strategy) return strategy;
  const campaign = await campaignReply(message, sender);
  if (campaign) return campaign;
  return { error: 'unknown or unauthorised message' };
}

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  handle(message, sender).then(sendResponse, (error) =>
    sendResponse({ error: error instanceof Error ? error.message : String(error) }),
  );
  // The reply is sent asynchronously.
  return true;
});

ext.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
});
