// @ts-check
/**
 * The end-to-end harness: Debian's Chromium with the built extension (dist/chrome) loaded,
 * pages served at the platforms' real URLs from fixtures, and three independent witnesses
 * that no request leaves: a catch-all route, the context's request events (service worker
 * included), and Chromium's own net log read by initiator after the browser closes.
 *
 * Nothing here reaches the network: every request is either the extension's own
 * (chrome-extension://), a served fixture, or recorded as a leak and aborted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXTENSION_DIR = process.env.YARDSTICK_EXTENSION ?? join(ROOT, 'dist', 'chrome');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures', 'pages');

/** Turns Chromium's own background traffic down; what remains has no page or extension initiator. */
const QUIET_PREFERENCES = { net: { network_prediction_options: 2 } };

/**
 * @typedef {{witness: 'route' | 'request' | 'netlog', url: string, initiator?: string, detail?: string}} Leak
 * @typedef {{body: string | Buffer, contentType?: string, headers?: Record<string, string>, status?: number}} Served
 */

/** @param {string} url */
function withoutFragment(url) {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** @param {string} url */
function isLocalScheme(url) {
  return /^(chrome-extension|data|blob|about|chrome|devtools):/.test(url);
}

/**
 * A Chromium with the extension loaded, serving fixtures and recording leaks.
 */
export class Browser {
  /**
   * @param {{profileDir?: string, extensionDir?: string, headless?: boolean}} [options]
   */
  constructor(options = {}) {
    this.headless = options.headless ?? true;
    this.ownsProfile = options.profileDir === undefined;
    this.profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'yardstick-profile-'));
    this.extensionDir = options.extensionDir ?? EXTENSION_DIR;
    this.workDir = mkdtempSync(join(tmpdir(), 'yardstick-e2e-'));
    this.netLogPath = join(this.workDir, 'netlog.json');
    /** @type {Map<string, Served>} */
    this.served = new Map();
    /** @type {Leak[]} */
    this.leaks = [];
    /** @type {import('playwright-core').BrowserContext | undefined} */
    this.context = undefined;
    /** @type {import('playwright-core').Worker | undefined} */
    this.serviceWorker = undefined;
    this.extensionId = '';
  }

  /**
   * Serves `served` at `url` (exact, fragment ignored).
   * @param {string} url
   * @param {Served} served
   */
  serve(url, served) {
    this.served.set(withoutFragment(url), served);
  }

  /** Serves an HTML page. @param {string} url @param {string} html @param {Record<string, string>} [headers] */
  serveHtml(url, html, headers = {}) {
    this.serve(url, { body: html, contentType: 'text/html; charset=utf-8', headers });
  }

  /** @param {string} url */
  isServed(url) {
    return this.served.has(withoutFragment(url));
  }

  async launch() {
    if (!existsSync(join(this.extensionDir, 'manifest.json'))) {
      throw new Error(`no built extension at ${this.extensionDir}; run make dist`);
    }
    const preferences = join(this.profileDir, 'Default', 'Preferences');
    if (!existsSync(preferences)) {
      mkdirSync(dirname(preferences), { recursive: true });
      writeFileSync(preferences, JSON.stringify(QUIET_PREFERENCES));
    }
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: CHROMIUM,
      headless: this.headless,
      viewport: { width: 1280, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${this.extensionDir}`,
        `--load-extension=${this.extensionDir}`,
        `--log-net-log=${this.netLogPath}`,
        '--net-log-capture-mode=' + (process.env.NETLOG_MODE ?? 'Default'),
      ],
    });
    const context = this.context;
    context.on('request', (request) => {
      const url = request.url();
      if (isLocalScheme(url) || this.isServed(url)) return;
      const from = request.serviceWorker() ? 'service worker' : (request.frame()?.url() ?? 'unknown');
      this.leaks.push({ witness: 'request', url, detail: from });
    });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (isLocalScheme(url)) return route.continue();
      const served = this.served.get(withoutFragment(url));
      if (served) {
        return route.fulfill({
          status: served.status ?? 200,
          contentType: served.contentType,
          headers: served.headers,
          body: served.body,
        });
      }
      this.leaks.push({ witness: 'route', url });
      return route.abort('blockedbyclient');
    });
    this.serviceWorker =
      context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (worker) => worker.url().startsWith('chrome-extension://'),
      }));
    this.extensionId = new URL(this.serviceWorker.url()).host;
    return this;
  }

  /**
   * Serves a fixture at its URL and opens it in a new tab.
   * @param {{url: string, html: string}} fixture
   * @param {Record<string, string>} [headers]
   */
  async openFixture(fixture, headers = {}) {
    this.serveHtml(fixture.url, fixture.html, headers);
    const page = await this.newPage();
    await page.goto(fixture.url);
    return page;
  }

  /**
   * The tab id of `page`, asked of the extension's worker: the tab whose URL the extension
   * may see (it has host access to the analytics pages) or, for any other page, the one
   * Playwright last brought to the front.
   * @param {import('playwright-core').Page} page
   * @returns {Promise<number>}
   */
  async tabIdOf(page) {
    if (!this.serviceWorker) throw new Error('launch() first');
    await page.bringToFront();
    const url = page.url();
    const id = await this.serviceWorker.evaluate(async (url) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((t) => t.url === url) ?? tabs.find((t) => t.active);
      return tab?.id;
    }, url);
    if (id === undefined) throw new Error(`no tab for ${url}`);
    return id;
  }

  /**
   * Opens an extension page (`popup.html?tab=3`, `dashboard.html`) in a new tab.
   * @param {string} path
   */
  async openExtensionPage(path) {
    const page = await this.newPage();
    await page.goto(`${this.origin}/${path}`);
    return page;
  }

  /**
   * What the popup says about a tab: its text and the count it shows.
   * @param {number} tabId
   */
  async popupSummary(tabId) {
    const popup = await this.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitForFunction(() => document.getElementById('summary')?.dataset.count !== undefined);
    const summary = await popup.evaluate(() => ({
      text: document.getElementById('summary')?.textContent ?? '',
      count: Number(document.getElementById('summary')?.dataset.count),
    }));
    await popup.close();
    return summary;
  }

  /** The dashboard's observation rows (metric and exact value). */
  async dashboardRows() {
    const dashboard = await this.openExtensionPage('dashboard.html');
    await dashboard.waitForFunction(() => document.getElementById('observations-summary')?.dataset.count !== undefined);
    const rows = await dashboard.evaluate(() =>
      [...document.querySelectorAll('#observations tbody tr')].map((row) => ({
        metric: row.getAttribute('data-metric'),
        value: Number(row.getAttribute('data-value')),
      })),
    );
    await dashboard.close();
    return rows;
  }

  get origin() {
    return `chrome-extension://${this.extensionId}`;
  }

  /** A new tab. */
  async newPage() {
    if (!this.context) throw new Error('launch() first');
    return this.context.newPage();
  }

  /**
   * The overlay frame of `page`, once its content is there.
   * @param {import('playwright-core').Page} page
   */
  async overlayFrame(page) {
    const prefix = 'chrome-extension://';
    const deadline = Date.now() + 15_000;
    for (;;) {
      const frame = page.frames().find((f) => f.url().startsWith(prefix) && f.url().endsWith('/overlay.html'));
      if (frame) return frame;
      if (Date.now() > deadline) throw new Error('the overlay frame never appeared');
      await page.waitForEvent('frameattached', { timeout: 1000 }).catch(() => undefined);
    }
  }

  /**
   * Waits until the overlay shows a reading and returns it: the page line's count and the
   * rows' metric and exact value.
   * @param {import('playwright-core').Frame} frame
   * @param {{after?: string, timeout?: number}} [options]
   */
  async overlayReading(frame, options = {}) {
    await frame.waitForFunction(
      (previous) => {
        const page = document.getElementById('page');
        return page?.dataset.count !== undefined && page.dataset.stamp !== previous;
      },
      options.after,
      { timeout: options.timeout ?? 20_000 },
    );
    return frame.evaluate(() => ({
      count: Number(document.getElementById('page')?.dataset.count),
      stamp: document.getElementById('page')?.dataset.stamp,
      stored: Number(document.getElementById('stored')?.dataset.count),
      rows: [...document.querySelectorAll('#observations tbody tr')].map((row) => ({
        metric: row.getAttribute('data-metric'),
        value: Number(row.getAttribute('data-value')),
        scope: row.getAttribute('data-scope'),
        postId: row.getAttribute('data-post-id'),
        distribution: row.getAttribute('data-distribution'),
        start: row.getAttribute('data-start'),
        end: row.getAttribute('data-end'),
        label: row.getAttribute('data-label'),
        text: row.textContent,
      })),
      diagnostics: [...document.querySelectorAll('#diagnostics li')].map((li) => li.textContent),
    }));
  }

  /**
   * Closes the browser and adds what the net log saw to `leaks`. Returns every leak.
   * @returns {Promise<Leak[]>}
   */
  async close() {
    await this.context?.close();
    this.context = undefined;
    this.leaks.push(...this.netLogLeaks());
    if (this.ownsProfile) rmSync(this.profileDir, { recursive: true, force: true });
    rmSync(this.workDir, { recursive: true, force: true });
    return this.leaks;
  }

  /**
   * Requests in Chromium's net log made by the extension or by a served page, other than to
   * a served fixture. Two kinds count: a request that started with such an initiator, and a
   * request held at interception (only the pages and workers Playwright is attached to are
   * intercepted, so those come from our contexts by construction). Chromium's own traffic
   * (updates, accounts) is never intercepted and has an opaque initiator: it is left out by
   * initiator, never by host.
   * @returns {Leak[]}
   */
  netLogLeaks() {
    const pageOrigins = new Set([...this.served.keys()].map((url) => new URL(url).origin));
    /** @type {Leak[]} */
    const leaks = [];
    for (const request of readNetLog(this.netLogPath)) {
      if (isLocalScheme(request.url) || this.isServed(request.url)) continue;
      const initiator = request.initiator ?? '';
      const fromUs = initiator === this.origin || pageOrigins.has(initiator);
      if (fromUs || request.intercepted) {
        leaks.push({ witness: 'netlog', url: request.url, initiator, detail: request.intercepted ? 'held at interception' : 'started' });
      }
    }
    return leaks;
  }
}

