// @ts-check
/**
 * The content script on the analytics pages: plain JS, never wasm (a page's CSP can forbid
 * compiling wasm in a content script, and the platforms control their CSPs).
 *
 * It injects the overlay (an extension page in an iframe the page cannot read) as early as
 * it can, waits until the page settles, walks the live DOM into a snapshot (snapshot.js,
 * loaded before this file) and hands it to the overlay over a MessageChannel. The channel's
 * port goes to the extension's own origin together with a one-time token the service
 * worker issued for this tab, so a port the page posts itself is refused. On a single-page
 * navigation it waits for the page to settle again and sends a fresh snapshot.
 *
 * It also places the frame, because it owns it: fixed to the viewport, bottom-right by
 * default, always clamped inside the viewport (on resize too), open or collapsed to a small
 * tab. The overlay asks for a move or a collapse over the same port (the page cannot write
 * to it; window messages are never obeyed) and remembers the place per site in extension
 * storage, which this script cannot use: it sends the page's hostname once and reports each
 * place it applied.
 *
 * It must not read numbers (the core does), store anything, or talk to anything but the
 * service worker and the overlay. Message types are spelled here as in messages.js.
 */
(function yardstickContent() {
  'use strict';

  if (window.top !== window) return;

  /** The page counts as settled after this long without a relevant DOM change. */
  const QUIET_MS = 400;
  /** A page that never stops changing is read anyway after this long. */
  const MAX_SETTLE_MS = 8000;
  /** Attribute changes that can change what a reader sees (styles and classes cannot). */
  const WATCHED_ATTRIBUTES = ['aria-label', 'title', 'alt', 'hidden', 'aria-hidden', 'datetime'];

  /** The frame's size open and collapsed to a tab, in CSS pixels. */
  const OPEN_SIZE = { width: 380, height: 460 };
  const TAB_SIZE = { width: 190, height: 44 };
  /** The default gap between the frame and the viewport's bottom-right corner. */
  const INSET = 16;
  /** The frame shows at its remembered place, or where it is after this long without one. */
  const PLACE_WAIT_MS = 1500;
  /** The largest move one message may ask for, in CSS pixels. */
  const MAX_STEP = 10000;

  const ext = globalThis.chrome;
  const extensionOrigin = ext.runtime.getURL('').startsWith('chrome-extension://')
    ? `chrome-extension://${ext.runtime.id}`
    : new URL(ext.runtime.getURL('')).origin;

  /** @type {(doc: Document, options?: {exclude?: Set<Element>}) => object} */
  const takeSnapshot = /** @type {any} */ (globalThis).yardstickSnapshot;

  /**
   * A manifest match pattern (scheme, host, path with `*`) as a regular expression over URLs.
   * @param {string} pattern
   */
  function matchPatternToRegExp(pattern) {
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    return new RegExp(`^${escaped}$`);
  }

  /** The analytics URLs, from the manifest: the one place the host list lives. */
  const analyticsUrls = (ext.runtime.getManifest().content_scripts ?? [])
    .flatMap((script) => script.matches ?? [])
    .map(matchPatternToRegExp);

  /** @param {string} url */
  function isAnalyticsUrl(url) {
    const withoutFragment = url.split('#')[0];
    return analyticsUrls.some((pattern) => pattern.test(withoutFragment));
  }

  /**
   * Sets inline styles that the page's style sheets cannot override.
   * @param {HTMLElement} element
   * @param {Record<string, string>} styles
   */
  function setImportantStyles(element, styles) {
    for (const [name, value] of Object.entries(styles)) {
      element.style.setProperty(name, value, 'important');
    }
  }

  /**
   * Where the frame should sit: its distance from the viewport's right and bottom edges, and
   * whether it is collapsed. What is shown is this, clamped to the viewport of the moment.
   */
  const place = { right: INSET, bottom: INSET, collapsed: false };

  /** The viewport without scroll bars (the scrolling element's client box, per CSSOM). */
  function viewport() {
    const root = document.scrollingElement ?? document.documentElement;
    return {
      width: Math.min(window.innerWidth, root?.clientWidth || window.innerWidth),
      height: Math.min(window.innerHeight, root?.clientHeight || window.innerHeight),
    };
  }

  /**
   * `wanted` as it fits the viewport: the frame's size, and its edges' distances kept
   * between zero and what leaves the whole frame visible.
   * @param {{right: number, bottom: number, collapsed: boolean}} wanted
   */
  function clamped(wanted) {
    const size = wanted.collapsed ? TAB_SIZE : OPEN_SIZE;
    const view = viewport();
    const width = Math.min(size.width, view.width);
    const height = Math.min(size.height, Math.max(TAB_SIZE.height, view.height - 2 * INSET));
    const within = (/** @type {number} */ value, /** @type {number} */ most) =>
      Math.round(Math.min(Math.max(value, 0), Math.max(most, 0)));
    return {
      right: within(wanted.right, view.width - width),
      bottom: within(wanted.bottom, view.height - height),
      width,
      height,
    };
  }

  /**
   * Shows the frame at `place`, clamped to the viewport.
   * @param {HTMLIFrameElement} frame
   */
  function applyPlace(frame) {
    const shown = clamped(place);
    setImportantStyles(frame, {
      right: `${shown.right}px`,
      bottom: `${shown.bottom}px`,
      width: `${shown.width}px`,
      height: `${shown.height}px`,
    });
    return shown;
  }

  /**
   * Creates the overlay frame. It hangs off <html>, outside <body>, so the page's framework
   * does not re-render it away and the snapshot (which walks <body>) never contains it. It
   * stays invisible until the overlay says where it sat on this site (or PLACE_WAIT_MS).
   */
  function injectOverlay() {
    const frame = document.createElement('iframe');
    frame.title = 'Yardstick';
    setImportantStyles(frame, {
      position: 'fixed',
      visibility: 'hidden',
      border: '0',
      'border-radius': '10px',
      'box-shadow': '0 4px 24px rgba(0, 0, 0, 0.25)',
      'z-index': '2147483647',
      'color-scheme': 'normal',
      background: 'transparent',
      display: 'block',
    });
    applyPlace(frame);
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = ext.runtime.getURL('overlay.html');
    document.documentElement.append(frame);
    return { frame, loaded };
  }

  /**
   * Resolves once the page has had no relevant DOM change for QUIET_MS, or after
   * MAX_SETTLE_MS at most. Timers and a MutationObserver only: no polling.
   * @returns {Promise<void>}
   */
  function settled() {
    return new Promise((resolve) => {
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let quietTimer;
      const observer = new MutationObserver(() => {
        clearTimeout(quietTimer);
        quietTimer = setTimeout(done, QUIET_MS);
      });
      const limitTimer = setTimeout(done, MAX_SETTLE_MS);
      function done() {
        observer.disconnect();
        clearTimeout(quietTimer);
        clearTimeout(limitTimer);
        resolve();
      }
      observer.observe(document, {
        subtree: true,
        childList: true,
        characterData: true,
        attributeFilter: WATCHED_ATTRIBUTES,
      });
      quietTimer = setTimeout(done, QUIET_MS);
    });
  }

  /**
   * Opens the channel to the overlay: a token from the worker, then the port, posted to the
   * extension's own origin (a message to any other origin is dropped by the browser).
   * @param {HTMLIFrameElement} frame
   * @returns {Promise<MessagePort | null>}
   */
  async function openChannel(frame) {
    /** @type {{token?: string, error?: string} | undefined} */
    let reply;
    try {
      reply = await ext.runtime.sendMessage({ type: 'cs-bg-issue-token' });
    } catch (error) {
      console.warn('Yardstick: the extension did not answer', error);
      return null;
    }
    if (!reply?.token || !frame.contentWindow) {
      console.warn('Yardstick: no token for the overlay', reply?.error);
      return null;
    }
    const channel = new MessageChannel();
    frame.contentWindow.postMessage({ type: 'cs-ov-port', token: reply.token }, extensionOrigin, [
      channel.port2,
    ]);
    return channel.port1;
  }

  /**
   * A finite number within ±MAX_STEP from a message, else null.
   * @param {unknown} value
   */
  function bounded(value) {
    return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_STEP ? value : null;
  }

  /** Makes the frame visible (once placed, or when no place came in time). */
  function reveal() {
    frame.style.setProperty('visibility', 'visible', 'important');
  }

  /**
   * Applies a request of the overlay's: a remembered place, a move by a delta, or a
   * collapse. Anything else, or a malformed value, is ignored. Each move and collapse is
   * reported back with the place it came to, for the overlay to remember.
   * @param {MessagePort} port
   * @param {unknown} data
   */
  function onOverlayMessage(port, data) {
    if (typeof data !== 'object' || data === null) return;
    const message = /** @type {Record<string, unknown>} */ (data);
    if (message.type === 'ov-cs-place') {
      const right = bounded(message.right);
      const bottom = bounded(message.bottom);
      if (right !== null && bottom !== null) Object.assign(place, { right, bottom });
      place.collapsed = message.collapsed === true;
      applyPlace(frame);
      reveal();
      return;
    }
    if (message.type === 'ov-cs-move') {
      const dx = bounded(message.dx);
      const dy = bounded(message.dy);
      if (dx === null || dy === null) return;
      const from = clamped(place);
      const to = clamped({ ...place, right: from.right - dx, bottom: from.bottom - dy });
      Object.assign(place, { right: to.right, bottom: to.bottom });
    } else if (message.type === 'ov-cs-collapse' && typeof message.collapsed === 'boolean') {
      place.collapsed = message.collapsed;
    } else {
      return;
    }
    const shown = applyPlace(frame);
    port.postMessage({ type: 'cs-ov-placed', right: shown.right, bottom: shown.bottom, collapsed: place.collapsed });
  }

  const { frame, loaded } = injectOverlay();
  setTimeout(reveal, PLACE_WAIT_MS);
  window.addEventListener('resize', () => applyPlace(frame));
  /** @type {Promise<MessagePort | null>} */
  const channel = loaded.then(() => openChannel(frame));
  void channel.then((port) => {
    if (!port) return;
    port.onmessage = (event) => onOverlayMessage(port, event.data);
    port.postMessage({ type: 'cs-ov-host', host: location.hostname });
  });
  /** Counts readings so a slow, superseded one is never sent after a newer one. */
  let generation = 0;
  let lastUrl = location.href;

  /** Waits for the page to settle, then sends one snapshot of it. */
  async function readPage() {
    generation += 1;
    const mine = generation;
    await settled();
    const port = await channel;
    if (mine !== generation || !port || !isAnalyticsUrl(location.href)) return;
    const snapshot = takeSnapshot(document, { exclude: new Set([frame]) });
    // JSON text crosses into wasm faster than a structured object (see README, "Numbers").
    port.postMessage({ type: 'cs-ov-snapshot', snapshot: JSON.stringify(snapshot) });
  }

  /** Reacts to a URL change from a single-page navigation. */
  function onUrlMaybeChanged() {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    const analytics = isAnalyticsUrl(location.href);
    frame.style.setProperty('display', analytics ? 'block' : 'none', 'important');
    if (analytics) void readPage();
  }

  // Single-page navigations: pushState and replaceState show up in the Navigation API
  // (Chromium) and, everywhere, as the DOM changes the new view brings; back/forward as
  // popstate. Comparing URLs on each event is cheap; the reading itself waits to settle.
  const navigation = /** @type {any} */ (globalThis).navigation;
  if (navigation?.addEventListener) navigation.addEventListener('navigatesuccess', onUrlMaybeChanged);
  window.addEventListener('popstate', onUrlMaybeChanged);
  window.addEventListener('hashchange', onUrlMaybeChanged);
  new MutationObserver(onUrlMaybeChanged).observe(document, { subtree: true, childList: true });

  void readPage();
})();
