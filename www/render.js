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
 * A value as a person reads it, in `locale`'s way of writing numbers (`nl-NL` writes
 * 98.811 and $ 345,22): ratios as percentages, money with its currency.
 * @param {number} value
 * @param {string} unit
 * @param {string} [locale] a BCP 47 tag; English when left out
 */
export function formatValue(value, unit, locale = 'en') {
  if (unit === 'ratio') {
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value);
  }
  if (unit === 'seconds') {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} s`;
  }
  if (unit.startsWith('currency:')) {
    const currency = unit.slice('currency:'.length);
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
    } catch {
      return `${value} ${currency}`;
    }
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
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
 * The entity an observation belongs to: its scope and, for posts and ad entities, its id.
 * @param {Observation} observation
 */
function entityKey(observation) {
  return `${observation.scope}\u0000${observation.post_id ?? ''}`;
}

/**
 * True when the observations belong to more than one entity (several ad sets, or the
 * account and its posts), so a row must say which item it is about.
 * @param {Observation[]} observations
 */
export function manyEntities(observations) {
  return new Set(observations.map(entityKey)).size > 1;
}

/**
 * The observations grouped by entity, the entities in the order they were first read and
 * each entity's observations in the order read.
 * @param {Observation[]} observations
 */
export function groupedByEntity(observations) {
  /** @type {Map<string, Observation[]>} */
  const groups = new Map();
  for (const observation of observations) {
    const key = entityKey(observation);
    const group = groups.get(key);
    if (group) group.push(observation);
    else groups.set(key, [observation]);
  }
  return [...groups.values()].flat();
}

/**
 * One table row per observation; each row carries its metric and exact value as data
 * attributes, so tests and other tools need not parse display text.
 *
 * `names` maps metric ids to words (the core's `metricNames`); a metric without words shows
 * its id, which every row also keeps in `data-metric` and its metric cell's title. With
 * `withItem`, a first cell says which ad entity or post the row is about: its name, else its
 * id, else `accountWord` for the account's own figures.
 * @param {Observation[]} observations
 * @param {{withPlatform?: boolean, withItem?: boolean, names?: Record<string, string>, locale?: string,
 *   accountWord?: string}} [options]
 */
export function observationRows(observations, options = {}) {
  const names = options.names ?? {};
  return observations.map((observation) => {
    const cells = [
      element('td', { text: names[observation.metric] ?? observation.metric, attrs: { title: observation.metric } }),
      element('td', { text: formatValue(observation.value, observation.unit, options.locale), className: 'number' }),
      element('td', { text: formatPeriod(observation.start, observation.end) }),
      element('td', { text: observation.source.label, attrs: { title: observation.source.raw } }),
    ];
    if (options.withItem) {
      const item = observation.name ?? observation.post_id ?? options.accountWord ?? observation.account;
      cells.unshift(element('td', { text: item, className: 'item', attrs: { 'data-item': item } }));
    }
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
