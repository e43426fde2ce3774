// @ts-check
/**
 * `make bench` (browser part): what the extension's hot path costs in headless Chromium on
 * a ~1 MB analytics page — the content script's DOM walk, handing the snapshot over (JSON
 * text or a structured object), reading it with the wasm core either way, and compiling
 * the core. Prints medians and writes them to out/bench/browser.json.
 *
 * The page is the LinkedIn Content fixture with its engagement table grown to ~1 MB, the
 * size of a real analytics page with a long post list. Nothing is asserted: tests assert,
 * this measures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, ROOT, pageFixture } from '../tests/e2e/harness.mjs';

const RUNS = 15;
const TARGET_BYTES = 1_000_000;

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The fixture page with `rows` more table rows, each a realistic post row. */
function bigPage() {
  const fixture = pageFixture('linkedin-page-content-en');
  const row = (i) =>
    `<tr class="_r${i % 7} k${i % 13}"><td class="_c1"><div class="_t q${i % 5}"><a class="_l" href="/feed/update/urn:li:activity:${7200000000000000000 + i}/"><span class="_s">Post ${i}: what we learned shipping week ${i % 52}</span></a></div></td>` +
    `<td class="_c2"><span>Image</span></td><td class="_c3"><span>All followers</span></td>` +
    `<td class="_c4"><span class="_n">${(1000 + i * 7).toLocaleString('en')}</span></td><td><span>${(300 + i).toLocaleString('en')}</span></td>` +
    `<td><span>${i % 90}</span></td><td><span>${((i % 90) / 10).toFixed(2)}%</span></td><td><span>${i % 40}</span></td>` +
    `<td><span>${i % 9}</span></td><td><span>${i % 5}</span></td><td><span>${i % 3}</span></td><td><span>${(i % 12) / 2}%</span></td></tr>`;
  const rows = [];
  let size = fixture.html.length;
  for (let i = 0; size < TARGET_BYTES; i += 1) {
    const text = row(i);
    rows.push(text);
    size += text.length;
  }
  const html = fixture.html.replace('</tbody>', `${rows.join('\n')}</tbody>`);
  return { ...fixture, html };
}

async function main() {
  const page = bigPage();
  const browser = await new Browser().launch();
  /** @type {Record<string, number | string>} */
  const results = {};
  try {
    const tab = await browser.openFixture(page);
    const frame = await browser.overlayFrame(tab);
    await browser.overlayReading(frame, { timeout: 60_000 });

    // The content script's walk, run in the page as the content script runs it.
    await tab.addScriptTag({ path: join(ROOT, 'www', 'snapshot.js') });
    const walk = await tab.evaluate((runs) => {
      const times = [];
      const stringify = [];
      let json = '';
      let nodes = 0;
      for (let i = 0; i < runs; i += 1) {
        const start = performance.now();
        const snapshot = /** @type {any} */ (globalThis).yardstickSnapshot(document);
        const walked = performance.now();
        json = JSON.stringify(snapshot);
        stringify.push(performance.now() - walked);
        times.push(walked - start);
        nodes = snapshot.nodes.length;
      }
      // What the page's own thread pays to send: structured clone of the object, or
      // stringify then a string (the receiving side is timed in the overlay below).
      const sendObject = [];
      const sendText = [];
      const channel = new MessageChannel();
      for (let i = 0; i < runs; i += 1) {
        const snapshot = /** @type {any} */ (globalThis).yardstickSnapshot(document);
        let start = performance.now();
        channel.port1.postMessage({ snapshot });
        sendObject.push(performance.now() - start);
        start = performance.now();
        channel.port1.postMessage({ snapshot: JSON.stringify(snapshot) });
        sendText.push(performance.now() - start);
      }
      channel.port1.close();
      return { times, stringify, json, nodes, sendObject, sendText, elements: document.getElementsByTagName('*').length };
    }, RUNS);
    results.page_bytes = page.html.length;
    results.page_elements = walk.elements;
    results.snapshot_nodes = walk.nodes;
    results.snapshot_json_bytes = walk.json.length;
    results.walk_ms = median(walk.times);
    results.stringify_ms = median(walk.stringify);
    results.send_object_ms = median(walk.sendObject);
    results.send_json_text_ms = median(walk.sendText);

    // In the overlay (extension origin): hand-over and reading, JSON text against an object.
    const inOverlay = await frame.evaluate(
      async ({ json, runs }) => {
        const { core } = await import('./core.js');
        const yardstick = await core();
        const readAt = new Date().toISOString();
        const object = JSON.parse(json);
        /** @param {unknown} message */
        const roundTrip = (message) =>
          new Promise((resolve) => {
            const channel = new MessageChannel();
            const start = performance.now();
            channel.port2.onmessage = () => resolve(performance.now() - start);
            channel.port1.postMessage(message);
          });
        const text = [];
        const obj = [];
        const portText = [];
        const portObject = [];
        for (let i = 0; i < runs; i += 1) {
          let start = performance.now();
          yardstick.readPage(json, readAt);
          text.push(performance.now() - start);
          start = performance.now();
          yardstick.readPage(object, readAt);
          obj.push(performance.now() - start);
          portText.push(await roundTrip({ snapshot: json }));
          portObject.push(await roundTrip({ snapshot: object }));
        }
        return { text, obj, portText, portObject };
      },
      { json: walk.json, runs: RUNS },
    );
    results.read_page_json_text_ms = median(inOverlay.text);
    results.read_page_object_ms = median(inOverlay.obj);
    results.port_json_text_ms = median(inOverlay.portText);
    results.port_object_ms = median(inOverlay.portObject);

    // Compiling and starting the core in a fresh extension page.
    const times = [];
    for (let i = 0; i < 5; i += 1) {
      const blank = await browser.openExtensionPage('overlay.html');
      times.push(
        await blank.evaluate(async () => {
          const start = performance.now();
          const glue = await import(`./pkg/yardstick.js?fresh=${Math.random()}`);
          await glue.default();
          return performance.now() - start;
        }),
      );
      await blank.close();
    }
    results.wasm_init_ms = median(times);
  } finally {
    const leaks = await browser.close();
    results.leaks = leaks.length;
  }
  const out = join(ROOT, 'out', 'bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'browser.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`browser bench (median of ${RUNS}, headless Chromium):`);
  for (const [name, value] of Object.entries(results)) {
    console.log(`  ${name.padEnd(24)} ${typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(1) : value}`);
  }
  console.log(`written to ${join(out, 'browser.json')}`);
}

await main();
