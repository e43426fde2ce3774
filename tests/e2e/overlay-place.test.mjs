// @ts-check
/**
 * The overlay's place in a real browser with the built extension: it opens bottom-right,
 * moves by keyboard (arrow keys, Shift for larger steps) and by dragging its handle, stays
 * inside the viewport (when dragged past an edge and when the window shrinks), collapses to
 * a tab with Escape and opens with its button, and remembers place and collapse per site
 * across reloads (LinkedIn's place is not X's). The page cannot move it with a window
 * message. Every test also proves no request left the browser.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Browser, pageFixture } from './harness.mjs';

const LINKEDIN = pageFixture('linkedin-page-content-en');
const X = pageFixture('x-overview-en');

/** The default gap between the frame and the viewport's bottom-right corner (content.js). */
const INSET = 16;

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {{left: number, top: number, right: number, bottom: number, width: number, height: number, viewWidth: number, viewHeight: number, visible: boolean}} FrameBox */

/**
 * Where the overlay frame is on `page`, and the viewport it must stay in.
 * @param {Page} page
 * @returns {Promise<FrameBox>}
 */
function frameBox(page) {
  return page.evaluate(() => {
    const frame = /** @type {HTMLIFrameElement} */ (document.querySelector('html > iframe[title="Yardstick"]'));
    const rect = frame.getBoundingClientRect();
    const root = document.scrollingElement ?? document.documentElement;
    return {
      left: rect.left,
      top: rect.top,
      right: rect.right,
      bottom: rect.bottom,
      width: rect.width,
      height: rect.height,
      viewWidth: root.clientWidth,
      viewHeight: root.clientHeight,
      visible: getComputedStyle(frame).visibility === 'visible',
    };
  });
}

/**
 * Waits until the overlay frame on `page` is shown (placed), and returns it and its box.
 * @param {Browser} browser
 * @param {Page} page
 */
async function placedOverlay(browser, page) {
  const frame = await browser.overlayFrame(page);
  await page.waitForFunction(
    () => getComputedStyle(/** @type {Element} */ (document.querySelector('html > iframe[title="Yardstick"]'))).visibility === 'visible',
    undefined,
    { timeout: 15_000 },
  );
  await frame.waitForSelector('#move-handle');
  return { frame, box: await frameBox(page) };
}

/**
 * Waits until the frame's box satisfies `wanted` and returns it.
 * @param {Page} page
 * @param {(box: FrameBox) => boolean} wanted
 * @param {string} what
 */
async function boxWhen(page, wanted, what) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const box = await frameBox(page);
    if (wanted(box)) return box;
    if (Date.now() > deadline) assert.fail(`${what}; the frame is at ${JSON.stringify(box)}`);
    await page.waitForTimeout(50);
  }
}

/**
 * How many places the overlay has stored so far (it counts them on its body).
 * @param {import('playwright-core').Frame} frame
 */
function savedCount(frame) {
  return frame.evaluate(() => Number(document.body.dataset.placeSaved ?? 0));
}

/**
 * Waits until the overlay stored a place after `before` stores.
 * @param {import('playwright-core').Frame} frame
 * @param {number} before
 */
async function waitSaved(frame, before) {
  await frame.waitForFunction((count) => Number(document.body.dataset.placeSaved ?? 0) > count, before, { timeout: 5_000 });
}

/**
 * Runs `body` with a launched browser, then closes it and asserts nothing left it.
 * @param {(browser: Browser) => Promise<void>} body
 */
async function withBrowser(body) {
  const browser = await new Browser().launch();
  try {
    await body(browser);
  } finally {
    const leaks = await browser.close();
    assert.deepEqual(leaks, [], 'no request left the browser');
  }
}

test('the overlay opens bottom-right and moves by keyboard and by dragging, remembered per site', async () => {
  await withBrowser(async (browser) => {
    const page = await browser.openFixture(LINKEDIN);
    const { frame, box: start } = await placedOverlay(browser, page);
    assert.equal(Math.round(start.viewWidth - start.right), INSET, 'bottom-right by default');
    assert.equal(Math.round(start.viewHeight - start.bottom), INSET);

    // Keyboard: the handle has an accessible name, a visible focus, and arrow keys move it.
    const handle = frame.locator('#move-handle');
    assert.equal(await handle.getAttribute('aria-label'), 'Move overlay');
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowUp');
    const outline = await handle.evaluate((element) => getComputedStyle(element).outlineStyle);
    assert.equal(outline, 'solid', 'the focused handle shows its focus');
    const byKeys = await boxWhen(page, (box) => box.left !== start.left && box.top !== start.top, 'the arrow keys moved it');
    assert.equal(Math.round(start.left - byKeys.left), 30, 'three steps of 10 px left');
    assert.equal(Math.round(start.top - byKeys.top), 50, 'one Shift step of 50 px up');

    // Mouse: drag the handle by 200 px left and 120 px up; the frame follows.
    const grip = await handle.boundingBox();
    assert.ok(grip, 'the handle is on screen');
    const x = grip.x + grip.width / 2;
    const y = grip.y + grip.height / 2;
    const saves = await savedCount(frame);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 100, y - 60, { steps: 4 });
    await page.mouse.move(x - 200, y - 120, { steps: 4 });
    await page.mouse.up();
    const dragged = await boxWhen(page, (box) => Math.round(byKeys.left - box.left) === 200, 'the drag moved it 200 px left');
    assert.equal(Math.round(byKeys.top - dragged.top), 120, 'and 120 px up');
    await waitSaved(frame, saves);

    // The same site after a reload: where it was left.
    await page.reload();
    const { box: reloaded } = await placedOverlay(browser, page);
    assert.deepEqual([reloaded.left, reloaded.top], [dragged.left, dragged.top], 'the place survives a reload');

    // Another site: its own place, the default.
    const other = await browser.openFixture(X);
    const { box: elsewhere } = await placedOverlay(browser, other);
    assert.equal(Math.round(elsewhere.viewWidth - elsewhere.right), INSET, 'X keeps the default place');
    assert.equal(Math.round(elsewhere.viewHeight - elsewhere.bottom), INSET);
  });
});

