// @ts-check
/**
 * Single-page navigation: the platforms' analytics are single-page apps, so a click that
 * changes the URL with history.pushState (or back with popstate) must lead to a fresh
 * reading once the new view settles; leaving the analytics pages hides the overlay.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Browser, pageFixture } from './harness.mjs';

const fixture = pageFixture('linkedin-page-content-en');

/** @param {{metric: string | null, value: number}[]} rows @param {string} metric */
function valueOf(rows, metric) {
  return rows.find((row) => row.metric === metric)?.value;
}

test('a pushState navigation is read again once the new view settles', async () => {
  const browser = await new Browser().launch();
  try {
    const page = await browser.openFixture(fixture);
    const frame = await browser.overlayFrame(page);
    const first = await browser.overlayReading(frame);
    assert.equal(valueOf(first.rows, 'impressions'), 12842);

    // The app swaps the figures in place and pushes a new analytics URL, as a tab click does.
    await page.evaluate(() => {
      history.pushState({}, '', location.pathname + '?tab=content&refresh=1');
      setTimeout(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.nodeValue?.trim() === '12,842') node.nodeValue = '13,005';
        }
      }, 100);
    });
    const second = await browser.overlayReading(frame, { after: first.stamp });
    assert.equal(valueOf(second.rows, 'impressions'), 13005);
    assert.equal(second.stored, first.stored, 'the newer reading of the same fact replaced the older');

    // Back: popstate brings a third reading; leaving analytics hides the frame.
    await page.goBack();
    const third = await browser.overlayReading(frame, { after: second.stamp });
    assert.equal(third.count, first.count);
    await page.evaluate(() => history.pushState({}, '', '/feed/'));
    await page.waitForFunction(() => {
      const frame = /** @type {HTMLElement | null} */ (document.querySelector('iframe[title="Yardstick"]'));
      return frame !== null && getComputedStyle(frame).display === 'none';
    });
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});
