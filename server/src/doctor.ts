import { CheckrClient } from './clients/checkr.ts';
import { CheckrPayClient } from './clients/checkr-pay.ts';
import { UpstreamError } from './clients/http.ts';
import { ConfigError, parseConfig } from './config.ts';
import { keyVariables } from './errors.ts';
import { readHierarchy } from './services/nodes.ts';

type Line = { ok: boolean | 'warn'; text: string };

const policy = { attempts: 2, timeoutMs: 10_000, baseDelayMs: 500, maxDelayMs: 1000 };

function upstreamFix(error: unknown, service: 'checkr' | 'checkr-pay', base: string): string {
  if (!(error instanceof UpstreamError))
    return `could not reach ${base}: check the base URL and outbound HTTPS`;
  if (error.failure === 'auth')
    return `${keyVariables(service)} refused (${error.status}): use a key of this environment (live keys with the live base, sandbox/staging keys with theirs)`;
  if (error.failure === 'unavailable')
    return `${base} answered ${error.status} (or did not answer): try again later`;
  return `${base} answered ${error.status}${error.errorCode ? ` ${error.errorCode}` : ''}: ${error.messages.join('; ') || 'unexpected'}`;
}

/**
 * `npm run doctor`: the environment a live BFF would start with, checked the way it will be used,
 * plus one read-only call to each API (seed 001 L1415 `GET /v1/account`; Checkr Pay's worker list).
 * Prints what works and what to fix; never prints a key or any other value of a secret.
 */
export async function runDoctor(env: NodeJS.ProcessEnv): Promise<{ ok: boolean; lines: Line[] }> {
  const lines: Line[] = [];
  let config;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { ok: false, lines: [{ ok: false, text: error.message }] };
  }
  lines.push({
    ok: true,
    text: 'environment parses (BFF_ADMIN_KEY, SESSION_SIGNING_KEY, ALLOWED_ORIGINS)',
  });
  if (!config.checkr) lines.push({ ok: false, text: 'CHECKR_API_KEY is not set' });
  else {
    const checkr = new CheckrClient(config.checkr.apiKey, config.checkr.apiBase, policy);
    try {
      const account = await checkr.getAccount();
      lines.push({
        ok: account.api_authorized === false ? false : true,
        text:
          account.api_authorized === false
            ? `Checkr account "${account.name ?? account.id}" is not API-authorized yet: ask Checkr to review your flow (seed 000 L93)`
            : `Checkr: ${config.checkr.apiBase} answers GET /v1/account for "${account.name ?? account.id}"`,
      });
      const packages = await checkr.listPackages();
      lines.push({
        ok: packages.length > 0,
        text: `Checkr: ${packages.length} package(s): ${packages.map((p) => p.slug).join(', ') || 'none'}`,
      });
      const hierarchy = await readHierarchy(checkr);
      const count = hierarchy.nodes.size;
      lines.push({
        ok: true,
        text:
          count > 0
            ? `Checkr: account hierarchy: ${count} node(s); every apply session must name one as \`node\``
            : `Checkr: no account hierarchy (GET /v1/nodes ${hierarchy.notEnabledStatus ? `answered ${hierarchy.notEnabledStatus}` : 'lists no node'}); apply sessions must not name a \`node\``,
      });
    } catch (error) {
      lines.push({
        ok: false,
        text: `Checkr: ${upstreamFix(error, 'checkr', config.checkr.apiBase)}`,
      });
    }
  }
  if (!config.pay) lines.push({ ok: 'warn', text: 'Checkr Pay keys not set: the wallet is off' });
  else {
    const pay = new CheckrPayClient(config.pay, config.pay.apiBase, policy);
    try {
      const count = await pay.countWorkers();
      lines.push({
        ok: true,
        text: `Checkr Pay (${config.pay.env}): ${config.pay.apiBase} answers GET /v0/workers (${count} worker(s))`,
      });
    } catch (error) {
      lines.push({
        ok: false,
        text: `Checkr Pay: ${upstreamFix(error, 'checkr-pay', config.pay.apiBase)}`,
      });
    }
    lines.push(
      config.hostJwt
        ? {
            ok: true,
            text: `worker sign-in: host JWT (${config.hostJwt.secret ? 'HS256 secret' : 'JWKS'}, iss ${config.hostJwt.issuer}, aud ${config.hostJwt.audience})`,
          }
        : {
            ok: 'warn',
            text: 'worker sign-in: no HOST_JWT_SECRET / HOST_JWKS_URL; GET /v1/pay/token needs one, or use POST /v1/pay/workers/{id}/token or createCheckrKit({ authenticate })',
          },
    );
  }
  lines.push(
    config.alertWebhookUrl
      ? { ok: true, text: 'alerts: ALERT_WEBHOOK_URL set' }
      : {
          ok: 'warn',
          text: 'alerts: ALERT_WEBHOOK_URL not set; failed deliveries are only logged',
        },
    config.piiRemovalContactEmail
      ? { ok: true, text: 'PII removal of abandoned sessions: contact set' }
      : {
          ok: 'warn',
          text: 'PII_REMOVAL_CONTACT_EMAIL not set: abandoned sessions fail their PII removal (and alert)',
        },
    config.trustProxy === false
      ? {
          ok: 'warn',
          text: 'TRUST_PROXY not set: behind a TLS proxy the consent records the proxy IP',
        }
      : { ok: true, text: `TRUST_PROXY: ${String(config.trustProxy)}` },
    config.publicUrl?.startsWith('https://')
      ? {
          ok: true,
          text: `webhooks to register: ${config.publicUrl}/v1/webhooks/checkr and ${config.publicUrl}/v1/webhooks/checkr-pay`,
        }
      : {
          ok: 'warn',
          text: 'PUBLIC_URL is not https://: Checkr needs HTTPS webhook URLs in live (seed 000 L673-678)',
        },
    {
      ok: true,
      text: `database: ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@').split('?')[0]}`,
    },
  );
  return { ok: lines.every((line) => line.ok !== false), lines };
}

export function formatDoctor(lines: Line[]): string {
  return lines
    .map(({ ok, text }) => `${ok === true ? 'ok  ' : ok === 'warn' ? 'warn' : 'FIX '} ${text}`)
    .join('\n');
}
