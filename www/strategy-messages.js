// @ts-check
/**
 * The strategy's message type, namespaced like messages.js: the overlay (and the popup)
 * ask the service worker for the KPIs of a platform. Kept apart from messages.js so the
 * strategy's modules can be reviewed on their own; it must not do anything but name.
 */
export const STRATEGY_MSG = Object.freeze({
  /** Overlay or popup → worker: the KPIs of `platform` at `now`. Reply `{page}` or `{error}`. */
  pageKpis: 'ov-bg-strategy-kpis',
});
