// @ts-check
/**
 * The campaigns' message type, namespaced like messages.js: the overlay asks the service
 * worker what the strategy's campaigns and the account's own past say about the page it
 * just read. Kept apart from messages.js so the campaign modules can be reviewed on their
 * own; it must not do anything but name.
 */
export const CAMPAIGN_MSG = Object.freeze({
  /**
   * Overlay → worker: the campaigns and the spot-check of a page, from its reading's
   * `observations`, at `now`, in `language`. Reply `{page}` (the core's `campaignPage`) or
   * `{error}`.
   */
  page: 'ov-bg-campaign-page',
});
