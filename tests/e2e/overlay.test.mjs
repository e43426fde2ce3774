// @ts-check
/**
 * The vertical slice in a real browser: the overlay shows the figures the core reads from
 * each page fixture, served at its real LinkedIn URL, and keeps the content records the
 * native core reads there; the popup counts the figures; figures and records are stored
 * once, survive a reload and a browser restart with the same profile; and nothing leaves
 * the browser meanwhile. On a page of several ad sets each row says which one it is about;
 * metric names and numbers are in the interface language.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Browser, contentScriptRunsOn, pageFixture, pageFixtures, runCli } from './harness.mjs';

/** (metric, value) pairs, sorted. @param {{metric: string | null, value: number}[]} rows */
function figures(rows) {
  return rows.map((row) => `${row.metric}=${row.value}`).sort();
}

/**
 * One line per observation with everything the overlay shows or keeps.
 * @param {any} o a native observation
 */
function nativeLine(o) {
  return [o.metric, o.value, o.scope, o.post_id ?? '', o.distribution ?? '', o.start, o.end, o.source.label].join(' ');
}

/** @param {any} row a row the overlay shows */
function shownLine(row) {
  return [row.metric, row.value, row.scope, row.postId, row.distribution, row.start, row.end, row.label].join(' ');
}

// Fixtures of pages the manifest does not cover yet are tests/tidy.rs's to flag.
const fixtures = pageFixtures().filter((fixture) => fixture.expected && contentScriptRunsOn(fixture.url));
const linkedin = fixtures.filter((fixture) => fixture.expected.platform === 'linkedin');

test('there are page fixtures to read, LinkedIn among them', () => {
  assert.ok(linkedin.length >= 1);
});

describe('the overlay reads each page fixture as the native core does', () => {
  for (const fixture of fixtures) {
    test(fixture.name, async () => {
      const browser = await new Browser().launch();
      try {
        const page = await browser.openFixture(fixture);
        const readAt = new Date().toISOString();
        const frame = await browser.overlayFrame(page);
        const reading = await browser.overlayReading(frame);

        const expected = fixture.expected.observations;
        assert.deepEqual(figures(reading.rows), figures(expected), 'figures as in expected.json');
        assert.equal(reading.count, expected.length);

        // The same core natively, on the saved HTML, at the same moment: the same rows.
        const native = runCli(['read-page', fixture.htmlPath, '--url', fixture.url, '--read-at', readAt]);
        assert.deepEqual(reading.rows.map(shownLine).sort(), native.observations.map(nativeLine).sort());
        assert.equal(reading.diagnostics.length, native.diagnostics.length, 'what could not be read is said');
        assert.equal(reading.stored, expected.length);
        const kept = await frame.evaluate(() => Number(document.getElementById('page')?.dataset.content));
        assert.equal(kept, (native.content ?? []).length, 'every content record the core read is kept');

        const popup = await browser.popupSummary(await browser.tabIdOf(page));
        assert.equal(popup.count, expected.length);
        if (expected.length > 1) assert.match(popup.text, new RegExp(`^${expected.length} metrics read from this`));
      } finally {
        assert.deepEqual(await browser.close(), []);
      }
    });
  }
});

