// npm run build: the library build of every package (ESM + .d.ts), the script-tag files
// dist/checkr-kit.js and dist/checkr-kit-pay-embed.js, the custom-elements manifest, then a
// table of raw and gzip bytes.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const PACKAGES = ['validation', 'core', 'apply-flow', 'pay-embed'];
const root = new URL('..', import.meta.url).pathname;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export async function buildAll({ quiet = false } = {}) {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  rmSync(join(root, '.types'), { recursive: true, force: true });
  for (const name of PACKAGES) {
    rmSync(join(root, 'packages', name, 'dist'), { recursive: true, force: true });
    await build({ root, configFile: join(root, 'vite.config.ts'), mode: `lib:${name}` });
  }
  await build({ root, configFile: join(root, 'vite.config.ts'), mode: 'bundle' });

  // Declarations: one tsc run, then each package's into its dist, with .ts specifiers as .js.
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  for (const name of PACKAGES) {
    const from = join(root, '.types', name, 'src');
    const to = join(root, 'packages', name, 'dist');
    cpSync(from, to, { recursive: true });
    for (const file of walk(to).filter((f) => f.endsWith('.d.ts'))) {
      const text = readFileSync(file, 'utf8').replace(
        /(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.ts\2/g,
        '$1$2$3.js$2',
      );
      writeFileSync(file, text);
    }
  }
  rmSync(join(root, '.types'), { recursive: true, force: true });

  execFileSync(
    process.execPath,
    [join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--quiet'],
    {
      cwd: root,
      stdio: quiet ? 'ignore' : 'inherit',
    },
  );
  writePackageManifests();
  return sizeTable();
}

/**
 * Each published package with elements gets its own custom-elements.json (its `customElements`
 * field), with module paths as they are in the tarball: `packages/x/src/a/a.ts` -> `dist/a/a.js`.
 * References to a sibling package's modules name that package instead.
 */
export function writePackageManifests() {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  for (const name of PACKAGES) {
    const prefix = `packages/${name}/src/`;
    const modules = manifest.modules.filter((m) => m.path.startsWith(prefix));
    if (!modules.some((m) => m.declarations?.some((d) => d.tagName))) continue;
    const text = JSON.stringify({ ...manifest, modules }, null, 2)
      .replace(/"packages\/([a-z-]+)\/src\/([^"]+)\.ts"/g, (_, pkg, path) =>
        JSON.stringify(pkg === name ? `dist/${path}.js` : `@checkr-kit/${pkg}`),
      )
      .replace(/"(\.{1,2}\/[^"]+)\.ts"/g, '"$1.js"');
    writeFileSync(join(root, 'packages', name, 'custom-elements.json'), `${text}\n`);
  }
}

export function sizeOf(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Rows: the bundle, then each package's JavaScript (all modules together) and its entry points. */
export function sizeTable() {
  const rows = [];
  for (const file of ['dist/checkr-kit.js', 'dist/checkr-kit-pay-embed.js'])
    rows.push({ output: file, ...sizeOf(join(root, file)) });
  for (const name of PACKAGES) {
    const dist = join(root, 'packages', name, 'dist');
    const files = walk(dist).filter((f) => f.endsWith('.js'));
    const total = files.reduce(
      (sum, f) => {
        const size = sizeOf(f);
        return { raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip };
      },
      { raw: 0, gzip: 0 },
    );
    rows.push({ output: `packages/${name}/dist/*.js (${files.length} modules)`, ...total });
  }
  return rows;
}

export function printTable(rows) {
  const width = Math.max(...rows.map((r) => r.output.length), 6);
  console.log(
    `\n${'output'.padEnd(width)}  ${'raw bytes'.padStart(10)}  ${'gzip bytes'.padStart(10)}`,
  );
  for (const row of rows) {
    console.log(
      `${row.output.padEnd(width)}  ${String(row.raw).padStart(10)}  ${String(row.gzip).padStart(10)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await buildAll();
  printTable(rows);
  if (!existsSync(join(root, 'custom-elements.json')))
    throw new Error('custom-elements.json missing');
  console.log(`\ncustom-elements.json: ${relative(root, join(root, 'custom-elements.json'))}`);
}
