// @ts-check
/**
 * The slice under the strictest page CSP the platforms could send: nonce-only scripts, no
 * wasm, frames from the page's own origin only. The wasm core runs in the extension's frame,
 * so the page's policy does not reach it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Browser, pageFixture } from './harness.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'nonce-r4nd0m'; style-src 'self' 'unsafe-inline'; frame-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

test('the overlay reads the page when the page sends a strict CSP', async () => {
  const fixture = pageFixture('linkedin-page-content-en');
  const html = fixture.html.replace('</body>', "<script nonce=\"r4nd0m\">document.body.dataset.pageScript = 'ran';</script></body>");
  const browser = await new Browser().launch();
  try {
    /** @type {string[]} */
    const violations = [];
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    browser.serveHtml(fixture.url, html, { 'Content-Security-Policy': STRICT_CSP });
    const response = await page.goto(fixture.url);
    assert.equal(response?.headers()['content-security-policy'], STRICT_CSP);
    assert.equal(await page.evaluate(() => document.body.dataset.pageScript), 'ran', 'the page\'s nonce script ran');

    const reading = await browser.overlayReading(await browser.overlayFrame(page));
    assert.equal(reading.count, fixture.expected.observations.length);
    assert.deepEqual(
      reading.rows.map((row) => `${row.metric}=${row.value}`).sort(),
      fixture.expected.observations.map((/** @type {any} */ o) => `${o.metric}=${o.value}`).sort(),
    );
    // The CSP was enforced on the page (its inline, nonce-less script was refused) ...
    assert.ok(violations.length > 0, 'the fixture\'s own inline script broke the policy');
    // ... and nothing of the extension's was among what it refused.
    assert.ok(violations.every((text) => !text.includes('chrome-extension')), violations.join('\n'));
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});
