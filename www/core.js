// @ts-check
/**
 * The wasm core, loaded once per extension page: `const yardstick = await core();`.
 *
 * Every extension page that needs Rust (overlay, dashboard, and the dashboard's import and
 * strategy panels) imports it through here, so the module is compiled once per page and
 * the glue's location is named in one place. This must not be imported by the content
 * script: the core runs only in extension-origin contexts.
 */
import init, * as yardstick from './pkg/yardstick.js';

/** @type {Promise<typeof yardstick> | undefined} */
let loading;

/** Resolves to the core's exports once the module is compiled and started. */
export function core() {
  loading ??= init().then(() => yardstick);
  return loading;
}