/**
 * Every URL request in a net log file: its URL, its initiator (when it started), and whether
 * it was held at interception (a CORS request that never became a live URL request).
 * @param {string} path
 * @returns {{url: string, initiator?: string, intercepted: boolean}[]}
 */
export function readNetLog(path) {
  const text = readFileSync(path, 'utf8');
  // A browser that did not shut down cleanly leaves the events array open.
  const log = JSON.parse(text.trimEnd().endsWith('}') ? text : `${text.replace(/,\s*$/, '')}]}`);
  const types = /** @type {Record<string, number>} */ (log.constants.logEventTypes);
  const BEGIN = 1;
  /** @type {Map<number, {url: string, initiator?: string, alive: boolean}>} */
  const bySource = new Map();
  for (const event of log.events) {
    if (event.phase !== BEGIN) continue;
    const id = event.source.id;
    const request = bySource.get(id) ?? { url: '', alive: false };
    if (event.type === types.CORS_REQUEST && event.params?.url) request.url = event.params.url;
    else if (event.type === types.REQUEST_ALIVE) request.alive = true;
    else if (event.type === types.URL_REQUEST_START_JOB && event.params?.url) {
      request.url = event.params.url;
      request.initiator = event.params.initiator;
    } else continue;
    bySource.set(id, request);
  }
  return [...bySource.values()]
    .filter((request) => request.url)
    .map(({ url, initiator, alive }) => ({ url, initiator, intercepted: !alive }));
}

