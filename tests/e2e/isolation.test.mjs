// @ts-check
/**
 * The page's own scripts against the overlay: they can see the frame element but not its
 * content, and they cannot feed it — a port posted with a guessed token, or with the real
 * token replayed after use, is refused, and the overlay goes on showing only the real
 * reading. Every attack here runs in the page's main world, as a page script would.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Browser, pageFixture } from './harness.mjs';

const fixture = pageFixture('linkedin-page-content-en');

/** A snapshot with a figure the real page does not show. */
const FORGED_SNAPSHOT = JSON.stringify({
  url: fixture.url,
  title: 'Content analytics | LinkedIn',
  nodes: [
    { tag: 'body' },
    { parent: 0, tag: 'button', text: 'Time range: Aug 26, 2026 - Sep 9, 2026' },
    { parent: 0, tag: 'div', text: '999,999' },
    { parent: 0, tag: 'div', text: 'Impressions' },
  ],
});

/**
 * Runs in the page: posts its own channel's port to the overlay frame with `token`, then a
 * forged snapshot over it, and reports whether anything came back.
 * @param {import('playwright-core').Page} page
 * @param {string} token
 */
function postForgedPort(page, token) {
  return page.evaluate(
    ({ token, snapshot }) =>
      new Promise((resolve) => {
        const frame = /** @type {HTMLIFrameElement | null} */ (document.querySelector('iframe[title="Yardstick"]'));
        if (!frame?.contentWindow) return resolve('no frame');
        const channel = new MessageChannel();
        let answered = false;
        channel.port1.onmessage = () => (answered = true);
        frame.contentWindow.postMessage({ type: 'cs-ov-port', token }, '*', [channel.port2]);
        channel.port1.postMessage({ type: 'cs-ov-snapshot', snapshot });
        setTimeout(() => resolve(answered ? 'answered' : 'silent'), 1500);
      }),
    { token, snapshot: FORGED_SNAPSHOT },
  );
}

/**
 * Resolves with the text of the overlay's next refusal warning.
 * @param {import('playwright-core').Page} page
 */
function nextRefusal(page) {
  return page.waitForEvent('console', {
    predicate: (message) => message.text().includes('refused a channel without a valid token'),
    timeout: 10_000,
  });
}

test('the page sees the frame element but cannot read its content', async () => {
  const browser = await new Browser().launch();
  try {
    const page = await browser.openFixture(fixture);
    await browser.overlayReading(await browser.overlayFrame(page));
    const seen = await page.evaluate(() => {
      const frame = /** @type {HTMLIFrameElement | null} */ (document.querySelector('iframe[title="Yardstick"]'));
      let documentAccess = 'readable';
      try {
        void frame?.contentWindow?.document.body;
      } catch (error) {
        documentAccess = /** @type {Error} */ (error).name;
      }
      return {
        element: frame !== null,
        contentDocument: frame?.contentDocument ?? null,
        documentAccess,
        framesDocument: (() => {
          try {
            return window.frames[0].document.title;
          } catch (error) {
            return /** @type {Error} */ (error).name;
          }
        })(),
        extensionApi: typeof (/** @type {any} */ (window).chrome?.runtime?.sendMessage),
      };
    });
    assert.equal(seen.element, true);
    assert.equal(seen.contentDocument, null);
    assert.equal(seen.documentAccess, 'SecurityError');
    assert.equal(seen.framesDocument, 'SecurityError');
    assert.equal(seen.extensionApi, 'undefined', 'the page cannot message the extension');
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});

test('a port posted with a guessed token is refused, before and after the real one', async () => {
  // The page races the content script: it posts a forged port as soon as the frame loads.
  const racing = fixture.html.replace(
    '</body>',
    `<script>
      new MutationObserver((records, observer) => {
        const frame = document.querySelector('iframe[title="Yardstick"]');
        if (!frame) return;
        observer.disconnect();
        frame.addEventListener('load', () => {
          const channel = new MessageChannel();
          frame.contentWindow.postMessage({ type: 'cs-ov-port', token: crypto.randomUUID() }, '*', [channel.port2]);
          channel.port1.postMessage({ type: 'cs-ov-snapshot', snapshot: ${JSON.stringify(FORGED_SNAPSHOT)} });
        });
      }).observe(document.documentElement, { childList: true });
    </script></body>`,
  );
  const browser = await new Browser().launch();
  try {
    const page = await browser.newPage();
    const earlyRefusal = nextRefusal(page);
    browser.serveHtml(fixture.url, racing);
    await page.goto(fixture.url);
    const frame = await browser.overlayFrame(page);
    await earlyRefusal;
    const real = await browser.overlayReading(frame);
    assert.equal(real.count, fixture.expected.observations.length);

    const lateRefusal = nextRefusal(page);
    assert.equal(await postForgedPort(page, crypto.randomUUID()), 'silent');
    await lateRefusal;
    const shown = await browser.overlayReading(frame, { after: undefined });
    assert.equal(shown.stamp, real.stamp, 'no second reading was shown');
    assert.ok(shown.rows.every((row) => row.value !== 999999));
    assert.ok((await browser.dashboardRows()).every((row) => row.value !== 999999), 'nothing forged was stored');
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});

test('the real token replayed after use is refused', async () => {
  const browser = await new Browser().launch();
  try {
    // Watch the worker's session storage to learn the tokens it issues, as no page can.
    await browser.serviceWorker?.evaluate(() => {
      const seen = /** @type {string[]} */ ([]);
      /** @type {any} */ (globalThis).issuedTokens = seen;
      chrome.storage.session.onChanged.addListener((changes) => {
        for (const token of Object.keys(changes.tokens?.newValue ?? {})) if (!seen.includes(token)) seen.push(token);
      });
    });
    const page = await browser.openFixture(fixture);
    const frame = await browser.overlayFrame(page);
    const real = await browser.overlayReading(frame);
    const issued = await browser.serviceWorker?.evaluate(() => /** @type {any} */ (globalThis).issuedTokens);
    assert.equal(issued.length, 1, 'one token for one page');

    // The worker itself refuses the used token, whoever asks ...
    const again = await frame.evaluate((token) => chrome.runtime.sendMessage({ type: 'ov-bg-consume-token', token }), issued[0]);
    assert.deepEqual(again, { ok: false });
    // ... so the page replaying it gets nowhere.
    const refusal = nextRefusal(page);
    assert.equal(await postForgedPort(page, issued[0]), 'silent');
    await refusal;
    const shown = await browser.overlayReading(frame, { after: undefined });
    assert.equal(shown.stamp, real.stamp);
    assert.ok(shown.rows.every((row) => row.value !== 999999));
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});
