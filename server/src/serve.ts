import { ConfigError } from './config-error.ts';

export { ConfigError };

/** A start-up banner: a title line (`... on URL`), then labelled lines, labels aligned. */
export function startupText(title: string, rows: Array<[label: string, value: string]>): string {
  const width = Math.max(0, ...rows.map(([label]) => label.length + 1));
  return [
    '',
    title,
    ...rows.map(([label, value]) => `  ${`${label}:`.padEnd(width)}  ${value}`),
    '',
  ].join('\n');
}

/**
 * What the entry points share (the BFF's `index.ts`, the sandbox's `main.ts` and `serve.ts`):
 * start, print what `announce` says, close cleanly on SIGINT or SIGTERM (and when the parent
 * that spawned it with an IPC channel goes away), and turn a configuration error into its one
 * line and exit code 1.
 */
export async function serve<T extends { close(): Promise<void> }>(
  start: () => Promise<T>,
  announce: (started: T) => string,
): Promise<T | undefined> {
  let started: T;
  try {
    started = await start();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = 1;
      return undefined;
    }
    throw error;
  }
  console.log(announce(started));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void started.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.send) process.on('disconnect', stop);
  return started;
}