/**
 * @typedef {{name: string, dir: string, htmlPath: string, html: string, url: string, readAt?: string, expected?: any}} PageFixture
 */

/**
 * Every page fixture: a directory `tests/fixtures/pages/<case>/` with `page.html`,
 * `case.toml` (`url`, `read_at`) and `expected.json`. New cases are picked up by themselves.
 * @returns {PageFixture[]}
 */
export function pageFixtures() {
  if (!existsSync(FIXTURES_DIR)) return [];
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(FIXTURES_DIR, entry.name, 'page.html')))
    .map((entry) => {
      const dir = join(FIXTURES_DIR, entry.name);
      const htmlPath = join(dir, 'page.html');
      const fixture = caseFile(join(dir, 'case.toml'));
      const expectedPath = join(dir, 'expected.json');
      return {
        name: entry.name,
        dir,
        htmlPath,
        html: readFileSync(htmlPath, 'utf8'),
        url: fixture.url,
        readAt: fixture.read_at,
        expected: existsSync(expectedPath) ? JSON.parse(readFileSync(expectedPath, 'utf8')) : undefined,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The `key = "string"` lines of a fixture's case.toml (the only form case files use).
 * @param {string} path
 * @returns {Record<string, string>}
 */
function caseFile(path) {
  /** @type {Record<string, string>} */
  const values = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^\s*([A-Za-z_]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(#.*)?$/.exec(line);
    if (match) values[match[1]] = JSON.parse(`"${match[2]}"`);
  }
  if (!values.url) throw new Error(`${path}: no url`);
  return values;
}

/**
 * True when the built extension's content scripts run on `url` (manifest match patterns).
 * @param {string} url
 */
export function contentScriptRunsOn(url) {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  /** @type {string[]} */
  const patterns = manifest.content_scripts.flatMap((/** @type {{matches: string[]}} */ script) => script.matches);
  return patterns.some((pattern) => {
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    return new RegExp(`^${escaped}$`).test(url.split('#')[0]);
  });
}

/**
 * The fixture named `name` (a directory under tests/fixtures/pages).
 * @param {string} name
 */
export function pageFixture(name) {
  const fixture = pageFixtures().find((f) => f.name === name);
  if (!fixture) throw new Error(`no page fixture ${name}`);
  return fixture;
}

/** The native CLI, built when missing. */
export function nativeCli() {
  const cli = join(ROOT, 'target', 'debug', 'yardstick');
  if (!existsSync(cli)) execFileSync('cargo', ['build', '--bin', 'yardstick'], { cwd: ROOT, stdio: 'inherit' });
  return cli;
}

/**
 * Runs the native CLI and parses its JSON output.
 * @param {string[]} args
 */
export function runCli(args) {
  return JSON.parse(execFileSync(nativeCli(), args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
}
