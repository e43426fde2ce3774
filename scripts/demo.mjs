// @ts-check
/**
 * `make demo`: the built extension (dist/chrome) in Debian's Chromium on the bundled sample
 * analytics pages (tests/fixtures/pages), served at their real URLs from this machine.
 *
 * With a display ($DISPLAY) it opens a Chromium window on the LinkedIn sample, the other
 * samples in further tabs, and waits until the window is closed. Without one it runs
 * headless and writes screenshots of the overlay on each sample, the popup and the
 * dashboard to out/demo/, and prints that path. Either way it reaches no network: anything
 * but the extension and the samples is refused, and it says whether anything tried.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, ROOT, contentScriptRunsOn, pageFixtures } from '../tests/e2e/harness.mjs';

const OUT = join(ROOT, 'out', 'demo');
/** The sample shown first. */
const FIRST = 'linkedin-page-content-en';

/** The samples the extension runs on: LinkedIn's Page analytics first, then one per kind. */
function samples() {
  const all = pageFixtures().filter((fixture) => contentScriptRunsOn(fixture.url) && !fixture.name.includes('robust'));
  return all.sort((a, b) => Number(b.name === FIRST) - Number(a.name === FIRST));
}

async function withDisplay() {
  const browser = await new Browser({ headless: false }).launch();
  const [first, ...rest] = samples();
  for (const sample of [first, ...rest]) browser.serveHtml(sample.url, sample.html);
  const page = browser.context?.pages()[0] ?? (await browser.newPage());
  await page.goto(first.url);
  for (const sample of rest.slice(0, 4)) {
    const tab = await browser.newPage();
    await tab.goto(sample.url);
  }
  await page.bringToFront();
  console.log(`demo: Chromium shows ${first.name} with the Yardstick overlay (more samples in the other tabs).`);
  console.log('demo: the toolbar puzzle icon holds the Yardstick popup. Close the window to end the demo.');
  await new Promise((resolve) => browser.context?.on('close', resolve));
  await browser.close().catch(() => undefined);
}

async function headless() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const browser = await new Browser().launch();
  /** @type {string[]} */
  const written = [];
  try {
    let firstTab;
    for (const sample of samples()) {
      const page = await browser.openFixture(sample);
      const reading = await browser.overlayReading(await browser.overlayFrame(page));
      const file = join(OUT, `${sample.name}.png`);
      await page.screenshot({ path: file });
      written.push(`${file} (${reading.count} metrics read)`);
      firstTab ??= { page, tabId: await browser.tabIdOf(page) };
    }
    if (firstTab) {
      const popup = await browser.openExtensionPage(`popup.html?tab=${firstTab.tabId}`);
      await popup.setViewportSize({ width: 340, height: 180 });
      await popup.waitForFunction(() => document.getElementById('summary')?.dataset.count !== undefined);
      await popup.screenshot({ path: join(OUT, 'popup.png') });
      written.push(join(OUT, 'popup.png'));
    }
    const dashboard = await browser.openExtensionPage('dashboard.html');
    await dashboard.waitForFunction(() => document.getElementById('observations-summary')?.dataset.count !== undefined);
    await dashboard.screenshot({ path: join(OUT, 'dashboard.png'), fullPage: true });
    written.push(join(OUT, 'dashboard.png'));
  } finally {
    const leaks = await browser.close();
    console.log(`demo: ${leaks.length} requests tried to leave the browser${leaks.length ? `: ${JSON.stringify(leaks)}` : ''}`);
  }
  for (const line of written) console.log(`  ${line}`);
  console.log(`demo: screenshots in ${OUT}`);
}

await (process.env.DISPLAY ? withDisplay() : headless());
