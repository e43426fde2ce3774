// @ts-check
/**
 * Campaigns in a real browser with the built extension: a campaign of the strategy that
 * spans LinkedIn and X posts (organic) and Meta and X ads (paid), its status on a post's
 * analytics page and on Meta's Ads Manager as the overlay reads them, in the dashboard with
 * its report files (CSV with a byte order mark and formula-like cells neutralised, Dutch
 * Excel CSV, JSON), and as a printable report saved as PDF; a campaign refused for mixing
 * currencies says why. Spot-checks on a single post compare it with the account's own
 * past, or say there is too little history. English and Dutch. Every test also proves no
 * request left the browser.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { join } from 'node:path';
import { Browser, ROOT, contentScriptRunsOn, pageFixture } from './harness.mjs';

const LINKEDIN_POST = pageFixture('linkedin-page-post-en');
const X_POST = pageFixture('x-post-en');
const META_CAMPAIGNS = pageFixture('meta-ads-campaigns-en');

/** The UTC date `offset` days from now (page readings are dated in UTC). @param {number} offset */
function day(offset) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The campaign runs from the Ads Manager fixture's first day (1 October 2026) until a month
 * from now, so the posts read today fall within it whatever day the test runs.
 */
const STRATEGY = JSON.stringify({
  schema: 'yardstick-strategy',
  version: 1,
  name: 'Northwind 2026',
  campaigns: [
    {
      id: 'autumn-open-day',
      name: 'Autumn open day',
      start: '2026-10-01',
      end: day(30),
      platforms: ['linkedin', 'x', 'meta'],
      delivery: 'both',
      match: [{ ad_name: 'open day', contains: true }],
      include: [
        { platform: 'linkedin', id: 'urn:li:activity:7234567890123456789' },
        { platform: 'x', id: '1834567890123456789' },
      ],
      currency: { report: 'EUR' },
      kpis: [
        { id: 'ao-impressions', metric: 'impressions', target: 100000 },
        { id: 'ao-engagements', metric: 'engagements', distribution: 'organic', target: 1000000 },
        { id: 'ao-spend', metric: 'spend', distribution: 'paid', target: 2000 },
      ],
    },
    {
      id: 'brand-q4',
      name: 'Brand video Q4',
      start: '2026-10-01',
      end: day(30),
      platforms: ['meta', 'x'],
      delivery: 'paid',
      match: [{ ad_name: 'Brand video', contains: true }],
      kpis: [{ id: 'bq-spend', metric: 'spend', target: 500 }],
    },
    { id: 'spring-fair', name: 'Spring fair', start: '2027-04-01', end: '2027-04-30' },
  ],
  objectives: [],
});

/**
 * An X Ads campaign as the X Ads reader stores one.
 * @param {string} id
 * @param {string} name
 * @param {string} currency
 * @param {number} impressions
 * @param {number} spend
 */
function xAd(id, name, currency, impressions, spend) {
  const base = {
    platform: 'x',
    account: '18ce54abc',
    scope: 'campaign',
    post_id: id,
    name,
    distribution: 'paid',
    window: 'range',
    start: '2026-10-05',
    end: '2026-10-20',
    source: { kind: 'page', location: 'https://ads.x.com/campaign_manager/18ce54abc/campaigns', label: 'Impressions', raw: '', read_at: new Date().toISOString() },
  };
  return [
    { ...base, metric: 'impressions', value: impressions, unit: 'count' },
    { ...base, metric: 'spend', value: spend, unit: `currency:${currency}` },
  ];
}

/** Two X Ads campaigns: one for the open day whose name Excel would run as a formula, one in dollars. */
const X_ADS = [...xAd('1900001', '=HYPERLINK("x") open day push', 'EUR', 20000, 150), ...xAd('1900002', 'Brand video teaser', 'USD', 8000, 90)];

/**
 * A year of lifetime totals of the LinkedIn page's own posts: engagement rates 1.0, 1.5,
 * 1.9, 1.9, 2.2, 2.5 and 3.0 % (engagements of 10,000 impressions), read yesterday.
 */
