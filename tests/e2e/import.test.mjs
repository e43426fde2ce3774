// @ts-check
/**
 * Export files through the browser: the dashboard's import panel takes several files at
 * once through its file input, the worker parses them in the wasm core and stores them, and
 * each file's summary matches what the native core gives for the same fixture
 * (tests/fixtures/exports/<case>/expected.json). A refused file says why and stores
 * nothing; the stored count afterwards is the sum of what the accepted files gave; nothing
 * leaves the browser meanwhile. A large generated file shows its progress before it is done.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Browser, ROOT } from './harness.mjs';

const EXPORTS = join(ROOT, 'tests', 'fixtures', 'exports');

/** One file per platform family, binary containers included, and one the importer refuses. */
const CASES = [
  'x_tweet_activity_en',
  'linkedin_page_content_en',
  'meta_page_daily_utf16',
  'meta_ads_nl',
  'youtube_advanced_en',
  'error_unrecognised',
];

/** @param {string} name */
function fixture(name) {
  const dir = join(EXPORTS, name);
  const input = readdirSync(dir).find((file) => file !== 'expected.json');
  if (!input) throw new Error(`${name}: no input file`);
  return { path: join(dir, input), file: input, expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) };
}

test('the dashboard imports export files as the native core does, and stores them', async () => {
  const cases = CASES.map(fixture);
  const browser = await new Browser().launch();
  try {
    const dashboard = await browser.openExtensionPage('dashboard.html');
    await dashboard.waitForSelector('#import-files', { state: 'attached' });
    await dashboard.setInputFiles('#import-files', cases.map((c) => c.path));
    await dashboard.waitForFunction(
      (count) =>
        [...document.querySelectorAll('#import .import-file')].filter(
          (item) => item.querySelector('progress') === null && item.querySelector('p')?.textContent !== '',
        ).length === count && [...document.querySelectorAll('#import progress')].length === 0,
      cases.length,
      { timeout: 60_000 },
    );
    const items = await dashboard.evaluate(() =>
      [...document.querySelectorAll('#import .import-file')].map((item) => ({
        file: item.querySelector('strong')?.textContent ?? '',
        platform: item.getAttribute('data-platform'),
        kind: item.getAttribute('data-kind'),
        observations: item.getAttribute('data-observations'),
        failed: item.classList.contains('error'),
        text: item.querySelector('p')?.textContent ?? '',
      })),
    );
    let stored = 0;
    for (const c of cases) {
      const item = items.find((i) => i.file === c.file);
      assert.ok(item, `${c.file} is listed`);
      if (c.expected.error) {
        assert.equal(item.failed, true, `${c.file} is refused`);
        assert.match(item.text, /not a platform export Yardstick recognises/);
        assert.match(item.text, /semicolon-separated/);
        continue;
      }
      assert.equal(item.failed, false, `${c.file}: ${item.text}`);
      assert.equal(item.platform, c.expected.platform, c.file);
      assert.equal(item.kind, c.expected.kind, c.file);
      assert.equal(Number(item.observations), c.expected.observation_count, c.file);
      stored += c.expected.observation_count;
    }
    await dashboard.close();

    const again = await browser.openExtensionPage('dashboard.html');
    await again.waitForFunction(() => document.getElementById('observations-summary')?.dataset.count !== undefined);
    const count = await again.evaluate(() => Number(document.getElementById('observations-summary')?.dataset.count));
    assert.equal(count, stored, 'every accepted observation is stored once; the refused file added none');
    await again.close();
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});

/**
 * An X per-post export with `rows` tweets (40 quoted columns, text with commas and quotes).
 * @param {number} rows
 */
function largeXExport(rows) {
  const metrics = ['impressions', 'engagements', 'engagement rate', 'retweets', 'replies', 'likes',
    'user profile clicks', 'url clicks', 'hashtag clicks', 'detail expands', 'permalink clicks', 'app opens',
    'app installs', 'follows', 'email tweet', 'dial phone', 'media views', 'media engagements'];
  const header = ['Tweet id', 'Tweet permalink', 'Tweet text', 'time', ...metrics, ...metrics.map((m) => `promoted ${m}`)];
  const lines = [header.map((h) => `"${h}"`).join(',')];
  for (let row = 0; row < rows; row++) {
    const id = (1090000000000000000n + BigInt(row) * 7919n).toString();
    const values = [id, `https://twitter.com/acme/status/${id}`, `Post ${row}, with ""quotes""`, `2019-01-${String(1 + (row % 28)).padStart(2, '0')} 12:00 +0000`,
      `${100 + (row % 900)}.0`, `${row % 50}.0`, '0.05', ...Array.from({ length: 15 }, (_, i) => `${(row + i) % 7}.0`), ...Array(18).fill('-')];
    lines.push(values.map((v) => `"${v}"`).join(','));
  }
  return lines.join('\n') + '\n';
}

test('a large export shows progress, then its summary', async () => {
  const rows = 60_000;
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-large-'));
  const path = join(dir, 'tweet_activity_metrics_acme_20190101_20190201_en.csv');
  writeFileSync(path, largeXExport(rows));
  const browser = await new Browser().launch();
  try {
    const dashboard = await browser.openExtensionPage('dashboard.html');
    await dashboard.waitForSelector('#import-files', { state: 'attached' });
    // Record every progress value the bar shows, from inside the page.
    await dashboard.evaluate(() => {
      const seen = /** @type {number[]} */ ([]);
      Object.assign(window, { progressSeen: seen });
      new MutationObserver(() => {
        const bar = document.querySelector('#import progress');
        if (bar instanceof HTMLProgressElement) seen.push(bar.value);
      }).observe(document.getElementById('import') ?? document.body, { subtree: true, attributes: true, childList: true });
    });
    const started = Date.now();
    await dashboard.setInputFiles('#import-files', path);
    await dashboard.waitForFunction(() => document.querySelector('#import .import-file')?.getAttribute('data-observations') !== null && document.querySelector('#import progress') === null, undefined, { timeout: 120_000 });
    const elapsed = Date.now() - started;
    const result = await dashboard.evaluate(() => ({
      observations: Number(document.querySelector('#import .import-file')?.getAttribute('data-observations')),
      text: document.querySelector('#import .import-file p')?.textContent ?? '',
      seen: /** @type {number[]} */ (/** @type {any} */ (window).progressSeen),
    }));
    console.log(`import of ${rows} rows in the browser (parse + merge + store): ${elapsed} ms`);
    assert.match(result.text, new RegExp(`${rows} rows`));
    assert.ok(result.observations > rows * 10, result.text);
    assert.ok(result.seen.some((value) => value > 0 && value < 1), `progress between 0 and 1 was shown: ${result.seen.join(', ')}`);
    await dashboard.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(await browser.close(), []);
  }
});
