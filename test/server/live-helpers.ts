import { after } from 'node:test';
import { startBff, type Bff, type StartOptions } from '../../server/src/bff.ts';
import { memoryLogger } from '../../server/src/logger.ts';
import { startStandaloneSandbox, type StandaloneSandbox } from '@checkr-kit/sandbox';
import { fastBffOptions } from './helpers.ts';

export const ADMIN_KEY = 'admin-key-for-live-tests-0123456789';
export const ORIGIN = 'https://careers.example.com';

/**
 * A BFF in live configuration, as a customer runs it: keys set, every base pointed at the
 * simulators on their own server, nothing of the sandbox passed in code.
 */
export async function startLive(
  options: StartOptions & { sandbox?: StandaloneSandbox } = {},
): Promise<{ bff: Bff; logs: string[]; sim: StandaloneSandbox; admin: Record<string, string> }> {
  const sim = options.sandbox ?? (await startStandaloneSandbox({ reportCompleteAfterMs: 50 }));
  const logger = memoryLogger();
  const bff = await startBff({
    port: 0,
    logger,
    ...fastBffOptions,
    ...options,
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
  const webhookBase = `http://127.0.0.1:${bff.port}`;
  sim.checkr.webhooks.url = `${webhookBase}/v1/webhooks/checkr`;
  sim.pay.webhooks.url = `${webhookBase}/v1/webhooks/checkr-pay`;
  after(async () => {
    await bff.close();
    if (!options.sandbox) await sim.close();
  });
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

/** A candidate through the apply flow against a live BFF, as the browser would, up to signing. */
export async function applyAs(
  bff: Bff,
  admin: Record<string, string>,
  candidate: Record<string, unknown>,
  session: Record<string, unknown> = {},
): Promise<{ sessionId: string; token: string; sign: () => Promise<Response> }> {
  const created = await fetch(`${bff.url}/v1/apply-sessions`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({
      package: 'tasker_standard',
      work_locations: [{ country: 'US', state: 'PA' }],
      origin: ORIGIN,
      ...session,
    }),
  });
  const { session_id: sessionId, session_token: token } = (await created.json()) as {
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