test('observations are stored once and survive a reload and a browser restart', async () => {
  const fixture = pageFixture('linkedin-page-content-en');
  const profileDir = mkdtempSync(join(tmpdir(), 'yardstick-restart-'));
  try {
    const first = await new Browser({ profileDir }).launch();
    try {
      const page = await first.openFixture(fixture);
      const before = await first.overlayReading(await first.overlayFrame(page));
      await page.reload();
      const after = await first.overlayReading(await first.overlayFrame(page));
      assert.deepEqual(figures(after.rows), figures(before.rows));
      assert.equal(after.stored, before.stored, 'the same reading again is the same facts');
    } finally {
      assert.deepEqual(await first.close(), []);
    }

    const second = await new Browser({ profileDir }).launch();
    try {
      const rows = await second.dashboardRows();
      assert.deepEqual(figures(rows), figures(fixture.expected.observations));
      const dashboard = await second.openExtensionPage('dashboard.html');
      await dashboard.waitForFunction(() => document.getElementById('content-summary')?.dataset.count !== undefined);
      const records = await dashboard.evaluate(() =>
        [...document.querySelectorAll('#content tbody tr')].map((row) => row.getAttribute('data-id')).sort(),
      );
      assert.deepEqual(records, (fixture.expected.content ?? []).map((/** @type {any} */ r) => r.id).sort(), 'the records survive too');
      await dashboard.close();
      const blank = second.context?.pages()[0] ?? (await second.newPage());
      const popup = await second.popupSummary(await second.tabIdOf(blank));
      assert.equal(popup.count, 0, 'a tab with no analytics page reads nothing');
    } finally {
      assert.deepEqual(await second.close(), []);
    }
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
});

/**
 * Sets the interface language as the dashboard's language choice does.
 * @param {Browser} browser
 * @param {'en' | 'nl'} language
 */
async function chooseLanguage(browser, language) {
  const page = await browser.openExtensionPage('popup.html');
  await page.evaluate((language) => chrome.storage.local.set({ 'yardstick-settings': { language } }), language);
  await page.close();
}

/**
 * What the overlay's table shows: its column headings and, per row, its data attributes
 * and the text of its item, metric and value cells (the item cell only when there is one).
 * @param {Browser} browser
 * @param {import('./harness.mjs').PageFixture} fixture
 */
async function shownTable(browser, fixture) {
  const page = await browser.openFixture(fixture);
  const frame = await browser.overlayFrame(page);
  await browser.overlayReading(frame);
  return frame.evaluate(() => {
    const table = /** @type {HTMLTableElement} */ (document.getElementById('observations'));
    const columns = [...table.querySelectorAll('thead th')].map((th) => th.getAttribute('data-column'));
    const at = (/** @type {string} */ column) => columns.indexOf(column);
    return {
      lang: table.lang,
      headings: [...table.querySelectorAll('thead th')].map((th) => th.textContent),
      columns,
      rows: [...table.tBodies[0].rows].map((row) => ({
        metric: row.getAttribute('data-metric'),
        value: row.getAttribute('data-value'),
        postId: row.getAttribute('data-post-id'),
        item: at('item') >= 0 ? row.cells[at('item')].textContent : null,
        itemCells: row.querySelectorAll('td.item').length,
        name: row.cells[at('metric')].textContent,
        nameTitle: row.cells[at('metric')].getAttribute('title'),
        shown: row.cells[at('value')].textContent,
      })),
    };
  });
}

/** The core's words for a few metrics (src/campaign/words.rs), as the overlay must show them. */
const METRIC_WORDS = {
  en: { spend: 'spend', impressions: 'impressions', results: 'results' },
  nl: { spend: 'besteed bedrag', impressions: 'weergaven', results: 'resultaten' },
};

describe('the overlay says which item each row is about, in the interface language', () => {
  const adSets = pageFixture('meta-ads-adsets-en');
  /** @type {{id: string, name: string}[]} */
  const entities = JSON.parse(readFileSync(join(adSets.dir, 'entities.json'), 'utf8'));

  test('English: an Item column with each ad set’s name, its rows together, metrics in words', async () => {
    const browser = await new Browser().launch();
    try {
      await chooseLanguage(browser, 'en');
      const table = await shownTable(browser, adSets);
      assert.equal(table.lang, 'en');
      assert.deepEqual(table.columns, ['item', 'metric', 'value', 'period', 'source']);
      assert.equal(table.headings[0], 'Item');
      assert.equal(table.rows.length, adSets.expected.observations.length);

      // Each ad set's rows form one run, the runs in the order the page lists the ad sets.
      const runs = table.rows.map((row) => row.item).filter((item, i, items) => i === 0 || items[i - 1] !== item);
      assert.deepEqual(runs, entities.map((entity) => entity.name));
      for (const row of table.rows) {
        assert.equal(row.itemCells, 1);
        assert.equal(row.item, entities.find((entity) => entity.id === row.postId)?.name, 'the item is the row’s own ad set');
        assert.equal(row.nameTitle, row.metric, 'the metric id stays at hand');
      }

      const spend = table.rows.filter((row) => row.metric === 'spend');
      assert.equal(spend.length, 2, 'two spend rows, told apart by their item');
      assert.notEqual(spend[0].item, spend[1].item);
      for (const [id, word] of Object.entries(METRIC_WORDS.en)) {
        for (const row of table.rows.filter((r) => r.metric === id)) assert.equal(row.name, word);
      }
      const impressions = table.rows.find((row) => row.metric === 'impressions' && row.value === '98811');
      assert.equal(impressions?.shown, '98,811');
      assert.equal(table.rows.find((row) => row.value === '345.22')?.shown, '$345.22');
    } finally {
      assert.deepEqual(await browser.close(), []);
    }
  });

  test('Dutch: metric names in Dutch and numbers with Dutch separators, exact values kept', async () => {
    const browser = await new Browser().launch();
    try {
      await chooseLanguage(browser, 'nl');
      const table = await shownTable(browser, adSets);
      assert.equal(table.lang, 'nl');
      assert.equal(table.headings[0], 'Onderdeel');
      for (const [id, word] of Object.entries(METRIC_WORDS.nl)) {
        const rows = table.rows.filter((r) => r.metric === id);
        assert.ok(rows.length > 0, `a ${id} row`);
        for (const row of rows) assert.equal(row.name, word);
      }
      const impressions = table.rows.find((row) => row.metric === 'impressions' && row.value === '98811');
      assert.equal(impressions?.shown, '98.811');
      const spend = table.rows.find((row) => row.metric === 'spend' && row.value === '345.22');
      assert.match(spend?.shown ?? '', /345,22/);
      assert.doesNotMatch(spend?.shown ?? '', /345\.22/);
    } finally {
      assert.deepEqual(await browser.close(), []);
    }
  });

  test('a single post keeps the table without an Item column', async () => {
    const browser = await new Browser().launch();
    try {
      await chooseLanguage(browser, 'en');
      const post = pageFixture('meta-post-facebook-en');
      const table = await shownTable(browser, post);
      assert.deepEqual(table.columns, ['metric', 'value', 'period', 'source']);
      assert.equal(table.rows.length, post.expected.observations.length);
      for (const row of table.rows) assert.equal(row.itemCells, 0);
      const reach = table.rows.find((row) => row.metric === 'reach');
      assert.equal(reach?.name, 'reach');
    } finally {
      assert.deepEqual(await browser.close(), []);
    }
  });
});
