// @ts-check
/**
 * The vertical slice in a real browser: the overlay shows the figures the core reads from
 * each page fixture, served at its real LinkedIn URL, and keeps the content records the
 * native core reads there; the popup counts the figures; figures and records are stored
 * once, survive a reload and a browser restart with the same profile; and nothing leaves
 * the browser meanwhile.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
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
