// @ts-check
/**
 * The message types that cross between the extension's contexts, namespaced by sender and
 * receiver (`cs` content script, `bg` service worker, `ov` overlay, `pp` popup), and the
 * guards that check an untrusted message's shape before anything acts on it.
 *
 * content.js is a classic script and cannot import this module: it spells its types
 * (`cs-bg-issue-token`, `cs-ov-port`, `cs-ov-snapshot`, the placing ones) itself, and
 * tests/tidy.rs holds the spellings equal. This module must not do anything but name and check.
 */

export const MSG = Object.freeze({
  /** Content script → worker: issue a one-time token for this tab. Reply `{token}`. */
  issueToken: 'cs-bg-issue-token',
  /** Overlay → worker: consume a token for this tab. Reply `{ok}`. */
  consumeToken: 'ov-bg-consume-token',
  /**
   * Overlay → worker: store what was read on this tab's page, `{observations, content,
   * diagnostics, platform, pageKind}` (`content`, the reading's records, may be left out).
   * Reply `{total, content: {kept, refused}}`: facts stored, records kept, sentences about
   * records refused.
   */
  pageReading: 'ov-bg-page-reading',
  /** Popup → worker: what was read on a tab's page. Reply `{reading}` (or null). */
  tabReading: 'pp-bg-tab-reading',
  /** Content script → overlay (window message): here is the channel's port, and the token. */
  overlayPort: 'cs-ov-port',
  /** Content script → overlay (over the port): a page snapshot to read. */
  overlaySnapshot: 'cs-ov-snapshot',
  /** Content script → overlay (over the port): `{host}`, the page's hostname, to place by. */
  overlayHost: 'cs-ov-host',
  /** Content script → overlay (over the port): `{right, bottom, collapsed}`, where the frame now is. */
  overlayPlaced: 'cs-ov-placed',
  /** Overlay → content script (over the port): `{right, bottom, collapsed}`, where it sat on this site. */
  overlayPlace: 'ov-cs-place',
  /** Overlay → content script (over the port): `{dx, dy}`, move the frame by this many CSS pixels. */
  overlayMove: 'ov-cs-move',
  /** Overlay → content script (over the port): `{collapsed}`, collapse to a tab or open. */
  overlayCollapse: 'ov-cs-collapse',
});

/**
 * True when `value` is a plain object whose `type` is `type`.
 * @param {unknown} value
 * @param {string} type
 * @returns {value is {type: string} & Record<string, unknown>}
 */
export function isMessage(value, type) {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    /** @type {{type?: unknown}} */ (value).type === type
  );
}

/**
 * True for a token as the worker issues them (a random UUID).
 * @param {unknown} value
 * @returns {value is string}
 */
export function isToken(value) {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
}

/**
 * True for a non-negative integer count.
 * @param {unknown} value
 * @returns {value is number}
 */
export function isCount(value) {
  return Number.isSafeInteger(value) && /** @type {number} */ (value) >= 0;
}

/**
 * True for an array of at most `max` elements (what each element is, the core checks).
 * @param {unknown} value
 * @param {number} max
 * @returns {value is unknown[]}
 */
export function isBoundedList(value, max) {
  return Array.isArray(value) && value.length <= max;
}
