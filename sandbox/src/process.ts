import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SandboxControl, type SandboxEnv } from './control.ts';

export interface SandboxProcessOptions {
  /** The BFF's base: the simulators' webhooks go to its /v1/webhooks/... (settable later). */
  webhookBase?: string;
  reportCompleteAfterMs?: number;
  /** More of the entry's environment (SANDBOX_WEBHOOKS, SANDBOX_OTHER_DATA, fixed keys...). */
  env?: Record<string, string>;
}

/** The standalone sandbox in a child process, and the client of its admin routes. */
export interface SandboxProcess {
  url: string;
  /** What a BFF's environment needs to use it. */
  env: SandboxEnv;
  control: SandboxControl;
  child: ChildProcess;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s. */
  close(): Promise<void>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = fileURLToPath(new URL('./standalone-main.ts', import.meta.url));

/**
 * Starts `standalone-main.ts` (what `npm run sandbox` runs) in its own Node process on a free
 * loopback port, and resolves once it listens. The simulators then share nothing with the caller
 * but HTTP, as the real services share nothing with a customer's BFF. The child stops with its
 * parent (the IPC channel closes), so a crashed test leaves no process behind.
 */
export async function startSandboxProcess(
  options: SandboxProcessOptions = {},
): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', entry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ...(options.webhookBase ? { SANDBOX_WEBHOOK_BASE: options.webhookBase } : {}),
      ...(options.reportCompleteAfterMs !== undefined
        ? { SANDBOX_REPORT_COMPLETE_AFTER_MS: String(options.reportCompleteAfterMs) }
        : {}),
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const ready = await new Promise<{ url: string; env: SandboxEnv }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the sandbox process did not start in 30 s:\n${stderr}`));
    }, 30_000);
    child.on('message', (message: { ready?: { url: string; env: SandboxEnv } }) => {
      if (!message?.ready) return;
      clearTimeout(timer);
      resolve(message.ready);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`the sandbox process exited (${code ?? signal}) before listening:\n${stderr}`),
      );
    });
  });
  // From now on its errors are the caller's to see.
  child.stderr!.removeAllListeners('data');
  child.stderr!.pipe(process.stderr);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    ...ready,
    control: new SandboxControl(ready.env),
    child,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(kill);
      }
      child.stderr?.unpipe(process.stderr);
      if (child.connected) child.disconnect();
    },
  };
}
