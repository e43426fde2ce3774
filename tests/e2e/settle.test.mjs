// @ts-check
/**
 * Settling in a real browser: the content script reads a page only once it has had no
 * relevant DOM change for QUIET_MS, and at the latest after MAX_SETTLE_MS. A section the app
 * renders late is in the reading (the half-rendered page is not read), and a page that
 * never stops changing is read exactly once, on time, and never again on its own.
 *
 * The pages are the LinkedIn Content fixture served at its real URL, with a page script that
 * renders late or keeps changing. The two limits are taken from the built content script,
 * so these tests follow them if they change. Nothing may leave the browser meanwhile.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Browser, EXTENSION_DIR, pageFixture } from './harness.mjs';

const fixture = pageFixture('linkedin-page-content-en');

/**
 * A numeric constant of the built content script (`const NAME = 400;`).
 * @param {string} name
 */
function contentConstant(name) {
  const source = readFileSync(join(EXTENSION_DIR, 'content.js'), 'utf8');
  const match = new RegExp(`const ${name} = (\\d+);`).exec(source);
  if (!match) throw new Error(`no ${name} in content.js`);
  return Number(match[1]);
}

const QUIET_MS = contentConstant('QUIET_MS');
const MAX_SETTLE_MS = contentConstant('MAX_SETTLE_MS');

/** The Reposts card of the fixture's Highlights grid, as the app renders it. */
const REPOSTS_CARD = `<div class="kw3 o0p1">
          <div class="_v2"><span class="x_a1 t-24">23</span> <span class="_d3 text-green">+4</span></div>
          <p class="_l9">Reposts</p>
        </div>`;

/** (metric, value) pairs, sorted. @param {{metric: string | null, value: number}[]} rows */
function figures(rows) {
  return rows.map((row) => `${row.metric}=${row.value}`).sort();
}

/**
 * The fixture with `script` run at the end of <body>, and optionally one part replaced.
 * @param {string} script
 * @param {[string, string]} [replace] what to replace and with what
 */
function withScript(script, replace) {
  let html = fixture.html;
  if (replace) {
    assert.ok(html.includes(replace[0]), 'the fixture still has the part to replace');
    html = html.replace(replace[0], replace[1]);
  }
  return { url: fixture.url, html: html.replace('</body>', `<script>${script}</script>\n</body>`) };
}

test('a section rendered late is read, not the half-rendered page', async () => {
  // A loader that changes every `gap` ms (each change sooner than QUIET_MS after the last),
  // then, about a second in, the Reposts card in its place: a page read at its first quiet
  // moment without waiting would miss it.
  const gap = Math.round(QUIET_MS * 0.6);
  const script = `
    const slot = document.getElementById('lazy-slot');
    const started = performance.now();
    let tick = 0;
    const timer = setInterval(() => {
      tick += 1;
      if (performance.now() - started < 1000) {
        slot.firstElementChild.textContent = 'Loading' + '.'.repeat(tick % 4);
        return;
      }
      clearInterval(timer);
      slot.outerHTML = ${JSON.stringify(REPOSTS_CARD)};
      window.repostsShownAt = performance.now();
    }, ${gap});`;
  const page = withScript(script, [REPOSTS_CARD, '<div class="kw3 o0p1 _skel" id="lazy-slot"><span>Loading</span></div>']);
  assert.ok(!page.html.includes('<p class="_l9">Reposts</p>'), 'the page starts without the Reposts card');

  const browser = await new Browser().launch();
  try {
    const tab = await browser.openFixture(page);
    const reading = await browser.overlayReading(await browser.overlayFrame(tab));
    assert.equal(reading.rows.find((row) => row.metric === 'shares')?.value, 23, 'the late Reposts card was read');
    assert.ok(await tab.evaluate(() => 'repostsShownAt' in window), 'the card was inserted');
    assert.deepEqual(figures(reading.rows), figures(fixture.expected.observations), 'the whole page, as in expected.json');
    assert.equal(reading.stamp, '1', 'one reading, of the settled page');
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});

test('a page that never settles is read once after MAX_SETTLE_MS, then left alone', async () => {
  // The Competitors placeholder changes its text every 100 ms, forever.
  const script = `
    window.ticks = 0;
    const placeholder = document.querySelector('._lazy ._sk');
    setInterval(() => {
      window.ticks += 1;
      placeholder.textContent = 'Loading' + '.'.repeat(window.ticks % 4);
    }, 100);`;
  assert.ok(100 < QUIET_MS, 'the changes come sooner than the page counts as settled');

  const browser = await new Browser().launch();
  try {
    const started = Date.now();
    const tab = await browser.openFixture(withScript(script));
    const frame = await browser.overlayFrame(tab);
    const reading = await browser.overlayReading(frame, { timeout: MAX_SETTLE_MS + 5000 });
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= MAX_SETTLE_MS, `read after ${elapsed} ms: the changes kept the page unsettled`);
    assert.ok(elapsed <= MAX_SETTLE_MS + 3000, `read after ${elapsed} ms: the limit bounds the wait`);
    assert.equal(reading.stamp, '1', 'exactly one reading');
    assert.deepEqual(figures(reading.rows), figures(fixture.expected.observations), 'the whole page, as in expected.json');

    // A whole settle period more of changes brings no further reading.
    const ticksBefore = await tab.evaluate(() => /** @type {any} */ (window).ticks);
    await tab.waitForTimeout(MAX_SETTLE_MS + 2000);
    const ticksAfter = await tab.evaluate(() => /** @type {any} */ (window).ticks);
    assert.ok(ticksAfter - ticksBefore >= 50, `the page kept changing (${ticksAfter - ticksBefore} changes)`);
    const stamp = await frame.evaluate(() => document.getElementById('page')?.dataset.stamp);
    assert.equal(stamp, '1', 'no reading after the first');
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});
