// @ts-check
/**
 * The one browser shim for extension pages and the service worker (ES module).
 *
 * Chrome and Firefox both offer the promise-based `chrome.*` namespace in MV3; this module
 * names it once, wraps runtime messaging so a missing receiver (the service worker was
 * evicted, a tab closed) comes back as a typed value rather than an exception, and knows
 * the extension's own origin. It must not hold state: the MV3 service worker can be evicted
 * at any time, so everything durable lives in chrome.storage or IndexedDB.
 */

/** The extension API namespace. */
export const ext = globalThis.chrome;

/**
 * This extension's origin: what `event.origin` and `sender.origin` are for its own pages.
 * Chrome's dynamic web-accessible URLs (use_dynamic_url) have a random host, but the frame's
 * origin is still the runtime id, so the origin is built from the id, not from getURL.
 */
export const extensionOrigin = ext.runtime.getURL('').startsWith('chrome-extension://')
  ? `chrome-extension://${ext.runtime.id}`
  : new URL(ext.runtime.getURL('')).origin;

/**
 * Sends a runtime message and returns the reply, or `{error}` when nothing answered.
 * @param {{type: string} & Record<string, unknown>} message
 * @returns {Promise<any>}
 */
export async function send(message) {
  try {
    const reply = await ext.runtime.sendMessage(message);
    return reply ?? { error: `no reply to ${message.type}` };
  } catch (error) {
    return { error: `${message.type}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
