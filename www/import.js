// @ts-check
/**
 * The dashboard's import panel: export files by drag-and-drop or a file picker, several at
 * once, each parsed and stored by the import worker (`import-worker.js`) with a progress
 * bar, then summarised: platform, export kind, period, rows, observations, posts with
 * their text, warnings.
 *
 * Every node is built with createElement and textContent (`render.js`): file names and file
 * content never reach an HTML parser. When files were stored it dispatches
 * `yardstick-store-changed` on `document` so other panels can refresh. It reads no file
 * content itself.
 */
import { element } from './render.js';

/**
 * @typedef {{severity: string, code: string, message: string, location?: string}} Diagnostic
 * @typedef {{file: string, platform: string, kind: string, tables: string[], language?: string | null,
 *   period?: {start: string, end: string} | null, rows_read: number, observation_count: number,
 *   content_count?: number, diagnostics: Diagnostic[], posts_with_text: number}} Summary
 * @typedef {{kept: number, refused: string[]}} ContentReport
 */

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls,.zip';

const section = /** @type {HTMLElement} */ (document.getElementById('import'));
/** @type {Map<number, (message: Record<string, unknown>) => void>} */
const pending = new Map();
let nextId = 1;
let worker = startWorker();

/** Starts the import worker; if it dies (out of memory on a huge file), the waiting files fail and a new one starts. */
function startWorker() {
  const started = new Worker(new URL('./import-worker.js', import.meta.url), { type: 'module' });
  started.onmessage = (event) => {
    const message = event.data;
    if (typeof message !== 'object' || message === null) return;
    pending.get(message.id)?.(message);
  };
  started.onerror = (event) => {
    event.preventDefault();
    const reason = event.message || 'the import worker stopped (the file may be too large for this browser tab)';
    for (const [id, settle] of [...pending]) settle({ id, type: 'error', message: reason });
    started.terminate();
    worker = startWorker();
  };
  return started;
}

const input = element('input', { attrs: { type: 'file', multiple: '', accept: ACCEPT, id: 'import-files' } });
const dropZone = element('div', { className: 'drop-zone', attrs: { role: 'button', tabindex: '0' } }, [
  element('p', { text: 'Drop export files here, or ' }, [
    element('label', { text: 'choose files', attrs: { for: 'import-files' } }),
  ]),
  element('p', {
    className: 'muted',
    text: 'CSV, XLSX or ZIP exports from X, LinkedIn, Meta Business Suite and Ads Manager, YouTube Studio, TikTok and Pinterest. Files never leave this browser.',
  }),
  input,
]);
const results = element('ul', { className: 'import-results', attrs: { 'aria-live': 'polite' } });
// The panel's own few styles, set through the CSSOM (no inline markup).
Object.assign(dropZone.style, { border: '2px dashed #d9dee6', borderRadius: '8px', padding: '12px', cursor: 'pointer' });
input.style.display = 'none';
section.replaceChildren(element('h2', { text: 'Import exports' }), dropZone, results);

input.addEventListener('change', () => {
  importFiles(Array.from(input.files ?? []));
  input.value = '';
});
dropZone.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    input.click();
  }
});
dropZone.addEventListener('click', (event) => {
  if (event.target !== input) input.click();
});
dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.classList.add('dragging');
  dropZone.style.borderColor = '#0a66c2';
});
dropZone.addEventListener('dragleave', () => {
  dropZone.classList.remove('dragging');
  dropZone.style.borderColor = '#d9dee6';
});
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('dragging');
  dropZone.style.borderColor = '#d9dee6';
  importFiles(Array.from(event.dataTransfer?.files ?? []));
});

/**
 * Imports files one after another (the worker queues them too).
 * @param {File[]} files
 */
async function importFiles(files) {
  let stored = false;
  for (const file of files) {
    stored = (await importOne(file)) || stored;
  }
  if (stored) document.dispatchEvent(new CustomEvent('yardstick-store-changed'));
}

/**
 * Sends one file to the worker and shows its progress and summary.
 * @param {File} file
 * @returns {Promise<boolean>} whether anything was stored
 */
async function importOne(file) {
  const progress = element('progress', { attrs: { max: '1', value: '0' } });
  const status = element('p', { className: 'muted', text: `Reading ${formatSize(file.size)}…` });
  const item = element('li', { className: 'import-file' }, [element('strong', { text: file.name }), progress, status]);
  results.prepend(item);
  const id = nextId++;
  const bytes = await file.arrayBuffer();
  /** @type {Record<string, unknown>} */
  const outcome = await new Promise((resolve) => {
    pending.set(id, (message) => {
      if (message.type === 'progress' && typeof message.fraction === 'number') {
        progress.value = message.fraction;
      } else {
        pending.delete(id);
        resolve(message);
      }
    });
    worker.postMessage({ id, name: file.name, bytes, importedAt: new Date().toISOString() }, [bytes]);
  });
  progress.remove();
  if (outcome.type !== 'done') {
    item.classList.add('error');
    status.className = 'error';
    status.textContent = `Not imported: ${String(outcome.message ?? 'unknown error')}`;
    return false;
  }
  const summary = /** @type {Summary} */ (outcome.summary);
  const content = /** @type {ContentReport} */ (outcome.content);
  status.textContent = describe(summary, Number(outcome.total));
  item.dataset.platform = summary.platform;
  item.dataset.kind = summary.kind;
  item.dataset.observations = String(summary.observation_count);
  item.dataset.content = String(content.kept);
  item.dataset.postsWithText = String(summary.posts_with_text);
  const notes = [
    ...summary.diagnostics.filter((d) => d.severity !== 'info'),
    ...content.refused.map((reason) => ({ severity: 'warning', message: `Not kept: ${reason}` })),
  ];
  if (notes.length > 0) {
    item.append(
      element('details', {}, [
        element('summary', { text: `${notes.length} warning${notes.length === 1 ? '' : 's'}` }),
        element('ul', {}, notes.map((d) => element('li', { className: d.severity, text: d.message }))),
      ]),
    );
  }
  return summary.observation_count > 0 || content.kept > 0;
}

/**
 * One line about an imported file: what it is, what it covers, what it gave.
 * @param {Summary} summary
 * @param {number} total observations in the store afterwards
 */
function describe(summary, total) {
  const period = summary.period ? `${summary.period.start} – ${summary.period.end}` : 'no dates';
  const language = summary.language ? ` (${summary.language})` : '';
  const posts = summary.posts_with_text;
  const others = (summary.content_count ?? 0) - posts;
  const content = [
    posts > 0 ? `${posts} ${posts === 1 ? 'post' : 'posts'} with text · ` : '',
    others > 0 ? `details of ${others} more ${others === 1 ? 'item' : 'items'} · ` : '',
  ].join('');
  return (
    `${summary.platform} · ${summary.kind}${language} · ${period} · ${summary.rows_read} rows · ` +
    `${summary.observation_count} observations · ${content}${total} stored in this browser`
  );
}

/** @param {number} bytes */
function formatSize(bytes) {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}
