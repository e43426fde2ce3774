// @ts-check
/**
 * Walks a DOM into Yardstick's page snapshot: the one page representation every reader
 * runs over (the contract is src/page/snapshot.rs; src/page/html.rs builds the same
 * snapshot natively from saved HTML, and a browser test holds the two equal).
 *
 * A classic script, not a module: the manifest loads it into the content script before
 * content.js, and tests inject it into plain pages. It defines one global,
 * `yardstickSnapshot(document)`, and must not read anything beyond the document it is given
 * nor interpret the page: reading numbers is the core's job.
 *
 * Rules: nodes[0] is <body>; elements in pre-order, each with its parent's index; an
 * element's own text is its direct text children joined by single spaces, white space
 * collapsed (JavaScript's \s) and trimmed; only KEPT_ATTRIBUTES and data-* are kept, values
 * collapsed the same way; an <a href> keeps the absolute address the browser resolved
 * (`a.href`) when it is http(s) and at most MAX_HREF_CHARS long; SKIPPED_ELEMENTS and
 * everything inside them are left out; the children of an open shadow root hang under its
 * host, before the host's light children.
 */
(function defineSnapshot() {
  'use strict';

  /** Attributes a snapshot keeps besides data-*; class names never (they are obfuscated). */
  const KEPT_ATTRIBUTES = new Set([
    'id',
    'role',
    'aria-label',
    'aria-hidden',
    'title',
    'alt',
    'lang',
    'hidden',
    'datetime',
    // A grid cell's column (ad managers' virtualised tables render cells out of order).
    'aria-colindex',
  ]);

  const TEXT_NODE = 3;

  /** The longest link address kept; longer ones are left out, never cut (as in the core). */
  const MAX_HREF_CHARS = 2000;

  /** Elements whose content never reaches a snapshot. */
  const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'svg']);

  /**
   * @typedef {{parent?: number, tag: string, text?: string, attrs?: Record<string, string>, href?: string}} SnapshotNode
   * @typedef {{url: string, lang?: string, title: string, nodes: SnapshotNode[]}} Snapshot
   */

  /** @param {string} text */
  function collapse(text) {
    return text.replace(/\s+/g, ' ').trim();
  }

  /**
   * The element's own text: its direct text children, joined and collapsed.
   * @param {Element} element
   */
  function ownText(element) {
    let text = '';
    let parts = 0;
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const data = /** @type {Text} */ (child).data;
        text = parts === 0 ? data : `${text} ${data}`;
        parts += 1;
      }
    }
    return parts === 0 ? '' : collapse(text);
  }

  /**
   * Kept attributes, or undefined when there are none (the JSON leaves the key out).
   * Attribute names are read as strings: cheaper than the `attributes` collection's nodes.
   * @param {Element} element
   */
  function keptAttributes(element) {
    if (!element.hasAttributes()) return undefined;
    /** @type {Record<string, string> | undefined} */
    let attrs;
    for (const name of element.getAttributeNames()) {
      if (KEPT_ATTRIBUTES.has(name) || name.startsWith('data-')) {
        attrs ??= {};
        attrs[name] = collapse(/** @type {string} */ (element.getAttribute(name)));
      }
    }
    return attrs;
  }

  /**
   * A link's address as the browser resolved it, when the element is an HTML <a> with an
   * href that is an http(s) address of at most MAX_HREF_CHARS; otherwise undefined.
   * (`protocol` is ':' when the href does not parse.)
   * @param {Element} element
   */
  function linkAddress(element) {
    // An HTML <a> only (SVG's and MathML's <a> are other classes), as the core's builder.
    if (!(element instanceof HTMLAnchorElement) || !element.hasAttribute('href')) return undefined;
    const anchor = element;
    if (anchor.protocol !== 'http:' && anchor.protocol !== 'https:') return undefined;
    const href = anchor.href;
    return href.length <= MAX_HREF_CHARS ? href : undefined;
  }

  /**
   * Snapshots `doc` (the live document in the content script; any parsed document in tests).
   * `exclude` holds elements to leave out with their content (the overlay's own frame).
   * @param {Document} doc
   * @param {{exclude?: Set<Element>}} [options]
   * @returns {Snapshot}
   */
  function yardstickSnapshot(doc, options = {}) {
    const exclude = options.exclude ?? new Set();
    /** @type {Snapshot} */
    const snapshot = { url: doc.URL, title: doc.title, nodes: [] };
    const lang = doc.documentElement?.getAttribute('lang');
    if (lang !== null && lang !== undefined) snapshot.lang = collapse(lang);
    const body = doc.body;
    if (!body || body.localName !== 'body') return snapshot;
    const nodes = snapshot.nodes;
    // Explicit stacks instead of recursion (hostile pages may nest very deep), kept as two
    // parallel arrays so the walk allocates nothing per element but its node.
    /** @type {Element[]} */
    const elements = [body];
    /** @type {number[]} */
    const parents = [-1];
    while (elements.length > 0) {
      const element = /** @type {Element} */ (elements.pop());
      const parent = /** @type {number} */ (parents.pop());
      const tag = element.localName.toLowerCase();
      if (SKIPPED_ELEMENTS.has(tag) || exclude.has(element)) continue;
      // Keys in the order the Rust side writes them: parent, tag, text, attrs, href.
      /** @type {SnapshotNode} */
      const node = parent < 0 ? { tag } : { parent, tag };
      const text = ownText(element);
      if (text) node.text = text;
      const attrs = keptAttributes(element);
      if (attrs) node.attrs = attrs;
      if (tag === 'a') {
        const href = linkAddress(element);
        if (href !== undefined) node.href = href;
      }
      const index = nodes.push(node) - 1;
      // Pushed last to first so they pop first to last: the light children, then the open
      // shadow root's children above them, so the shadow's come out first. (A <template>'s
      // children live in its content fragment; templates are skipped anyway.)
      for (let child = element.lastElementChild; child; child = child.previousElementSibling) {
        elements.push(child);
        parents.push(index);
      }
      const shadow = element.shadowRoot;
      if (shadow) {
        for (let child = shadow.lastElementChild; child; child = child.previousElementSibling) {
          elements.push(child);
          parents.push(index);
        }
      }
    }
    return snapshot;
  }

  /** @type {any} */ (globalThis).yardstickSnapshot = yardstickSnapshot;
})();
