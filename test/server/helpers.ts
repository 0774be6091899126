import { after } from 'node:test';
import { startSandbox as start, type SandboxOptions, type SandboxedBff } from '@checkr-kit/sandbox';
import type { Bff } from '../../server/src/bff.ts';
import { memoryLogger } from '../../server/src/logger.ts';
import { fastBffOptions } from '../support/fast-bff.ts';
import { michael } from '../support/candidates.ts';
import { checkResponsesAgainstOpenApi } from '../support/openapi-check.ts';

export { fastBffOptions, fastRetries } from '../support/fast-bff.ts';
export { michael };

/** A whole sandbox BFF on a free loopback port, in memory, closed after the test file. */
export async function startSandbox(
  options: SandboxOptions = {},
): Promise<SandboxedBff & { logs: string[] }> {
  const logger = memoryLogger();
  const bff = await start({
    port: 0,
    logger,
    reportCompleteAfterMs: 50,
    ...fastBffOptions,
    ...options,
    env: { DATABASE_URL: 'sqlite::memory:', ...options.env },
  });
  after(() => bff.close());
  checkResponsesAgainstOpenApi(bff.url);
  return Object.assign(bff, { logs: logger.lines });
}

export function json(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

export function auth(token: string, init: RequestInit = {}): RequestInit {
  return {
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
  };
}

export { until } from '../support/until.ts';

/**
 * A new apply session taken up to the signature: candidate submitted, every required document
 * acknowledged. Returns the token and the body of a consent submission, ready to be altered.
 */
let candidates = 0;

export async function readyToSign(
  bff: Bff,
  // A new SSN each time: the Checkr simulator refuses a third duplicate within 24 hours.
  candidate: Record<string, unknown> = { ...michael, ssn: `111-11-${3001 + candidates++}` },
  session: Record<string, unknown> = {},
): Promise<{ sessionId: string; token: string; consent: Record<string, unknown> }> {
  const created = await fetch(
    `${bff.url}/v1/apply-sessions`,
    auth(bff.config.adminKey, json({ package: 'driver_pro', ...session })),
  );
  const { session_id: sessionId, session_token: token } = await created.json();
  const submitted = await fetch(`${bff.url}/v1/apply/candidate`, auth(token, json(candidate)));
  if (submitted.status !== 201) throw new Error(`candidate: ${await submitted.text()}`);
  const { documents: required } = await submitted.json();
  const { documents } = await (await fetch(`${bff.url}/v1/apply/config`, auth(token))).json();
  for (const id of required as string[]) {
    const { version, sha256 } = documents.find((d: { id: string }) => d.id === id);
    const ack = await fetch(
      `${bff.url}/v1/apply/acknowledgements`,
      auth(token, json({ document_id: id, version, sha256 })),
    );
    if (ack.status !== 201) throw new Error(`acknowledgement: ${await ack.text()}`);
  }
  const authorization = documents.find((d: { kind: string }) => d.kind === 'authorization');
  return {
    sessionId,
    token,
    consent: {
      signature_name: `${candidate.first_name} ${candidate.last_name}`,
      esign_consent: true,
      authorization: {
        document_id: authorization.id,
        version: authorization.version,
        sha256: authorization.sha256,
      },
    },
  };
}
