// @ts-check
/**
 * The strategy in a real browser with the built extension: the dashboard's editor (from a
 * template, checked as you type, imported, exported, saved), the overlay's KPIs on a
 * LinkedIn analytics page in each state (no strategy, no data, partial, on track, off track)
 * in English and Dutch, the popup's statuses at a glance, collapsing by keyboard and
 * remembering it, dark mode, and the page's scripts never seeing the strategy. Every test
 * also proves no request left the browser.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Browser, ROOT, pageFixture } from './harness.mjs';

const FIXTURE = pageFixture('linkedin-page-content-en');
const STRATEGY_FIXTURES = join(ROOT, 'tests', 'fixtures', 'strategy');

/** The UTC date `offset` days from now (LinkedIn reports in UTC). @param {number} offset */
function day(offset) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A 30-day period of which 20 days are over, whatever today is. */
const PERIOD = { start: day(-20), end: day(9) };

/** One KPI per state the overlay must show, a KPI across platforms, and one of X only. */
const STRATEGY = JSON.stringify({
  schema: 'yardstick-strategy',
  version: 1,
  name: 'Northwind on LinkedIn',
  objectives: [
    {
      id: 'awareness',
      kind: 'awareness',
      title: 'Be seen by engineers',
      kpis: [
        { id: 'on-track', title: 'Impressions', metric: 'impressions', platforms: ['linkedin'], period: PERIOD, target: 30000 },
        { id: 'off-track', title: 'Clicks', metric: 'clicks', platforms: ['linkedin'], period: PERIOD, target: 60000 },
        { id: 'partial', title: 'Reactions', metric: 'reactions', platforms: ['linkedin'], period: PERIOD, target: 300 },
        { id: 'no-data', title: 'Comments', metric: 'comments', platforms: ['linkedin'], period: PERIOD, target: 100 },
        { id: 'everywhere', title: 'Shares everywhere', metric: 'shares', platforms: 'all', period: PERIOD, target: 50 },
        { id: 'x-only', title: 'X impressions', metric: 'impressions', platforms: ['x'], period: PERIOD, target: 1000 },
      ],
    },
  ],
});

/**
 * Daily LinkedIn observations as an export gives them.
 * @param {string} metric
 * @param {number} from days before today
 * @param {number} to days before today (exclusive)
 * @param {number} value
 */
function daily(metric, from, to, value) {
  const observations = [];
  for (let offset = -from; offset < -to; offset += 1) {
    observations.push({
      platform: 'linkedin',
      account: '81234567',
      scope: 'account',
      metric,
      window: 'day',
      start: day(offset),
      end: day(offset),
      value,
      unit: 'count',
      source: { kind: 'export', location: 'linkedin_content_export.xls', label: metric, raw: String(value), read_at: new Date().toISOString() },
    });
  }
  return observations;
}

const OBSERVATIONS = [
  ...daily('impressions', 20, 0, 1000),
  ...daily('clicks', 20, 0, 1000),
  // Ten days of reactions, then nothing for ten days: stale.
  ...daily('reactions', 20, 10, 10),
];

/**
 * Stores a strategy, observations and settings as the extension's own pages would: the
 * strategy and settings in extension storage, observations through the worker.
 * @param {Browser} browser
 * @param {{strategy?: string, observations?: object[], language?: string}} seed
 */
async function seed(browser, seed) {
  const page = await browser.openExtensionPage('popup.html');
  const reply = await page.evaluate(async ({ strategy, observations, language }) => {
    if (language) await chrome.storage.local.set({ 'yardstick-settings': { language } });
    if (strategy) await chrome.storage.local.set({ 'yardstick-strategy': { text: strategy, savedAt: Date.now() } });
    if (!observations) return { total: 0 };
    return chrome.runtime.sendMessage({ type: 'ov-bg-page-reading', observations, diagnostics: 0, platform: 'linkedin', pageKind: null });
  }, seed);
  assert.equal(reply.error, undefined, `seeding: ${reply.error}`);
  await page.close();
}

/**
 * Opens the LinkedIn fixture and waits for the overlay's KPI section.
 * @param {Browser} browser
 */
