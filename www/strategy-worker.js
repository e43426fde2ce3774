// @ts-check
/**
 * The service worker's strategy replies: the overlay frame cannot open IndexedDB (it sits
 * in a third-party context), so it asks the worker for the KPIs of its platform and the
 * worker evaluates them with the core (strategy-store.js).
 *
 * background.js calls `strategyReply` from its one message switch; it answers only its own
 * message type, from the extension's own frames and pages, and returns undefined for any
 * other message. The reply carries evaluations, never the strategy file itself.
 */
import { ext, extensionOrigin } from './ext.js';
import { isMessage } from './messages.js';
import { STRATEGY_MSG } from './strategy-messages.js';
import { pageKpis } from './strategy-store.js';

/** Platform ids as the core spells them. */
const PLATFORM = /^[a-z]{1,16}$/;
/** An RFC 3339 instant as `Date.prototype.toISOString` writes it. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * The reply to a strategy message, or undefined when `message` is not one.
 * @param {unknown} message
 * @param {chrome.runtime.MessageSender} sender
 * @returns {Promise<object | undefined>}
 */
export async function strategyReply(message, sender) {
  if (!isMessage(message, STRATEGY_MSG.pageKpis)) return undefined;
  const origin = sender.origin ?? (sender.url ? new URL(sender.url).origin : undefined);
  if (sender.id !== ext.runtime.id || origin !== extensionOrigin) return { error: 'unauthorised' };
  const { platform, now } = message;
  if (typeof platform !== 'string' || !PLATFORM.test(platform)) return { error: 'bad platform' };
  if (typeof now !== 'string' || !INSTANT.test(now)) return { error: 'bad time' };
  return pageKpis(platform, now);
}
