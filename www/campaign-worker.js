// @ts-check
/**
 * The service worker's campaign replies: the overlay frame cannot open IndexedDB (it sits
 * in a third-party context), so it asks the worker which of the strategy's campaigns the
 * page it just read belongs to, and how the page's post or ad compares with the account's
 * own past; the worker asks the core (`campaignPage`) with the saved strategy and the store.
 *
 * background.js calls `campaignReply` from its one message switch; it answers only its own
 * message type, from the extension's own frames and pages, and returns undefined for any
 * other message. The reply carries measured campaigns and a spot-check, never the strategy
 * file itself. Nothing here matches, adds or compares: the core does.
 */
import { core } from './core.js';
import { ext, extensionOrigin } from './ext.js';
import { isMessage } from './messages.js';
import { CAMPAIGN_MSG } from './campaign-messages.js';
import { readStore } from './storage.js';
import { loadStrategy } from './strategy-store.js';

/** An RFC 3339 instant as `Date.prototype.toISOString` writes it. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
/** A page's reading holds a few hundred figures; more is not a page's. */
const MAX_OBSERVATIONS = 20_000;

/**
 * The reply to a campaign message, or undefined when `message` is not one.
 * @param {unknown} message
 * @param {chrome.runtime.MessageSender} sender
 * @returns {Promise<object | undefined>}
 */
export async function campaignReply(message, sender) {
  if (!isMessage(message, CAMPAIGN_MSG.page)) return undefined;
  const origin = sender.origin ?? (sender.url ? new URL(sender.url).origin : undefined);
  if (sender.id !== ext.runtime.id || origin !== extensionOrigin) return { error: 'unauthorised' };
  const { observations, now, language } = message;
  if (!Array.isArray(observations) || observations.length > MAX_OBSERVATIONS) return { error: 'bad observations' };
  if (typeof now !== 'string' || !INSTANT.test(now)) return { error: 'bad time' };
  if (language !== 'en' && language !== 'nl') return { error: 'bad language' };
  try {
    const [yardstick, strategy, stored] = await Promise.all([core(), loadStrategy(), readStore()]);
    return { page: yardstick.campaignPage(strategy?.text, stored, now, observations, language) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
