import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;

export interface Started {
  url: string;
  process: ChildProcess;
  output: string[];
  dataDir: string;
  secrets: { admin: string; signing: string };
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Runs the product the way a user does: `node scripts/start.mjs` (what `npm start` runs), on a free
 * port, with its data in a fresh folder and known secrets (so the test can look for leaks). The caller
 * stops it (`stop`), in its own `after` hook.
 */
export async function startProduct(
  options: {
    script?: string;
    env?: Record<string, string>;
    dataDir?: string;
    secrets?: Started['secrets'];
  } = {},
): Promise<Started> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ck-e2e-'));
  const secrets = options.secrets ?? {
    admin: `adm_${randomBytes(18).toString('hex')}`,
    signing: `sig_${randomBytes(24).toString('hex')}`,
  };
  const script = options.script ?? 'scripts/start.mjs';
  const args = script.endsWith('.ts')
    ? ['--conditions=source', '--import', 'tsx', script]
    : [script];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      DATABASE_URL: `sqlite:${join(dataDir, 'checkr-kit.sqlite')}`,
      BFF_ADMIN_KEY: secrets.admin,
      SESSION_SIGNING_KEY: secrets.signing,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL printed:\n${output.join('')}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /on (http:\/\/localhost:\d+)/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${output.join('')}`)));
  });
  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return { url, process: child, output, dataDir, secrets, stop };
}

export { until } from '../support/until.ts';
