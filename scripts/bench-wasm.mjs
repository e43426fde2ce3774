// @ts-check
/**
 * `make bench` (wasm part of the store benchmark): the same program as the native
 * `cargo bench --bench store` (benches/store.rs), built for `wasm32-wasip1` and run by V8 —
 * the engine of Chromium — through Node's built-in `node:wasi`. It prints the bench's own
 * table (merge, save and load of 1 million observations, each against a baseline measured in
 * the same wasm run) and, when given the native bench's output, the wasm/native ratios.
 * Results go to out/bench/store-wasm.json. Nothing is asserted: tests assert, this measures.
 *
 * Usage: node scripts/bench-wasm.mjs [--native FILE] [--no-build]
 *   --native FILE  output of `cargo bench --bench store` (or `--benches`) from the same
 *                  `make bench` run, to print wasm/native ratios
 *   --no-build     reuse the module built last time
 *   YARDSTICK_BENCH_N=200000 changes the count, as for the native bench.
 *
 * The wasm run happens in a child Node process: if the module traps (for example when wasm32
 * runs out of its 4 GiB of memory), the parent still reports what was printed and how it
 * ended, instead of dying with it. The module is built with the release profile the
 * extension ships with (opt-level "z", LTO) and without the native-only CLI feature.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET = 'wasm32-wasip1';
const args = process.argv.slice(2);

if (args[0] === '--child') {
  await runModule(args[1]);
} else {
  main();
}

/** Runs the bench module under WASI in this process (the child). */
async function runModule(/** @type {string} */ path) {
  const { WASI } = await import('node:wasi');
  const env = {};
  if (process.env.YARDSTICK_BENCH_N) env.YARDSTICK_BENCH_N = process.env.YARDSTICK_BENCH_N;
  const wasi = new WASI({ version: 'preview1', args: ['store'], env, returnOnExit: true });
  const module = await WebAssembly.compile(readFileSync(path));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  const code = wasi.start(instance);
  const memory = /** @type {WebAssembly.Memory} */ (instance.exports.memory);
  // Linear memory only grows, so its final size is the run's peak.
  console.log(`wasm linear memory at exit: ${(memory.buffer.byteLength / 2 ** 20).toFixed(0)} MiB`);
  process.exitCode = code;
}

function main() {
  const nativeFile = option('--native');
  const wasm = args.includes('--no-build') ? lastBuilt() : build();
  console.log(`\nstore bench in wasm (${TARGET}, V8 ${process.versions.v8}, Node ${process.version}): ${wasm}`);
  const child = spawnSync(
    process.execPath,
    ['--no-warnings', '--no-flush-bytecode', fileURLToPath(import.meta.url), '--child', wasm],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 },
  );
  process.stdout.write(child.stdout);
  process.stderr.write(child.stderr);
  const ended = child.status === 0 ? 'ok' : `failed (exit ${child.status}, signal ${child.signal})`;
  console.log(`wasm run: ${ended}`);

  const wasmResults = parse(child.stdout);
  const nativeResults = nativeFile ? parse(readFileSync(nativeFile, 'utf8')) : null;
  if (nativeResults && wasmResults.rows.length > 0) {
    printComparison(wasmResults, nativeResults);
  }
  mkdirSync(join(ROOT, 'out/bench'), { recursive: true });
  const report = {
    target: TARGET,
    node: process.version,
    v8: process.versions.v8,
    ended,
    stderr: child.stderr.trim().split('\n').slice(0, 20),
    wasm: wasmResults,
    native: nativeResults,
  };
  writeFileSync(join(ROOT, 'out/bench/store-wasm.json'), JSON.stringify(report, null, 2) + '\n');
  if (child.status !== 0) process.exitCode = 1;
}

/** Builds the store bench for wasm32-wasip1 and returns the module's path. */
function build() {
  const cargo = spawnSync(
    'cargo',
    [
      'bench', '--no-run', '--bench', 'store', '--target', TARGET, '--no-default-features',
      '--message-format=json-render-diagnostics',
    ],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 },
  );
  if (cargo.status !== 0) {
    console.error(`bench-wasm: cargo bench --no-run --target ${TARGET} failed`);
    process.exit(1);
  }
  const executable = cargo.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .find((m) => m.reason === 'compiler-artifact' && m.target?.name === 'store' && m.executable)
    ?.executable;
  if (!executable) {
    console.error('bench-wasm: cargo built no store bench module');
    process.exit(1);
  }
  mkdirSync(join(ROOT, 'out/bench'), { recursive: true });
  writeFileSync(join(ROOT, 'out/bench/.store-wasm-path'), executable);
  return executable;
}

function lastBuilt() {
  return readFileSync(join(ROOT, 'out/bench/.store-wasm-path'), 'utf8').trim();
}

/** @param {string} name */
function option(name) {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/**
 * Reads benches/store.rs's printed table: the count, one row per operation with its time,
 * its baseline's name and time, and the size line.
 * @param {string} text
 */
function parse(text) {
  const count = text.match(/^(\d+) observations generated/m);
  const rows = [...text.matchAll(/^(merge|save|load) +([\d.]+) ms +(.+?) +([\d.]+) ms +ratio/gm)].map(
    (m) => ({ op: m[1], ms: Number(m[2]), baseline: m[3], baselineMs: Number(m[4]) }),
  );
  const size = text.match(/^size .*?= ([\d.]+) bytes\/observation; JSON .*?= ([\d.]+) bytes\/observation/m);
  return {
    n: count ? Number(count[1]) : null,
    rows,
    bytesPerObservation: size ? Number(size[1]) : null,
    jsonBytesPerObservation: size ? Number(size[2]) : null,
  };
}

/**
 * @param {ReturnType<typeof parse>} wasm
 * @param {ReturnType<typeof parse>} native
 */
function printComparison(wasm, native) {
  console.log('\nwasm vs native (best of 3 each; ratio = wasm / native)');
  if (wasm.n !== native.n) console.log(`note: counts differ (wasm ${wasm.n}, native ${native.n})`);
  const ms = (/** @type {number} */ v) => `${v.toFixed(1).padStart(9)} ms`;
  for (const w of wasm.rows) {
    const n = native.rows.find((r) => r.op === w.op);
    if (!n) continue;
    console.log(
      `${w.op.padEnd(6)} wasm ${ms(w.ms)}  native ${ms(n.ms)}  ratio ${(w.ms / n.ms).toFixed(2).padStart(5)}` +
        `   | baseline ${w.baseline}: wasm ${ms(w.baselineMs)}  native ${ms(n.baselineMs)}  ratio ${(w.baselineMs / n.baselineMs).toFixed(2).padStart(5)}`,
    );
  }
  console.log(
    `size   wasm ${wasm.bytesPerObservation} bytes/observation, native ${native.bytesPerObservation} (same format, same bytes expected)`,
  );
}
