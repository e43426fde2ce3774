// @ts-check
/**
 * The overlay's place on the page: a drag handle (pointer or arrow keys, Shift for larger
 * steps), a button and Escape to collapse the overlay to a small tab, and the memory of
 * where it sat and whether it was collapsed, per site.
 *
 * The content script owns the frame and moves it: this module only posts deltas and
 * collapse requests over the accepted channel's port, which the page cannot write to. The
 * content script cannot use extension storage (it is kept to the extension's trusted
 * contexts), so the overlay remembers: it stores the place the content script reports,
 * clamped, in chrome.storage.local under the site's hostname. A place is not secret; nothing
 * here reads the strategy or the store. Text comes from the table below, in English or Dutch.
 */
import { ext } from './ext.js';
import { MSG, isMessage } from './messages.js';
import { chooseLanguage, readSettings } from './strategy-strings.js';

/** chrome.storage.local key of the remembered places: `{[hostname]: {right, bottom, collapsed}}`. */
export const PLACE_KEY = 'yardstick-overlay-place';

/** An arrow key's step, and with Shift, in CSS pixels. */
const STEP = 10;
const BIG_STEP = 50;
/** A place is stored this long after the last move, so a drag writes once. */
const SAVE_DELAY_MS = 250;

const STRINGS = /** @type {const} */ ({
  move: { en: 'Move overlay', nl: 'Overlay verplaatsen' },
  moveHint: {
    en: 'Drag, or use the arrow keys; Shift moves further.',
    nl: 'Sleep, of gebruik de pijltjestoetsen; met Shift gaat het sneller.',
  },
  collapse: { en: 'Collapse overlay', nl: 'Overlay inklappen' },
  expand: { en: 'Expand overlay', nl: 'Overlay uitklappen' },
});

/** @typedef {{right: number, bottom: number, collapsed: boolean}} Place */

/** The arrow keys and the direction each moves the frame in. */
const ARROWS = /** @type {Record<string, [number, number]>} */ ({
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
});

/**
 * A hostname as the content script sends it, else null.
 * @param {unknown} value
 */
function hostname(value) {
  return typeof value === 'string' && value.length <= 253 && /^[a-z0-9.-]+$/i.test(value) ? value.toLowerCase() : null;
}

/**
 * A place from a message or from storage, else null.
 * @param {unknown} value
 * @returns {Place | null}
 */
function placeOf(value) {
  if (typeof value !== 'object' || value === null) return null;
  const { right, bottom, collapsed } = /** @type {Record<string, unknown>} */ (value);
  const distance = (/** @type {unknown} */ n) => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 100_000;
  return distance(right) && distance(bottom) && typeof collapsed === 'boolean'
    ? { right: /** @type {number} */ (right), bottom: /** @type {number} */ (bottom), collapsed }
    : null;
}

/** Every remembered place, by hostname. @returns {Promise<Record<string, unknown>>} */
async function storedPlaces() {
  const stored = await ext.storage.local.get(PLACE_KEY);
  const value = stored[PLACE_KEY];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

/**
 * Wires the handle and the collapse button to `port`, the channel the content script opened.
 * Call once, after the port was accepted.
 * @param {MessagePort} port
 */
export function placeOverlay(port) {
  const handle = /** @type {HTMLButtonElement} */ (document.getElementById('move-handle'));
  const toggle = /** @type {HTMLButtonElement} */ (document.getElementById('collapse-overlay'));
  const hint = /** @type {HTMLElement} */ (document.getElementById('move-hint'));
  /** The site's hostname, once the content script said it. */
  let host = /** @type {string | null} */ (null);
  let collapsed = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let saveTimer;
  /** @type {(key: keyof typeof STRINGS) => string} */
  let t = (key) => STRINGS[key].en;

  void readSettings().then((settings) => {
    const language = chooseLanguage(settings.language, navigator.language);
    t = (key) => STRINGS[key][language];
    for (const control of [handle, toggle, hint]) control.lang = language;
    handle.setAttribute('aria-label', t('move'));
    handle.title = t('move');
    hint.textContent = t('moveHint');
    showCollapsed(collapsed);
  });

  /** @param {boolean} value */
  function showCollapsed(value) {
    collapsed = value;
    document.body.dataset.collapsed = String(value);
    toggle.setAttribute('aria-expanded', String(!value));
    toggle.setAttribute('aria-label', t(value ? 'expand' : 'collapse'));
    toggle.title = t(value ? 'expand' : 'collapse');
    /** @type {HTMLElement} */ (toggle.firstElementChild).textContent = value ? '▴' : '▾';
  }

  /** @param {boolean} value */
  function requestCollapsed(value) {
    showCollapsed(value);
    port.postMessage({ type: MSG.overlayCollapse, collapsed: value });
  }

  /** @param {number} dx @param {number} dy */
  function requestMove(dx, dy) {
    if (dx !== 0 || dy !== 0) port.postMessage({ type: MSG.overlayMove, dx, dy });
  }

  /** @param {Place} place */
  function remember(place) {
    if (!host) return;
    const site = host;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(async () => {
      const places = await storedPlaces();
      await ext.storage.local.set({ [PLACE_KEY]: { ...places, [site]: place } });
      document.body.dataset.placeSaved = String(Number(document.body.dataset.placeSaved ?? 0) + 1);
    }, SAVE_DELAY_MS);
  }

  port.addEventListener('message', async (event) => {
    const data = event.data;
    if (isMessage(data, MSG.overlayHost) && host === null) {
      host = hostname(data.host);
      const place = host ? placeOf((await storedPlaces())[host]) : null;
      showCollapsed(place?.collapsed ?? false);
      port.postMessage({ type: MSG.overlayPlace, ...(place ?? { collapsed: false }) });
    } else if (isMessage(data, MSG.overlayPlaced)) {
      const place = placeOf(data);
      if (place) remember(place);
    }
  });
  port.start();

  toggle.addEventListener('click', () => requestCollapsed(!collapsed));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !collapsed) {
      requestCollapsed(true);
      toggle.focus();
    }
  });

  handle.addEventListener('keydown', (event) => {
    const direction = ARROWS[event.key];
    if (!direction) return;
    event.preventDefault();
    const step = event.shiftKey ? BIG_STEP : STEP;
    requestMove(direction[0] * step, direction[1] * step);
  });

  // The frame moves under the pointer, so deltas are taken in screen coordinates.
  /** @type {{x: number, y: number} | null} */
  let last = null;
  handle.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    handle.setPointerCapture(event.pointerId);
    last = { x: event.screenX, y: event.screenY };
  });
  handle.addEventListener('pointermove', (event) => {
    if (!last) return;
    const dx = event.screenX - last.x;
    const dy = event.screenY - last.y;
    last = { x: event.screenX, y: event.screenY };
    requestMove(dx, dy);
  });
  for (const end of ['pointerup', 'pointercancel', 'lostpointercapture']) {
    handle.addEventListener(end, () => {
      last = null;
    });
  }
}