async function overlayKpis(browser) {
  const page = await browser.openFixture(FIXTURE);
  const frame = await browser.overlayFrame(page);
  await browser.overlayReading(frame);
  await frame.waitForFunction(() => document.getElementById('kpis')?.dataset.stamp !== undefined, null, { timeout: 20_000 });
  const shown = await frame.evaluate(() => {
    const section = /** @type {HTMLElement} */ (document.getElementById('kpis'));
    return {
      state: section.dataset.state,
      lang: section.lang,
      heading: section.querySelector('h2')?.textContent,
      note: section.querySelector('.kpis-note')?.textContent ?? '',
      link: section.querySelector('.kpis-note a')?.getAttribute('href') ?? null,
      cards: [...section.querySelectorAll('li.kpi')].map((card) => ({
        kpi: card.getAttribute('data-kpi'),
        status: card.getAttribute('data-status'),
        relevance: card.getAttribute('data-relevance'),
        statusText: card.querySelector('.kpi-head .kpi-status')?.textContent?.trim(),
        bar: card.querySelector('.kpi-bar')?.getAttribute('aria-label') ?? null,
        marker: card.querySelector('.kpi-marker') !== null,
        numbers: card.querySelector('.kpi-numbers')?.textContent ?? '',
        provisional: card.querySelector('.kpi-provisional .kpi-status')?.getAttribute('data-status') ?? null,
        coverage: card.querySelector('.kpi-coverage')?.textContent ?? '',
        sparkline: (() => {
          const canvas = card.querySelector('canvas');
          return canvas instanceof HTMLCanvasElement && !canvas.hidden;
        })(),
      })),
    };
  });
  return { page, frame, shown };
}

/** The words each language uses for the states, and its other strings. */
const WORDS = {
  en: { on_track: 'On track', off_track: 'Off track', partial_data: 'Partial data', no_data: 'No data', noStrategy: 'No strategy yet.', heading: 'Strategy', of: 'of' },
  nl: { on_track: 'Op koers', off_track: 'Uit koers', partial_data: 'Gedeeltelijke gegevens', no_data: 'Geen gegevens', noStrategy: 'Nog geen strategie.', heading: 'Strategie', of: 'van' },
};

for (const language of /** @type {const} */ (['en', 'nl'])) {
  const words = WORDS[language];

  test(`${language}: without a strategy the overlay says so and points to the dashboard`, async () => {
    const browser = await new Browser().launch();
    try {
      await seed(browser, { language });
      const { shown } = await overlayKpis(browser);
      assert.equal(shown.state, 'no-strategy');
      assert.equal(shown.lang, language);
      assert.equal(shown.heading, words.heading);
      assert.match(shown.note, new RegExp(`^${words.noStrategy}`));
      assert.equal(shown.link, 'dashboard.html#strategy');
    } finally {
      assert.deepEqual(await browser.close(), []);
    }
  });

  test(`${language}: the overlay shows each KPI's state in words, with bar, pace and sparkline`, async () => {
    const browser = await new Browser().launch();
    try {
      await seed(browser, { language, strategy: STRATEGY, observations: OBSERVATIONS });
      const { shown } = await overlayKpis(browser);
      assert.equal(shown.state, 'kpis');
      const byId = Object.fromEntries(shown.cards.map((card) => [card.kpi, card]));
      assert.deepEqual(
        shown.cards.map((card) => [card.kpi, card.relevance]),
        [
          ['on-track', 'platform'],
          ['off-track', 'platform'],
          ['partial', 'platform'],
          ['no-data', 'platform'],
          ['everywhere', 'organisation'],
        ],
        "this platform's KPIs first, then the organisation-wide one; X's own is not shown",
      );
      for (const id of ['on-track', 'off-track', 'partial', 'no-data']) {
        const card = byId[id];
        const expected = /** @type {'on_track' | 'off_track' | 'partial_data' | 'no_data'} */ (card.status);
        assert.equal(card.statusText?.slice(2), words[expected], `${id}: the status is said in words`);
        assert.match(card.statusText ?? '', /^[●✕◐–] /, `${id}: and has a symbol, not only a colour`);
      }
      assert.equal(byId['on-track'].status, 'on_track');
      assert.equal(byId['off-track'].status, 'off_track');
      assert.equal(byId.partial.status, 'partial_data');
      assert.equal(byId['no-data'].status, 'no_data');

      const onTrack = byId['on-track'];
      assert.ok(onTrack.marker, 'the pacing marker is on the bar');
      assert.ok(onTrack.sparkline, 'the sparkline is drawn');
      assert.match(onTrack.bar ?? '', new RegExp(`^20[.,]000 ${words.of} 30[.,]000`));
      assert.match(onTrack.numbers, new RegExp(`20[.,]000 ${words.of} 30[.,]000`));
      assert.equal(byId.partial.provisional, 'on_track', 'partial data says where it points');
      assert.match(byId.partial.coverage, /10\/20/);
    } finally {
      assert.deepEqual(await browser.close(), []);
    }
  });
}