test('the overlay collapses to a tab with Escape, opens with its button, and remembers it per site', async () => {
  await withBrowser(async (browser) => {
    const page = await browser.openFixture(LINKEDIN);
    const { frame, box: open } = await placedOverlay(browser, page);
    assert.deepEqual([open.width, open.height], [380, 460]);

    const saves = await savedCount(frame);
    await frame.locator('#move-handle').focus();
    await page.keyboard.press('Escape');
    const tab = await boxWhen(page, (box) => box.height < 100, 'Escape collapsed it');
    assert.ok(tab.width < 250, `a small tab, ${tab.width} px wide`);
    assert.equal(Math.round(tab.viewWidth - tab.right), INSET, 'the tab keeps the bottom-right corner');
    const toggle = frame.locator('#collapse-overlay');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await toggle.getAttribute('aria-label'), 'Expand overlay');
    assert.equal(await frame.locator('#overlay-main').isVisible(), false, 'collapsed, only the bar shows');
    assert.equal(await frame.locator('#move-handle').isVisible(), true);
    await waitSaved(frame, saves);

    await page.reload();
    const { frame: again, box: still } = await placedOverlay(browser, page);
    assert.deepEqual([still.width, still.height], [tab.width, tab.height], 'still collapsed after a reload');
    assert.equal(await again.locator('#collapse-overlay').getAttribute('aria-expanded'), 'false');

    // Another site is not collapsed.
    const other = await browser.openFixture(X);
    const { box: elsewhere } = await placedOverlay(browser, other);
    assert.deepEqual([elsewhere.width, elsewhere.height], [380, 460], 'X stays open');

    // The button opens it again (by keyboard: Enter on the focused button).
    await page.bringToFront();
    await again.locator('#collapse-overlay').focus();
    await page.keyboard.press('Enter');
    const reopened = await boxWhen(page, (box) => box.height === 460, 'the button opened it');
    assert.equal(reopened.width, 380);
    assert.equal(await again.locator('#overlay-main').isVisible(), true);
    assert.equal(await again.locator('#collapse-overlay').getAttribute('aria-label'), 'Collapse overlay');
  });
});

test('the overlay stays inside the viewport when dragged past an edge and when the window shrinks', async () => {
  await withBrowser(async (browser) => {
    const page = await browser.openFixture(LINKEDIN);
    const { frame } = await placedOverlay(browser, page);

    // Far past the top-left corner: it stops at the edges.
    await frame.locator('#move-handle').focus();
    for (let i = 0; i < 30; i += 1) await page.keyboard.press('Shift+ArrowLeft');
    for (let i = 0; i < 20; i += 1) await page.keyboard.press('Shift+ArrowUp');
    const corner = await boxWhen(page, (box) => box.left === 0 && box.top === 0, 'it stopped at the top-left corner');
    assert.equal(corner.width, 380);

    // A narrower, shorter window: it is pulled back inside, whole.
    await page.setViewportSize({ width: 640, height: 420 });
    const inside = await boxWhen(
      page,
      (box) => box.viewWidth <= 640 && box.left >= 0 && box.top >= 0 && box.right <= box.viewWidth && box.bottom <= box.viewHeight,
      'it is inside the smaller viewport',
    );
    assert.ok(inside.width > 0 && inside.height > 0);

    // Dragging it down and right past the corner stops it there too.
    for (let i = 0; i < 30; i += 1) await page.keyboard.press('Shift+ArrowRight');
    for (let i = 0; i < 30; i += 1) await page.keyboard.press('Shift+ArrowDown');
    const far = await boxWhen(
      page,
      (box) => Math.round(box.viewWidth - box.right) === 0 && Math.round(box.viewHeight - box.bottom) === 0,
      'it stopped at the bottom-right corner',
    );
    assert.ok(far.left >= 0 && far.top >= 0, 'whole');
  });
});

test('the page cannot move or collapse the overlay with window messages', async () => {
  await withBrowser(async (browser) => {
    const page = await browser.openFixture(LINKEDIN);
    const { frame, box: before } = await placedOverlay(browser, page);
    await browser.overlayReading(frame);
    await page.evaluate(() => {
      const overlay = /** @type {HTMLIFrameElement} */ (document.querySelector('html > iframe[title="Yardstick"]'));
      for (const message of [
        { type: 'ov-cs-move', dx: -300, dy: -300 },
        { type: 'ov-cs-collapse', collapsed: true },
        { type: 'ov-cs-place', right: 500, bottom: 300, collapsed: true },
      ]) {
        window.postMessage(message, '*');
        overlay.contentWindow?.postMessage(message, '*');
      }
    });
    await page.waitForTimeout(500);
    const after = await frameBox(page);
    assert.deepEqual(after, before, 'the frame did not move or collapse');
  });
});
