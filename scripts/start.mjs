// npm start: build the script-tag bundle the demo pages load, then run the sandbox (the
// simulators, a BFF pointed at them, the demo pages; no keys needed) straight from TypeScript.
import { spawn } from 'node:child_process';
import { build } from 'vite';

const root = new URL('..', import.meta.url).pathname;
await build({ root, configFile: `${root}vite.config.ts`, mode: 'bundle' });
const child = spawn(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', 'sandbox/src/main.ts'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { PORT: '8080', ...process.env },
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
