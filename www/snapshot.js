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
 * collapsed the same way; SKIPPED_ELEMENTS and everything inside them are left out; the
 * children of an open shadow root hang under its host, before the host's light children.
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
  ]);

  /** Elements whose content never reaches a snapshot. */
  const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'svg']);

  /**
   * @typedef {{parent?: number, tag: string, text?: string, attrs?: Record<string, string>}} SnapshotNode
   * @typedef {{url: string, lang?: string, title: string, nodes: SnapshotNode[]}} Snapshot
   */

  /** @param {string} text */
  function collapse(text) {
    return text.replace(/\s+/g, ' ').trim();
  }

  /**
   * The element's own text: its direct text children, joined and collapsed.
   * @param {Node} element
   */
  function ownText(element) {
    /** @type {string[]} */
    const parts = [];
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) parts.push(/** @type {Text} */ (child).data);
    }
    return parts.length === 0 ? '' : collapse(parts.join(' '));
  }

  /**
   * Kept attributes, or undefined when there are none (the JSON leaves the key out).
   * @param {Element} element
   */
  function keptAttributes(element) {
    /** @type {Record<string, string> | undefined} */
    let attrs;
    for (const attribute of element.attributes) {
      const name = attribute.name;
      if (KEPT_ATTRIBUTES.has(name) || name.startsWith('data-')) {
        attrs ??= {};
        attrs[name] = collapse(attribute.value);
      }
    }
    if (!attrs) return undefined;
    // Sorted keys, as the Rust side's BTreeMap writes them.
    /** @type {Record<string, string>} */
    const sorted = {};
    for (const name of Object.keys(attrs).sort()) sorted[name] = attrs[name];
    return sorted;
  }

  /**
   * The children to walk under `element`: an open shadow root's first, then light ones.
   * @param {Element} element
   * @returns {Element[]}
   */
  function childElements(element) {
    /** @type {Element[]} */
    const children = [];
    const shadow = element.shadowRoot;
    if (shadow) children.push(...shadow.children);
    // A <template>'s children live in its content fragment; templates are skipped anyway.
    children.push(...element.children);
    return children;
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
    // An explicit stack instead of recursion: hostile pages may nest very deep.
    /** @type {Array<[Element, number | undefined]>} */
    const stack = [[body, undefined]];
    while (stack.length > 0) {
      const [element, parent] = /** @type {[Element, number | undefined]} */ (stack.pop());
      const tag = element.localName.toLowerCase();
      if (SKIPPED_ELEMENTS.has(tag) || exclude.has(element)) continue;
      /** @type {SnapshotNode} */
      // Keys in the order the Rust side writes them: parent, tag, text, attrs.
      const node = parent === undefined ? { tag } : { parent, tag };
      const text = ownText(element);
      if (text) node.text = text;
      const attrs = keptAttributes(element);
      if (attrs) node.attrs = attrs;
      const index = snapshot.nodes.push(node) - 1;
      const children = childElements(element);
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push([children[i], index]);
    }
    return snapshot;
  }

  /** @type {any} */ (globalThis).yardstickSnapshot = yardstickSnapshot;
})();
