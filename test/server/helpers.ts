import type { Express } from 'express';
import type { AddressInfo } from 'node:net';
import { after } from 'node:test';

/** Listens on an ephemeral loopback port for the rest of the test file; returns the base URL. */
export async function serve(app: Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}
