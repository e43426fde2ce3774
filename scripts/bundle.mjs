// @ts-check
/**
 * Assembles the unpacked extensions from www/, manifest.json and the built wasm (dist/pkg/):
 * dist/chrome/ (also Edge) and dist/firefox/, and a versioned zip of each.
 *
 * One manifest source plus a per-browser patch (manifest.firefox.json), merged here: the
 * version comes from Cargo.toml, so the crate is the one place a release number lives.
 * A key whose patch value is null is deleted. This script copies and merges only; it
 * builds nothing and fetches nothing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** The [package] version in Cargo.toml. */
function crateVersion() {
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const match = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/ms.exec(cargo);
  if (!match) throw new Error('bundle: no [package] version in Cargo.toml');
  return match[1];
}

/**
 * Merges `patch` into `base`: objects merge key by key, anything else replaces, null deletes.
 * @param {any} base
 * @param {any} patch
 * @returns {any}
 */
function merge(base, patch) {
  if (!isPlainObject(base) || !isPlainObject(patch)) return structuredClone(patch);
  const out = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = key in out ? merge(out[key], value) : structuredClone(value);
  }
  return out;
}

/** @param {unknown} value */
function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Writes one unpacked extension and its zip.
 * @param {string} browser
 * @param {object} manifest
 * @param {string} version
 */
function assemble(browser, manifest, version) {
  const dir = join(dist, browser);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'www'), dir, {
    recursive: true,
    // www/pkg is a developer's local build output, never shipped from there.
    filter: (source) => !source.startsWith(join(root, 'www', 'pkg')),
  });
  cpSync(join(dist, 'pkg'), join(dir, 'pkg'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  const zip = join(dist, `yardstick-${browser}-${version}.zip`);
  rmSync(zip, { force: true });
  // -X drops extra file attributes so the archive depends only on the files.
  execFileSync('zip', ['-q', '-r', '-X', zip, '.'], { cwd: dir, stdio: 'inherit' });
  console.log(`bundle: ${dir}/ and ${zip}`);
}

function main() {
  if (!existsSync(join(dist, 'pkg', 'yardstick_bg.wasm'))) {
    throw new Error('bundle: dist/pkg/yardstick_bg.wasm missing; run scripts/build-wasm.sh first');
  }
  const version = crateVersion();
  const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const chrome = { ...base, version };
  const firefoxPatch = JSON.parse(readFileSync(join(root, 'manifest.firefox.json'), 'utf8'));
  const firefox = merge(chrome, firefoxPatch);
  assemble('chrome', chrome, version);
  assemble('firefox', firefox, version);
}

main();