test('the popup shows the statuses of this platform at a glance', async () => {
  const browser = await new Browser().launch();
  try {
    await seed(browser, { language: 'en', strategy: STRATEGY, observations: OBSERVATIONS });
    const { page } = await overlayKpis(browser);
    const popup = await browser.openExtensionPage(`popup.html?tab=${await browser.tabIdOf(page)}`);
    await popup.waitForFunction(() => document.getElementById('popup-kpis')?.dataset.state !== undefined, null, { timeout: 20_000 });
    const shown = await popup.evaluate(() => ({
      state: document.getElementById('popup-kpis')?.dataset.state,
      worst: document.querySelector('.popup-worst .kpi-status')?.getAttribute('data-status'),
      items: [...document.querySelectorAll('.popup-kpi-list li')].map((li) => [li.getAttribute('data-kpi'), li.getAttribute('data-status')]),
      link: document.querySelector('a[href="dashboard.html"]') !== null,
    }));
    assert.equal(shown.state, 'kpis');
    assert.equal(shown.worst, 'off_track');
    assert.deepEqual(shown.items.slice(0, 4), [
      ['on-track', 'on_track'],
      ['off-track', 'off_track'],
      ['partial', 'partial_data'],
      ['no-data', 'no_data'],
    ]);
    assert.ok(shown.link, 'the popup links to the dashboard');
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});

test('the KPIs collapse by keyboard, stay collapsed on the next page, and read well in dark mode', async () => {
  const browser = await new Browser().launch();
  try {
    await seed(browser, { language: 'en', strategy: STRATEGY, observations: OBSERVATIONS });
    const { page, frame } = await overlayKpis(browser);
    const toggle = frame.locator('#kpis .kpis-toggle');
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await frame.locator('#kpis-body').isHidden(), true);
    assert.equal(await toggle.textContent(), 'Show the KPIs');

    await page.reload();
    const again = await browser.overlayFrame(page);
    await again.waitForFunction(() => document.getElementById('kpis')?.dataset.stamp !== undefined, null, { timeout: 20_000 });
    assert.equal(await again.locator('#kpis').getAttribute('data-collapsed'), 'true', 'remembered for LinkedIn pages');
    const toggleAgain = again.locator('#kpis .kpis-toggle');
    await toggleAgain.focus();
    await page.keyboard.press('Space');
    assert.equal(await toggleAgain.getAttribute('aria-expanded'), 'true');
    assert.equal(await again.locator('#kpis-body').isVisible(), true);

    const surface = () => again.evaluate(() => getComputedStyle(/** @type {Element} */ (document.getElementById('kpis'))).backgroundColor);
    // The overlay page around the KPIs follows the scheme too, with text that stays readable.
    const pageColours = () => again.evaluate(() => {
      const style = getComputedStyle(document.body);
      return [style.backgroundColor, style.color];
    });
    await page.emulateMedia({ colorScheme: 'light' });
    assert.equal(await surface(), 'rgb(255, 255, 255)');
    assert.deepEqual(await pageColours(), ['rgb(255, 255, 255)', 'rgb(29, 36, 48)']);
    await page.emulateMedia({ colorScheme: 'dark' });
    assert.equal(await surface(), 'rgb(22, 27, 34)');
    assert.deepEqual(await pageColours(), ['rgb(13, 17, 23)', 'rgb(230, 237, 243)']);
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});

test("the page's own scripts never see the strategy", async () => {
  const browser = await new Browser().launch();
  try {
    await seed(browser, { language: 'en', strategy: STRATEGY, observations: OBSERVATIONS });
    const { page, shown } = await overlayKpis(browser);
    assert.equal(shown.state, 'kpis', 'the overlay shows the KPIs');
    const seen = await page.evaluate(() => {
      const frame = document.querySelector('iframe[title="Yardstick"]');
      const chromeApi = /** @type {any} */ (globalThis).chrome;
      return {
        storage: typeof chromeApi?.storage,
        runtime: typeof chromeApi?.runtime?.sendMessage,
        frameContent: frame instanceof HTMLIFrameElement ? frame.contentDocument : 'no frame',
        text: document.documentElement.textContent ?? '',
      };
    });
    assert.equal(seen.storage, 'undefined', 'no extension storage in the page');
    assert.equal(seen.runtime, 'undefined', 'no way to ask the worker');
    assert.equal(seen.frameContent, null, "the overlay's content is cross-origin");
    for (const secret of ['Northwind on LinkedIn', 'Be seen by engineers', 'Shares everywhere', 'yardstick-strategy']) {
      assert.ok(!seen.text.includes(secret), `the page's document does not contain ${secret}`);
    }
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});

test('the editor starts from a template, checks as you type, imports, exports and saves', async () => {
  const browser = await new Browser().launch();
  try {
    await seed(browser, { language: 'en' });
    const dashboard = await browser.openExtensionPage('dashboard.html');
    await dashboard.waitForFunction(() => document.getElementById('strategy')?.dataset.ready !== undefined, null, { timeout: 20_000 });
    const editor = dashboard.locator('#strategy-text');
    const verdict = dashboard.locator('#strategy-verdict');
    const save = dashboard.locator('#strategy-save');
    assert.equal(await save.isDisabled(), true, 'nothing to save yet');

    await dashboard.selectOption('#strategy-template', 'engagement');
    await dashboard.click('#strategy-use-template');
    assert.equal(await verdict.getAttribute('data-valid'), 'true');
    assert.match((await verdict.textContent()) ?? '', /^Valid: 1 objectives, 4 KPIs/);

    // A mistake while typing is named with its path at once; saving waits for the fix.
    const template = await editor.inputValue();
    await editor.fill(template.replace('"target": 4000', '"target": "lots"'));
    await dashboard.waitForFunction(() => document.getElementById('strategy-verdict')?.dataset.valid === 'false');
    const problems = await dashboard.locator('#strategy-problems li').evaluateAll((items) => items.map((li) => [li.getAttribute('data-path'), li.textContent]));
    assert.equal(problems.length, 1);
    assert.equal(problems[0][0], 'objectives[0].kpis[1].target');
    assert.match(problems[0][1] ?? '', /must be a number/);
    assert.equal(await save.isDisabled(), true);
    await editor.fill(template);
    await dashboard.waitForFunction(() => document.getElementById('strategy-verdict')?.dataset.valid === 'true');
    await save.click();
    await dashboard.waitForFunction(() => document.getElementById('strategy-message')?.dataset.saved !== undefined);
    const stored = await dashboard.evaluate(async () => (await chrome.storage.local.get('yardstick-strategy'))['yardstick-strategy'].text);
    assert.equal(stored, template, 'the canonical file is saved');
    assert.equal(await dashboard.locator('#strategy-summary tbody tr').count(), 4, 'each KPI with its status now');

    // Export gives the saved file back; importing a colleague's file shows it checked.
    const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.click('#strategy-export')]);
    assert.equal(download.suggestedFilename(), 'engagement.yardstick.json');
    const exported = readFileSync(/** @type {string} */ (await download.path()), 'utf8');
    assert.equal(exported, template);

    await dashboard.setInputFiles('#strategy-file', join(STRATEGY_FIXTURES, 'acme-2027.json'));
    await dashboard.waitForFunction(() => /4 objectives, 8 KPIs/.test(document.getElementById('strategy-verdict')?.textContent ?? ''));
    // A campaign's definition (issue #7) survives checking and saving.
    await dashboard.setInputFiles('#strategy-file', join(ROOT, 'tests', 'fixtures', 'campaign', 'open-day-2027', 'strategy.json'));
    await dashboard.waitForFunction(() => /1 objectives, 1 KPIs/.test(document.getElementById('strategy-verdict')?.textContent ?? ''));
    await save.click();
    await dashboard.waitForFunction(() => document.getElementById('strategy-message')?.textContent === 'Saved.');
    const withCampaign = await dashboard.evaluate(async () => (await chrome.storage.local.get('yardstick-strategy'))['yardstick-strategy'].text);
    assert.match(withCampaign, /"hashtag": "#?openday2027"/i, 'the campaign definition is kept');
    assert.match(withCampaign, /"delivery": "both"/);

    await dashboard.setInputFiles('#strategy-file', join(STRATEGY_FIXTURES, 'many-problems.json'));
    await dashboard.waitForFunction(() => document.getElementById('strategy-verdict')?.dataset.valid === 'false');
    assert.equal(await dashboard.locator('#strategy-problems li').count(), 17, 'every problem at once');
    assert.equal(await dashboard.locator('#strategy-problems li[data-path="objectives[0].kpis[3].taget"]').count(), 1);

    // The panel speaks Dutch when asked.
    await dashboard.selectOption('#strategy-language', 'nl');
    await dashboard.waitForFunction(() => document.querySelector('#strategy .strategy-editor')?.getAttribute('lang') === 'nl');
    assert.equal(await dashboard.locator('#strategy-save').textContent(), 'Opslaan');
    assert.match((await dashboard.locator('#strategy-verdict').textContent()) ?? '', /^17 problemen$/);
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});

test('the language follows the browser unless the user chose one', async () => {
  const browser = await new Browser().launch();
  try {
    const page = await browser.openExtensionPage('popup.html');
    const chosen = await page.evaluate(async () => {
      const { chooseLanguage, loadStrings } = await import('./strategy-strings.js');
      return {
        browser: navigator.language,
        loaded: (await loadStrings()).language,
        dutchBrowser: chooseLanguage(undefined, 'nl-BE'),
        englishBrowser: chooseLanguage('auto', 'en-GB'),
        otherBrowser: chooseLanguage(undefined, 'de-DE'),
        setting: chooseLanguage('nl', 'en-US'),
      };
    });
    assert.equal(chosen.loaded, chosen.browser.toLowerCase().startsWith('nl') ? 'nl' : 'en');
    assert.deepEqual(
      [chosen.dutchBrowser, chosen.englishBrowser, chosen.otherBrowser, chosen.setting],
      ['nl', 'en', 'en', 'nl'],
    );
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});