function linkedinHistory() {
  const posts = [
    [-300, 100],
    [-250, 150],
    [-200, 190],
    [-150, 190],
    [-100, 220],
    [-60, 250],
    [-30, 300],
  ];
  return posts.flatMap(([published, engagements], index) => {
    const reactions = Math.round(engagements * 0.6);
    const comments = Math.round(engagements * 0.1);
    const shares = Math.round(engagements * 0.05);
    const parts = { impressions: 10000, reactions, comments, shares, clicks: engagements - reactions - comments - shares };
    return Object.entries(parts).map(([metric, value]) => ({
      platform: 'linkedin',
      account: '81234567',
      scope: 'post',
      post_id: `urn:li:activity:70000000000000000${index + 1}`,
      metric,
      distribution: 'total',
      window: 'lifetime',
      start: day(published),
      end: day(-1),
      value,
      unit: 'count',
      source: { kind: 'export', location: '81234567_content.xls', label: metric, raw: String(value), read_at: new Date(Date.now() - 86_400_000).toISOString() },
    }));
  });
}

/**
 * Stores a strategy, observations and the language as the extension's own pages would.
 * @param {Browser} browser
 * @param {{strategy?: string, observations?: object[], language?: string}} seed
 */
async function seed(browser, seed) {
  const page = await browser.openExtensionPage('popup.html');
  const reply = await page.evaluate(async ({ strategy, observations, language }) => {
    if (language) await chrome.storage.local.set({ 'yardstick-settings': { language } });
    if (strategy) await chrome.storage.local.set({ 'yardstick-strategy': { text: strategy, savedAt: Date.now() } });
    if (!observations) return { total: 0 };
    return chrome.runtime.sendMessage({ type: 'ov-bg-page-reading', observations, diagnostics: 0, platform: null, pageKind: null });
  }, seed);
  assert.equal(reply.error, undefined, `seeding: ${reply.error}`);
  await page.close();
}

/**
 * Opens a page fixture and returns what the overlay's campaign section shows once the
 * page was read and stored.
 * @param {Browser} browser
 * @param {import('./harness.mjs').PageFixture} fixture
 */
async function overlayCampaigns(browser, fixture) {
  const page = await browser.openFixture(fixture);
  const frame = await browser.overlayFrame(page);
  await browser.overlayReading(frame);
  await frame.waitForFunction(() => document.getElementById('campaigns')?.dataset.stamp !== undefined, null, { timeout: 30_000 });
  const shown = await frame.evaluate(() => {
    const section = /** @type {HTMLElement} */ (document.getElementById('campaigns'));
    return {
      state: section.dataset.state,
      hidden: section.hidden,
      lang: section.lang,
      heading: section.querySelector('h2')?.textContent ?? '',
      spotCheck: section.dataset.spotCheck,
      spotLabel: section.querySelector('.spot-check-label')?.textContent ?? '',
      spotSentence: section.querySelector('.spot-check-sentence')?.textContent ?? '',
      spotMetric: section.querySelector('.spot-check')?.getAttribute('data-metric') ?? '',
      campaigns: [...section.querySelectorAll('article.campaign')].map((article) => ({
        id: article.getAttribute('data-campaign'),
        status: article.getAttribute('data-status'),
        statusText: article.querySelector('.campaign-name .campaign-status')?.textContent?.trim() ?? '',
        error: article.querySelector('.campaign-note.error')?.textContent ?? '',
        kpis: [...article.querySelectorAll('ul.campaign-kpis li')].map((li) => ({
          kpi: li.getAttribute('data-kpi'),
          status: li.getAttribute('data-status'),
          statusText: li.querySelector('.campaign-status')?.textContent?.trim() ?? '',
          colour: getComputedStyle(/** @type {Element} */ (li.querySelector('.campaign-status'))).color,
          numbers: li.querySelector('.campaign-numbers')?.textContent ?? '',
        })),
        totals: [...article.querySelectorAll('table.campaign-totals tbody tr')].map((tr) => ({
          platform: tr.getAttribute('data-platform'),
          part: tr.getAttribute('data-part'),
          impressions: Number(tr.querySelector('td[data-key="impressions"]')?.getAttribute('data-value') ?? NaN),
          spend: Number(tr.querySelector('td[data-key="spend"]')?.getAttribute('data-value') ?? NaN),
        })),
        content: [...article.querySelectorAll('ol.campaign-content li')].map((li) => ({
          id: li.getAttribute('data-id'),
          rank: li.getAttribute('data-rank'),
          here: li.classList.contains('here'),
          why: li.querySelector('.campaign-note')?.textContent ?? '',
        })),
      })),
    };
  });
  return { page, frame, shown };
}

