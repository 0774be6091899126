// npm test: every suite, one command. `npm test -- server browser` runs only those.
// Prints a summary line per suite and, last, "N passed, N failed"; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'ck-test-'));
const bin = (name) => join(root, 'node_modules', '.bin', name);

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory()
        ? testFiles(path)
        : path.endsWith('.test.ts')
          ? [path]
          : [];
    })
    .sort();
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

/**
 * Node's test runner over TypeScript (tsx), resolving workspace packages to their sources;
 * `wrapper` runs it inside another command (pg_virtualenv).
 */
function nodeSuite(dirs, extra = [], wrapper = []) {
  const files = dirs.flatMap((dir) => testFiles(join(root, dir)));
  if (files.length === 0)
    return { passed: 0, failed: 1, note: `no test files under ${dirs.join(', ')}` };
  const tap = join(scratch, `${dirs[0].replace(/\W/g, '_')}.tap`);
  const [command, ...prefix] = [...wrapper, process.execPath];
  const status = run(command, [
    ...prefix,
    '--conditions=source',
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    ...extra,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files.map((f) => relative(root, f)),
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + count('cancelled') + (status !== 0 && count('fail') === 0 ? 1 : 0);
  return { passed, failed };
}

/** web-test-runner in one engine (web-test-runner.config.mjs reads CK_BROWSER). */
function browser(engine) {
  const counts = join(scratch, `browser-${engine}.json`);
  const status = run(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      join(root, 'node_modules/@web/test-runner/dist/bin.js'),
    ],
    { CK_COUNTS_FILE: counts, CK_BROWSER: engine },
  );
  const { passed = 0, failed = 0 } = existsSync(counts)
    ? JSON.parse(readFileSync(counts, 'utf8'))
    : {};
  return { passed, failed: failed + (status !== 0 && failed === 0 ? 1 : 0) };
}

const suites = {
  typecheck: () => ({
    ...(run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) === 0
      ? { passed: 1, failed: 0 }
      : { passed: 0, failed: 1 }),
  }),
  lint: () => {
    const eslint = run(bin('eslint'), ['.', '--max-warnings=0']);
    const prettier = run(bin('prettier'), ['--check', '.', '--log-level=warn']);
    return { passed: (eslint === 0) + (prettier === 0), failed: (eslint !== 0) + (prettier !== 0) };
  },
  server: () => nodeSuite(['test/validation', 'test/server']),
  // The product as users run it: npm start, a candidate and a worker in Chromium, faults, a crash.
  e2e: () => nodeSuite(['test/e2e'], ['--test-concurrency=1']),
  // The store contract and the three-replica test on a real PostgreSQL: one throwaway cluster
  // (Debian's pg_virtualenv) for the whole suite, each test file in its own database.
  postgres: () => {
    if (!existsSync('/usr/bin/pg_virtualenv')) {
      const line =
        'PostgreSQL not installed: `sudo apt-get install postgresql` runs the postgres suite';
      // CI must run it: there a missing server is a failure, on a laptop one line.
      return process.env.CI
        ? { passed: 0, failed: 1, note: line }
        : { passed: 0, failed: 0, note: `skipped: ${line}` };
    }
    return nodeSuite(['test/postgres'], [], ['pg_virtualenv', '-t', '-o', 'max_connections=200']);
  },
  // Builds the static Storybook and renders every story in Chromium (console errors, axe).
  stories: () => nodeSuite(['test/stories']),
  // The packed packages installed in a scratch project: types, a Vite build, the page in Chromium;
  // the React and Vue examples type-check and build in the same install.
  consumer: () => nodeSuite(['test/consumer'], ['--test-concurrency=1']),
  ...Object.fromEntries(
    ['chromium', 'firefox', 'webkit'].map((engine) => [`browser-${engine}`, () => browser(engine)]),
  ),
};

// `browser` is the browser suite in every engine.
const aliases = { browser: Object.keys(suites).filter((name) => name.startsWith('browser-')) };
const wanted = (process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(suites)).flatMap(
  (name) => aliases[name] ?? [name],
);
const unknown = wanted.filter((name) => !suites[name]);
if (unknown.length) {
  console.error(`Unknown suite ${unknown.join(', ')}; suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}

const results = [];
for (const name of wanted) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const result = suites[name]();
  results.push({ name, ...result, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

console.log('\n━━ summary ━━');
for (const { name, passed, failed, seconds, note } of results) {
  const mark = failed === 0 ? 'ok  ' : 'FAIL';
  console.log(
    `${mark} ${name.padEnd(16)} ${String(passed).padStart(4)} passed, ${failed} failed  (${seconds}s)${note ? `  ${note}` : ''}`,
  );
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
