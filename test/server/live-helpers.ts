import { after } from 'node:test';
import { startBff, type Bff, type StartOptions } from '../../server/src/bff.ts';
import { memoryLogger } from '../../server/src/logger.ts';
import { startSandboxProcess, type SandboxProcess } from '@checkr-kit/sandbox';
import { fastBffOptions } from './helpers.ts';

export const ADMIN_KEY = 'admin-key-for-live-tests-0123456789';
export const ORIGIN = 'https://careers.example.com';

let shared: Promise<SandboxProcess> | undefined;
// Registered at import, so on the test file's root: the child goes when the file is done.
after(async () => {
  if (shared) await (await shared).close();
});

/**
 * The simulators of this test file, in their own process (`npm run sandbox`), emptied and with
 * their knobs back to start-up. One process per file: the tests of a file run one at a time, and
 * the reset keeps them apart.
 */
export async function liveSandbox(): Promise<SandboxProcess> {
  shared ??= startSandboxProcess({ reportCompleteAfterMs: 50 });
  const sandbox = await shared;
  await sandbox.control.reset();
  return sandbox;
}

/**
 * A BFF in live configuration, as a customer runs it: keys set, every base pointed at the
 * simulators in their own process, nothing of the sandbox passed in code. The simulators' webhooks
 * go to this BFF. `sandbox` shares one already in use (two BFFs on one Checkr); otherwise the
 * file's sandbox is reset first.
 */
export async function startLive(
  options: StartOptions & { sandbox?: SandboxProcess } = {},
): Promise<{ bff: Bff; logs: string[]; sim: SandboxProcess; admin: Record<string, string> }> {
  const { sandbox, ...bffOptions } = options;
  const sim = sandbox ?? (await liveSandbox());
  const logger = memoryLogger();
  const bff = await startBff({
    port: 0,
    logger,
    ...fastBffOptions,
    ...bffOptions,
    env: {
      DATABASE_URL: 'sqlite::memory:',
      BFF_ADMIN_KEY: ADMIN_KEY,
      SESSION_SIGNING_KEY: 'live-test-signing-key-0123456789abcdef',
      ALLOWED_ORIGINS: ORIGIN,
      EMAIL_DOMAIN_CHECK: 'off',
      ...sim.env,
      ...options.env,
    },
  });
  after(() => bff.close());
  await sim.control.sendWebhooksTo(`http://127.0.0.1:${bff.port}`);
  return {
    bff,
    logs: logger.lines,
    sim,
    admin: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
  };
}

/** Log lines at `error` level, parsed. */
export function errorLines(logs: string[]): Array<Record<string, unknown>> {
  return logs
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.level === 'error');
}

/**
 * POST /v1/apply-sessions as the customer's backend does (tasker_standard, a PA work location,
 * ORIGIN), with `fields` laid over; the status and the parsed answer.
 */
export async function createApplySession(
  bff: { url: string },
  admin: Record<string, string>,
  fields: Record<string, unknown> = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${bff.url}/v1/apply-sessions`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({
      package: 'tasker_standard',
      work_locations: [{ country: 'US', state: 'PA' }],
      origin: ORIGIN,
      ...fields,
    }),
  });
  return { status: response.status, body: await response.json() };
}

/** A candidate through the apply flow against a live BFF, as the browser would, up to signing. */
export async function applyAs(
  bff: Bff,
  admin: Record<string, string>,
  candidate: Record<string, unknown>,
  session: Record<string, unknown> = {},
): Promise<{ sessionId: string; token: string; sign: () => Promise<Response> }> {
  const { body } = await createApplySession(bff, admin, session);
  const { session_id: sessionId, session_token: token } = body as {
    session_id: string;
    session_token: string;
  };
  const browser = { authorization: `Bearer ${token}`, origin: ORIGIN };
  const submitted = await submit(bff, token, candidate);
  const { documents } = (await (
    await fetch(`${bff.url}/v1/apply/config`, { headers: browser })
  ).json()) as { documents: Array<{ id: string; version: string; sha256: string; kind: string }> };
  const sign = async () => {
    for (const id of submitted.documents) {
      const document = documents.find((d) => d.id === id)!;
      await fetch(`${bff.url}/v1/apply/acknowledgements`, {
        method: 'POST',
        headers: { ...browser, 'content-type': 'application/json' },
        body: JSON.stringify({
          document_id: id,
          version: document.version,
          sha256: document.sha256,
        }),
      });
    }
    const authorization = documents.find((d) => d.kind === 'authorization')!;
    return fetch(`${bff.url}/v1/apply/consent`, {
      method: 'POST',
      headers: { ...browser, 'content-type': 'application/json' },
      body: JSON.stringify({
        signature_name: `${candidate.first_name} ${candidate.last_name}`,
        esign_consent: true,
        authorization: {
          document_id: authorization.id,
          version: authorization.version,
          sha256: authorization.sha256,
        },
      }),
    });
  };
  return { sessionId, token, sign };
}

/** POST /v1/apply/candidate as the browser does. */
export async function submit(
  bff: Bff,
  token: string,
  candidate: Record<string, unknown>,
): Promise<{ candidate_id: string; documents: string[] }> {
  const response = await fetch(`${bff.url}/v1/apply/candidate`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      origin: ORIGIN,
      'content-type': 'application/json',
    },
    body: JSON.stringify(candidate),
  });
  const body = await response.json();
  if (response.status !== 201)
    throw new Error(`candidate ${response.status} ${JSON.stringify(body)}`);
  return body as { candidate_id: string; documents: string[] };
}

/** A local alert receiver: what ALERT_WEBHOOK_URL would reach. */
export async function alertReceiver(): Promise<{
  url: string;
  alerts: Array<Record<string, unknown>>;
}> {
  const { createServer } = await import('node:http');
  const alerts: Array<Record<string, unknown>> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      alerts.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/alerts`, alerts };
}

/** A call to the Checkr simulator's API with the account's key, as a customer's script makes it. */
export async function checkrApi(
  sim: SandboxProcess,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${sim.env.CHECKR_API_BASE}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${sim.env.CHECKR_API_KEY}:`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
