// @ts-check
/**
 * Small DOM helpers shared by the overlay, popup and dashboard, and the one place values
 * are turned into display text.
 *
 * Every node is built with createElement and textContent: page text and file content never
 * reach an HTML parser. Nothing here computes a metric.
 */

/**
 * @typedef {{kind: string, location: string, label: string, raw: string, read_at: string}} Source
 * @typedef {{platform: string, account: string, scope: string, post_id?: string, name?: string,
 *   metric: string, distribution?: string, window?: string, start: string, end: string, value: number, unit: string,
 *   rounded_to?: number, source: Source}} Observation
 * @typedef {{severity: string, code: string, message: string, location?: string, metric?: string, raw?: string}} Diagnostic
 */

/**
 * Creates an element with text and attributes.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {{text?: string, className?: string, attrs?: Record<string, string>}} [options]
 * @param {Node[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function element(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.text !== undefined) node.textContent = options.text;
  if (options.className) node.className = options.className;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * A value as a person reads it: ratios as percentages, money with its currency.
 * @param {number} value
 * @param {string} unit
 */
export function formatValue(value, unit) {
  if (unit === 'ratio') {
    return new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 2 }).format(value);
  }
  if (unit === 'seconds') {
    return `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(value)} s`;
  }
  if (unit.startsWith('currency:')) {
    const currency = unit.slice('currency:'.length);
    try {
      return new Intl.NumberFormat('en', { style: 'currency', currency }).format(value);
    } catch {
      return `${value} ${currency}`;
    }
  }
  return new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(value);
}

/**
 * An inclusive date range as text.
 * @param {string} start
 * @param {string} end
 */
export function formatPeriod(start, end) {
  return start === end ? start : `${start} – ${end}`;
}

/**
 * One table row per observation; each row carries its metric and exact value as data
 * attributes, so tests and other tools need not parse display text.
 * @param {Observation[]} observations
 * @param {{withPlatform?: boolean}} [options]
 */
export function observationRows(observations, options = {}) {
  return observations.map((observation) => {
    const cells = [
      element('td', { text: observation.metric }),
      element('td', { text: formatValue(observation.value, observation.unit), className: 'number' }),
      element('td', { text: formatPeriod(observation.start, observation.end) }),
      element('td', { text: observation.source.label, attrs: { title: observation.source.raw } }),
    ];
    if (options.withPlatform) {
      cells.unshift(element('td', { text: observation.account }));
      cells.unshift(element('td', { text: observation.platform }));
    }
    return element(
      'tr',
      {
        attrs: {
          'data-metric': observation.metric,
          'data-value': String(observation.value),
          'data-scope': observation.scope,
          'data-post-id': observation.post_id ?? '',
          'data-distribution': observation.distribution ?? '',
          'data-start': observation.start,
          'data-end': observation.end,
          'data-label': observation.source.label,
        },
      },
      cells,
    );
  });
}

/**
 * One list item per diagnostic.
 * @param {Diagnostic[]} diagnostics
 */
export function diagnosticItems(diagnostics) {
  return diagnostics.map((diagnostic) =>
    element('li', {
      text: diagnostic.message,
      className: diagnostic.severity,
      attrs: { 'data-code': diagnostic.code },
    }),
  );
}