/** The words each language shows, and the pattern of a status in words with its symbol. */
const WORDS = {
  en: {
    heading: 'Campaigns',
    label: 'Compared with your own past',
    status: /^[✓●▲✕◐–○] (Achieved|On track|At risk|Off track|Missed|Partial data|No data|Not started)$/,
  },
  nl: {
    heading: 'Campagnes',
    label: 'Vergeleken met je eigen verleden',
    status: /^[✓●▲✕◐–○] (Behaald|Op koers|Risico|Uit koers|Niet behaald|Gedeeltelijke gegevens|Geen gegevens|Nog niet begonnen)$/,
  },
};

/** Sums of the figures read from the three fixtures and the seeded X ads. */
const META_IMPRESSIONS = 102345 + 22190;
const META_SPEND = 505.68 + 300.07;
const LINKEDIN_IMPRESSIONS = 2341;
const X_POST_IMPRESSIONS = 12533;

test('a campaign across LinkedIn, X and Meta, organic and paid, shows on post pages, Ads Manager, the dashboard and its report', async () => {
  const browser = await new Browser().launch();
  try {
    await seed(browser, { language: 'en', strategy: STRATEGY, observations: X_ADS });

    // A post page: the post belongs to the campaign (picked by hand); too little history.
    const linkedin = await overlayCampaigns(browser, LINKEDIN_POST);
    assert.equal(linkedin.shown.state, 'shown');
    assert.equal(linkedin.shown.heading, WORDS.en.heading);
    assert.deepEqual(
      linkedin.shown.campaigns.map((c) => c.id),
      ['autumn-open-day'],
      'only the campaign the post belongs to',
    );
    const onPost = linkedin.shown.campaigns[0];
    const post = onPost.content.find((item) => item.id === 'urn:li:activity:7234567890123456789');
    assert.ok(post?.here, 'the page’s post is marked in the campaign’s content');
    assert.match(post?.why ?? '', /picked by hand/);
    assert.equal(linkedin.shown.spotCheck, 'too_little_history');
    assert.equal(linkedin.shown.spotLabel, WORDS.en.label);
    assert.match(linkedin.shown.spotSentence, /^engagement rate 8\.6%: too little history to compare \(0 LinkedIn posts in the last 12 months; at least 5 needed\)$/);

    const x = await overlayCampaigns(browser, X_POST);
    assert.deepEqual(x.shown.campaigns.map((c) => c.id), ['autumn-open-day']);
    assert.equal(x.shown.spotCheck, 'too_little_history');

    // Ads Manager: two of its campaigns match the rule; the overlay shows the whole
    // campaign, three platforms, organic and paid; a table of campaigns gets no spot-check.
    const meta = await overlayCampaigns(browser, META_CAMPAIGNS);
    assert.equal(meta.shown.spotCheck, '', 'a table of several campaigns is about none of them');
    const ids = meta.shown.campaigns.map((c) => c.id);
    assert.deepEqual(ids, ['autumn-open-day', 'brand-q4']);
    const campaign = meta.shown.campaigns[0];
    const here = campaign.content.filter((item) => item.here).map((item) => item.id);
    assert.deepEqual(here.sort(), ['120210000000000001', '120210000000000002']);
    const row = (/** @type {string} */ platform, /** @type {string} */ part) =>
      campaign.totals.find((r) => r.platform === platform && r.part === part);
    assert.equal(row('meta', 'paid')?.impressions, META_IMPRESSIONS);
    assert.ok(Math.abs((row('meta', 'paid')?.spend ?? 0) - META_SPEND) < 1e-9);
    assert.equal(row('linkedin', 'organic')?.impressions, LINKEDIN_IMPRESSIONS);
    assert.equal(row('x', 'organic')?.impressions, X_POST_IMPRESSIONS);
    assert.equal(row('x', 'paid')?.impressions, 20000);
    assert.equal(row('all', 'organic')?.impressions, LINKEDIN_IMPRESSIONS + X_POST_IMPRESSIONS);
    assert.equal(row('all', 'paid')?.impressions, META_IMPRESSIONS + 20000);
    assert.equal(row('all', 'both')?.impressions, META_IMPRESSIONS + 20000 + LINKEDIN_IMPRESSIONS + X_POST_IMPRESSIONS);
    // The ranking: Meta's traffic campaign first, each item with why it belongs.
    assert.equal(campaign.content[0].id, '120210000000000001');
    assert.equal(campaign.content[0].rank, '1');
    assert.match(campaign.content[0].why, /ad manager entity containing "open day": Autumn open day 2026/);
    // KPI status in words with a symbol, and in colour.
    const kpis = Object.fromEntries(campaign.kpis.map((k) => [k.kpi, k]));
    assert.equal(kpis['ao-impressions'].status, 'achieved', 'a sum past its target is achieved');
    assert.equal(kpis['ao-impressions'].statusText, '✓ Achieved');
    assert.equal(kpis['ao-impressions'].colour, 'rgb(26, 127, 55)');
    assert.equal(kpis['ao-engagements'].status, 'off_track');
    assert.equal(kpis['ao-engagements'].colour, 'rgb(207, 34, 46)');
    for (const kpi of campaign.kpis) assert.match(kpi.statusText, WORDS.en.status);
    assert.match(kpis['ao-spend'].numbers, /^€955\.75 of €2,000\.00 \(47\.8%\)/);
    assert.equal(campaign.status, 'off_track', 'the campaign’s status is its most pressing KPI’s');
    // Mixed currencies without a rate: refused, with the reason.
    const brand = meta.shown.campaigns[1];
    assert.equal(brand.status, 'error');
    assert.match(brand.error, /EUR.*USD|USD.*EUR/);

    // The dashboard lists every campaign with its status, and offers the report.
    const dashboard = await browser.openExtensionPage('dashboard.html');
    await dashboard.waitForFunction(() => document.getElementById('campaigns')?.dataset.state !== undefined, null, { timeout: 30_000 });
    const listed = await dashboard.evaluate(() =>
      [...document.querySelectorAll('#campaigns article.campaign')].map((article) => ({
        id: article.getAttribute('data-campaign'),
        status: article.getAttribute('data-status'),
        kpis: [...article.querySelectorAll('ul.campaign-kpis li')].map((li) => [li.getAttribute('data-kpi'), li.getAttribute('data-status')]),
        note: article.querySelector('.campaign-note')?.textContent ?? '',
        actions: [...article.querySelectorAll('.campaign-actions a, .campaign-actions button')].map((a) => a.textContent),
      })),
    );
    assert.deepEqual(
      listed.map((c) => [c.id, c.status]),
      [
        ['autumn-open-day', 'off_track'],
        ['brand-q4', 'error'],
        ['spring-fair', ''],
      ],
    );
    assert.deepEqual(listed[0].kpis, campaign.kpis.map((k) => [k.kpi, k.status]), 'the same statuses as on the page');
    assert.deepEqual(listed[0].actions, ['Print report', 'Download CSV', 'Download CSV (Dutch Excel)', 'Download JSON']);
    assert.match(listed[2].note, /^Dates only/);

    // Files: CSV for Excel with a byte order mark and the formula-like name neutralised.
    const files = /** @type {Record<string, Buffer>} */ ({});
    for (const format of ['csv', 'csv-nl', 'json']) {
      const [download] = await Promise.all([
        dashboard.waitForEvent('download'),
        dashboard.click(`#campaigns article[data-campaign="autumn-open-day"] button[data-format="${format}"]`),
      ]);
      files[download.suggestedFilename()] = readFileSync(/** @type {string} */ (await download.path()));
    }
    assert.deepEqual(Object.keys(files).sort(), ['autumn-open-day-report-nl.csv', 'autumn-open-day-report.csv', 'autumn-open-day-report.json']);
    const csv = files['autumn-open-day-report.csv'];
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const csvText = csv.toString('utf8');
    assert.ok(csvText.includes('\r\n'), 'CRLF line ends');
    assert.ok(csvText.includes(`'=HYPERLINK(""x"") open day push`), 'the formula-like name starts with a quote');
    assert.ok(!/[,;]=HYPERLINK/.test(csvText), 'no cell starts with =');
    const dutch = files['autumn-open-day-report-nl.csv'].toString('utf8');
    assert.deepEqual([...files['autumn-open-day-report-nl.csv'].subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(dutch.split('\r\n')[0].includes(';'), 'Dutch Excel separates with ;');
    assert.match(dutch, /955,75/, 'and writes decimal commas');
    const json = JSON.parse(files['autumn-open-day-report.json'].toString('utf8'));
    assert.equal(json.campaign.id, 'autumn-open-day');
    assert.deepEqual(json.kpis.map((/** @type {any} */ k) => [k.kpi, k.status]), listed[0].kpis);

    // The printable report, opened from the dashboard, saved as PDF.
    const [report] = await Promise.all([
      browser.context?.waitForEvent('page') ?? Promise.reject(new Error('no context')),
      dashboard.click('#campaigns article[data-campaign="autumn-open-day"] a[data-action="print"]'),
    ]);
    await report.waitForFunction(() => document.getElementById('report')?.dataset.ready !== undefined, null, { timeout: 30_000 });
    const printed = await report.evaluate(() => ({
      ready: document.getElementById('report')?.dataset.ready,
      title: document.title,
      headings: [...document.querySelectorAll('#report h2')].map((h) => h.textContent),
      kpis: [...document.querySelectorAll('#report table.campaign-kpi-table tbody tr')].map((tr) => [tr.getAttribute('data-kpi'), tr.getAttribute('data-status')]),
      totals: document.querySelectorAll('#report table.campaign-totals tbody tr').length,
      content: document.querySelectorAll('#report ol.campaign-content li').length,
      external: [...document.querySelectorAll('link, script, img, iframe')]
        .map((node) => node.getAttribute('href') ?? node.getAttribute('src') ?? '')
        .filter((url) => /^[a-z]+:/i.test(url)),
    }));
    assert.equal(printed.ready, 'true');
    assert.equal(printed.title, 'Autumn open day — campaign report');
    assert.deepEqual(printed.headings, ['Targets', 'Totals per platform', 'Top content']);
    assert.deepEqual(printed.kpis, listed[0].kpis);
    assert.ok(printed.totals >= 7, 'per platform organic and paid, and all platforms');
    assert.ok(printed.content >= 4);
    assert.deepEqual(printed.external, [], 'the report loads nothing from anywhere');
    await report.emulateMedia({ media: 'print' });
    assert.equal(await report.locator('.report-toolbar').isVisible(), false, 'no controls on paper');
    const pdf = await report.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 4, `a short document: ${pages} pages`);
    assert.ok(pdf.length > 20_000, `with its text and tables: ${pdf.length} bytes`);

    // An import on the dashboard redraws the campaign panel without a reload: LinkedIn
    // Campaign Manager's "Open day" ad sets join the campaign's paid totals.
    const linkedinAds = join(ROOT, 'tests', 'fixtures', 'exports', 'linkedin_ads_campaigns_en');
    const expected = JSON.parse(readFileSync(join(linkedinAds, 'expected.json'), 'utf8'));
    const adImpressions = /** @type {string[]} */ (expected.observations)
      .filter((line) => / impressions paid day /.test(line))
      .reduce((sum, line) => sum + Number(/ = ([\d.]+) /.exec(line)?.[1] ?? NaN), 0);
    assert.ok(adImpressions > 0, 'the export has impressions');
    const totals = () =>
      dashboard.evaluate(() => {
        const article = document.querySelector('#campaigns article[data-campaign="autumn-open-day"]');
        const value = (/** @type {string} */ platform, /** @type {string} */ part) =>
          article?.querySelector(`tr[data-platform="${platform}"][data-part="${part}"] td[data-key="impressions"]`)?.getAttribute('data-value') ?? null;
        return { stamp: document.getElementById('campaigns')?.dataset.stamp, all: value('all', 'both'), linkedinPaid: value('linkedin', 'paid') };
      });
    const before = await totals();
    await dashboard.setInputFiles('#import-files', join(linkedinAds, 'campaign_performance_report_508123456.csv'));
    await dashboard.waitForFunction((stamp) => document.getElementById('campaigns')?.dataset.stamp !== stamp, before.stamp, { timeout: 30_000 });
    const after = await totals();
    assert.notEqual(after.all, before.all, 'the totals changed without a reload');
    assert.equal(Number(after.linkedinPaid), adImpressions, 'the ad sets\' impressions are the LinkedIn paid total');
    assert.notEqual(before.linkedinPaid, after.linkedinPaid);
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});

for (const language of /** @type {const} */ (['en', 'nl'])) {
  test(`${language}: a post with a year of history is spot-checked against the account's own past`, async () => {
    const browser = await new Browser().launch();
    try {
      await seed(browser, { language, strategy: STRATEGY, observations: linkedinHistory() });
      const { shown } = await overlayCampaigns(browser, LINKEDIN_POST);
      assert.equal(shown.lang, language);
      assert.equal(shown.spotCheck, 'compared');
      assert.equal(shown.spotMetric, 'engagement_rate');
      assert.equal(shown.spotLabel, WORDS[language].label, 'clearly a comparison with the account’s own past');
      // 202 engagements of 2,341 impressions: above all seven posts of the year.
      assert.equal(
        shown.spotSentence,
        language === 'en'
          ? 'engagement rate 8.6%: top 13% of your LinkedIn posts of the last 12 months, median 1.9% (7 compared)'
          : 'engagementpercentage 8,6%: top 13% van je LinkedIn-berichten van de afgelopen 12 maanden, mediaan 1,9% (7 ter vergelijking)',
      );
      assert.equal(shown.heading, WORDS[language].heading);
      for (const kpi of shown.campaigns[0].kpis) assert.match(kpi.statusText, WORDS[language].status);
    } finally {
      assert.deepEqual(await browser.close(), []);
    }
  });
}

test('without a strategy a post page still gets its spot-check, and no campaigns', async () => {
  const browser = await new Browser().launch();
  try {
    await seed(browser, { language: 'en', observations: linkedinHistory() });
    const { shown } = await overlayCampaigns(browser, LINKEDIN_POST);
    assert.equal(shown.state, 'shown');
    assert.deepEqual(shown.campaigns, []);
    assert.equal(shown.spotCheck, 'compared');
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});

/**
 * The single-item pages among the fixtures (one post or video, one ad set or ad campaign's
 * report), and pages that list several items.
 */
const SINGLE_ITEM_PAGES = [
  'linkedin-page-post-en',
  'linkedin-creator-post-en',
  'x-post-en',
  'meta-post-facebook-en',
  'meta-post-instagram-nl',
  'tiktok-video-en',
  'youtube-video-reach-en',
  'linkedin-ads-campaign-report-en',
  'pinterest-ads-campaign-report-en',
];
const LIST_PAGES = ['linkedin-page-content-en', 'x-ads-campaigns-en', 'tiktok-ads-campaigns-en'];

test('every supported single-item page gets a spot-check, and a list of items none', async () => {
  const browser = await new Browser().launch();
  try {
    await seed(browser, { language: 'en' });
    for (const name of [...SINGLE_ITEM_PAGES, ...LIST_PAGES]) {
      const fixture = pageFixture(name);
      assert.ok(contentScriptRunsOn(fixture.url), `${name}: the content script runs there`);
      const { page, shown } = await overlayCampaigns(browser, fixture);
      if (SINGLE_ITEM_PAGES.includes(name)) {
        assert.equal(shown.spotCheck, 'too_little_history', `${name}: ${shown.spotSentence}`);
        assert.equal(shown.spotLabel, WORDS.en.label, name);
        assert.match(shown.spotSentence, /: too little history to compare \(\d+ .+ in the last 12 months; at least 5 needed\)/, name);
      } else {
        assert.equal(shown.spotCheck ?? '', '', name);
        assert.equal(shown.state, 'none', `${name}: nothing to show without a strategy`);
        assert.equal(shown.hidden, true, name);
      }
      await page.close();
    }
  } finally {
    assert.deepEqual(await browser.close(), []);
  }
});
