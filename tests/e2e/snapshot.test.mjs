// @ts-check
/**
 * The snapshot the content script takes of the live DOM (www/snapshot.js, run in the page)
 * equals the one the native core builds from the saved HTML (`yardstick snapshot FILE --url
 * URL`), for every page fixture — so `cargo test` on fixtures exercises exactly what the
 * overlay reads. Also: the walker stays fast on a ~1 MB page.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM, ROOT, pageFixtures, runCli } from './harness.mjs';

const WALKER = join(ROOT, 'www', 'snapshot.js');

/** @type {import('playwright-core').Browser} */
let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});
after(async () => {
  await browser?.close();
});

/**
 * Opens `html` at `url` (nothing else is reachable) and snapshots it with the walker.
 * @param {string} url
 * @param {string} html
 */
async function browserSnapshot(url, html) {
  const context = await browser.newContext();
  try {
    await context.route('**/*', (route) =>
      route.request().url() === url ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }) : route.abort(),
    );
    const page = await context.newPage();
    await page.goto(url);
    await page.addScriptTag({ path: WALKER });
    return await page.evaluate(() => /** @type {any} */ (globalThis).yardstickSnapshot(document));
  } finally {
    await context.close();
  }
}

const fixtures = pageFixtures();

describe('browser and native snapshots agree on every page fixture', () => {
  test('there are fixtures to compare', () => assert.ok(fixtures.length >= 1));
  for (const fixture of fixtures) {
    test(fixture.name, async () => {
      const native = runCli(['snapshot', fixture.htmlPath, '--url', fixture.url]);
      const live = await browserSnapshot(fixture.url, fixture.html);
      assert.ok(live.nodes.length > 10, 'the walker found the page');
      assert.deepEqual(live, native);
    });
  }
});

test('the walker and the native builder follow the contract on awkward markup', async () => {
  const html = `<!doctype html><html lang=" nl-NL "><head><title> A \n title </title></head>
    <body class="x"><div id="a" class="_obf" data-test-id=" t  1 " aria-label="Impressions&nbsp;total" style="color:red">
    one <b>two</b> three&#x202F;&amp;<script>var label = "<span>Reach</span>"</script><style>p{}</style>
    <svg><title>icon</title></svg><template><p>tpl</p></template><noscript><p>n</p></noscript></div><p>a<p>b</body></html>`;
  const url = 'https://www.linkedin.com/company/1/admin/analytics/updates/';
  const expected = {
    url,
    lang: 'nl-NL',
    title: 'A title',
    nodes: [
      { tag: 'body' },
      { parent: 0, tag: 'div', text: 'one three &', attrs: { 'aria-label': 'Impressions total', 'data-test-id': 't 1', id: 'a' } },
      { parent: 1, tag: 'b', text: 'two' },
      { parent: 0, tag: 'p', text: 'a' },
      { parent: 0, tag: 'p', text: 'b' },
    ],
  };
  assert.deepEqual(await browserSnapshot(url, html), expected);
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-snapshot-'));
  try {
    writeFileSync(join(dir, 'page.html'), html);
    assert.deepEqual(runCli(['snapshot', join(dir, 'page.html'), '--url', url]), expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('open shadow roots hang under their host, before its light children', async () => {
  const html = `<!doctype html><html><body><metric-card id="card"><span>light</span></metric-card>
    <script>
      const root = document.getElementById('card').attachShadow({ mode: 'open' });
      const label = document.createElement('span');
      label.textContent = 'Impressions';
      const value = document.createElement('strong');
      value.textContent = '12,842';
      root.append(label, value);
      document.body.append(Object.assign(document.createElement('div'), { textContent: 'after' }));
    </script></body></html>`;
  const snapshot = await browserSnapshot('https://www.linkedin.com/company/1/admin/analytics/updates/', html);
  assert.deepEqual(snapshot.nodes, [
    { tag: 'body' },
    { parent: 0, tag: 'metric-card', attrs: { id: 'card' } },
    { parent: 1, tag: 'span', text: 'Impressions' },
    { parent: 1, tag: 'strong', text: '12,842' },
    { parent: 1, tag: 'span', text: 'light' },
    { parent: 0, tag: 'div', text: 'after' },
  ]);
});
