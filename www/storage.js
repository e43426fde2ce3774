// @ts-check
/**
 * Persistence: one IndexedDB database shared by every extension-origin context (overlay
 * frames in any tab, popup, dashboard), holding the store as the core's bytes.
 *
 * The core owns the format (versioned, with migrations); this module only keeps the bytes.
 * `updateStore` reads, lets the caller compute new bytes synchronously (a wasm call) and
 * writes them in one readwrite transaction, so two tabs reading at once cannot lose each
 * other's observations. It must not interpret the bytes.
 */

const DATABASE = 'yardstick';
const VERSION = 1;
const STORE = 'store';
/** The key of the store's bytes in the object store. */
const STORE_KEY = 'observations';

/** @type {Promise<IDBDatabase> | undefined} */
let opening;

/** @returns {Promise<IDBDatabase>} */
function database() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('could not open the Yardstick database'));
    request.onblocked = () => reject(new Error('the Yardstick database is blocked by an older version in another tab'));
  });
  return opening;
}

/**
 * @param {unknown} value
 * @returns {Uint8Array | undefined}
 */
function asBytes(value) {
  return value instanceof Uint8Array ? value : undefined;
}

/**
 * The stored bytes, or undefined when nothing was stored yet.
 * @returns {Promise<Uint8Array | undefined>}
 */
export async function readStore() {
  const db = await database();
  return new Promise((resolve, reject) => {
    const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(STORE_KEY);
    request.onsuccess = () => resolve(asBytes(request.result));
    request.onerror = () => reject(request.error);
  });
}

/**
 * Replaces the stored bytes with `update(current)` atomically. `update` must be synchronous:
 * an await inside it would let the transaction commit early.
 * @template T
 * @param {(current: Uint8Array | undefined) => {bytes: Uint8Array, result: T}} update
 * @returns {Promise<T>}
 */
export async function updateStore(update) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, 'readwrite');
    const objects = transaction.objectStore(STORE);
    /** @type {T} */
    let result;
    const request = objects.get(STORE_KEY);
    request.onsuccess = () => {
      try {
        const next = update(asBytes(request.result));
        result = next.result;
        objects.put(next.bytes, STORE_KEY);
      } catch (error) {
        transaction.abort();
        reject(error);
      }
    };
    transaction.oncomplete = () => resolve(result);
    transaction.onerror = () => reject(transaction.error);
  });
}
