// npm run bench: runs every bench/*.bench.ts in turn, prints one table, writes bench/results.json.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchRow } from '../bench/types.ts';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();

const results: Array<BenchRow & { bench: string }> = [];
for (const file of files) {
  const bench = file.replace(/\.bench\.ts$/, '');
  console.error(`running ${bench}…`);
  const module = (await import(pathToFileURL(join(root, 'bench', file)).href)) as {
    default: () => Promise<BenchRow[]>;
  };
  for (const row of await module.default()) results.push({ bench, ...row });
}

const format = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });
const columns = [
  ['bench', (r: (typeof results)[number]) => r.bench],
  ['figure', (r: (typeof results)[number]) => r.name],
  ['value', (r: (typeof results)[number]) => format(r.value)],
  ['unit', (r: (typeof results)[number]) => r.unit],
  ['goal', (r: (typeof results)[number]) => r.goal ?? ''],
] as const;
const widths = columns.map(([title, get]) =>
  Math.max(title.length, ...results.map((r) => get(r).length)),
);
const line = (cells: string[]) =>
  cells
    .map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
    .join('  ');
console.log(line(columns.map(([title]) => title)));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of results) console.log(line(columns.map(([, get]) => get(row))));

writeFileSync(
  join(root, 'bench', 'results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
console.log('\nwrote bench/results.json');
