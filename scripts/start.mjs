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
// A stop asked of npm start is passed on. A sandbox ended by a signal nobody here sent (another
// process's kill, the OOM killer) is a failure, not a clean stop: say so, with a non-zero exit,
// so a terminal or a test shows why the demo went away.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    stopping = true;
    child.kill(signal);
  });
child.on('exit', (code, signal) => {
  if (signal && !stopping) {
    console.error(`npm start: the sandbox was stopped by ${signal}`);
    process.exit(1);
  }
  process.exit(code ?? 0);
});
