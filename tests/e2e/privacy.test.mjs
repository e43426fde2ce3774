// @ts-check
/**
 * No request leaves: three independent witnesses (the catch-all route, the context's request
 * events including the service worker's, and Chromium's net log by initiator) watch a full
 * session — read, store, reload, popup, dashboard — and must see nothing. The negative
 * controls make a deliberate request from each context (page, overlay frame, worker) and
 * require every witness to catch it, so an empty record means something.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Browser, pageFixture } from './harness.mjs';

const fixture = pageFixture('linkedin-page-content-en');

test('a whole session sends nothing anywhere', async () => {
  const browser = await new Browser().launch();
  let leaks;
  try {
    const page = await browser.openFixture(fixture);
    await browser.overlayReading(await browser.overlayFrame(page));
    await page.reload();
    await browser.overlayReading(await browser.overlayFrame(page));
    await browser.popupSummary(await browser.tabIdOf(page));
    assert.ok((await browser.dashboardRows()).length > 0);
  } finally {
    leaks = await browser.close();
  }
  assert.deepEqual(leaks, []);
});

/**
 * Makes one deliberate request from `where` and returns what the witnesses recorded.
 * @param {(browser: Browser, page: import('playwright-core').Page, url: string) => Promise<void>} leak
 * @param {string} url
 */
async function leaksAfter(leak, url) {
  const browser = await new Browser().launch();
  try {
    const page = await browser.openFixture(fixture);
    await browser.overlayReading(await browser.overlayFrame(page));
    await leak(browser, page, url);
    // Give the request time to reach the network stack.
    await page.waitForTimeout(500);
  } finally {
    await browser.close();
  }
  return browser.leaks;
}

describe('negative controls: a deliberate leak is caught by every witness', () => {
  /** @type {Record<string, (browser: Browser, page: import('playwright-core').Page, url: string) => Promise<void>>} */
  const leaks = {
    'a fetch from the page': async (_browser, page, url) => {
      await page.evaluate((u) => fetch(u).catch(() => undefined), url);
    },
    'an image in the page': async (_browser, page, url) => {
      await page.evaluate((u) => {
        const img = document.createElement('img');
        img.src = u;
        document.body.append(img);
      }, url);
    },
    'a fetch from the overlay frame': async (browser, page, url) => {
      const frame = await browser.overlayFrame(page);
      await frame.evaluate((u) => fetch(u).catch(() => undefined), url);
    },
    'a fetch from the service worker': async (browser, _page, url) => {
      await browser.serviceWorker?.evaluate((u) => fetch(u).catch(() => undefined), url);
    },
  };
  for (const [name, leak] of Object.entries(leaks)) {
    test(name, async () => {
      const url = `https://example.invalid/leak/${name.replaceAll(' ', '-')}`;
      const recorded = await leaksAfter(leak, url);
      for (const witness of ['route', 'request', 'netlog']) {
        assert.ok(
          recorded.some((l) => l.witness === witness && l.url === url),
          `${witness} missed it: ${JSON.stringify(recorded)}`,
        );
      }
      assert.ok(recorded.every((l) => l.url === url), `only the deliberate request: ${JSON.stringify(recorded)}`);
    });
  }
});
