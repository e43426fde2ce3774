// @ts-check
/**
 * The dashboard's import worker (a module worker): parses export files in the wasm core off
 * the page's thread, merges the observations and the content records (posts' text, ads'
 * settings) into the store, and answers with the file's summary.
 *
 * Messages in: `{id, name, bytes: ArrayBuffer, importedAt}` (the bytes are transferred, not
 * copied). Messages out, each with the same `id`: `{type: 'progress', fraction}`, then
 * `{type: 'done', summary, total, content: {kept, refused}}` or `{type: 'error', message}`. A refused file stores
 * nothing (the core's import is all-or-nothing, and the merge runs only after it). Files are
 * handled one at a time, in the order they arrive. This worker must not touch the DOM.
 */
import { core } from './core.js';
import { updateStore } from './storage.js';

/** @type {Promise<void>} */
let queue = Promise.resolve();

self.onmessage = (event) => {
  const data = event.data;
  if (!isRequest(data)) return;
  queue = queue.then(() => importOne(data));
};

/**
 * @param {unknown} data
 * @returns {data is {id: number, name: string, bytes: ArrayBuffer, importedAt: string}}
 */
function isRequest(data) {
  if (typeof data !== 'object' || data === null) return false;
  const request = /** @type {Record<string, unknown>} */ (data);
  return (
    Number.isSafeInteger(request.id) &&
    typeof request.name === 'string' &&
    request.bytes instanceof ArrayBuffer &&
    typeof request.importedAt === 'string'
  );
}

/**
 * Imports one file and reports back.
 * @param {{id: number, name: string, bytes: ArrayBuffer, importedAt: string}} request
 */
async function importOne({ id, name, bytes, importedAt }) {
  try {
    const yardstick = await core();
    const onProgress = (/** @type {number} */ fraction) => self.postMessage({ id, type: 'progress', fraction });
    const imported = yardstick.importFile(name, new Uint8Array(bytes), importedAt, onProgress);
    try {
      const summary = imported.summary;
      // The same merge the service worker runs for overlay readings (background.js), done in
      // wasm so the observations and records never cross into JavaScript; one write keeps both.
      const { total, content } = await updateStore((stored) => {
        const merged = imported.mergeInto(stored);
        return { bytes: merged.bytes, result: { total: merged.total, content: merged.content } };
      });
      self.postMessage({ id, type: 'done', summary, total, content });
    } finally {
      imported.free();
    }
  } catch (error) {
    self.postMessage({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
