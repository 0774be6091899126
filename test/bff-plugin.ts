import { spawnSync } from 'node:child_process';
import type { TestRunnerPlugin } from '@web/test-runner';
import { build } from 'vite';
import { startSandbox, type SandboxedBff } from '@checkr-kit/sandbox';
import { memoryLogger } from '../server/src/logger.ts';
import { fastBffOptions } from './support/fast-bff.ts';

/**
 * Runs a real sandbox BFF beside the browser tests and gives them a few server commands
 * (`executeServerCommand`): its URL, a new apply session (the customer backend's admin call),
 * the text of a stored consent PDF, and what the Checkr and Pay simulators hold.
 */
export function bffPlugin(): TestRunnerPlugin {
  let bff: SandboxedBff | undefined;
  const logger = memoryLogger();
  let cookie: string | undefined;
  return {
    name: 'checkr-kit-bff',
    async serverStart({ config }) {
      // The real script-tag bundle, for the page that loads it twice under a strict CSP.
      await build({
        configFile: 'vite.config.ts',
        mode: 'bundle',
        logLevel: 'silent',
        build: { outDir: '.test-dist', emptyOutDir: true, sourcemap: false },
      });
      bff = await startSandbox({
        port: 0,
        logger,
        env: {
          DATABASE_URL: 'sqlite::memory:',
          // The test pages' own origin, named as the browser may: the BFF grants CORS to no
          // other local port.
          ALLOWED_ORIGINS: ['localhost', '127.0.0.1', config.hostname]
            .map((host) => `http://${host}:${config.port}`)
            .join(','),
        },
        reportCompleteAfterMs: 100,
        ...fastBffOptions,
      });
    },
    async serverStop() {
      await bff?.close();
    },
    async executeCommand({ command, payload }) {
      if (!bff || !command.startsWith('bff-')) return undefined;
      const admin = {
        authorization: `Bearer ${bff.config.adminKey}`,
        'content-type': 'application/json',
      };
      switch (command) {
        case 'bff-url':
          return bff.url;
        case 'bff-session': {
          const { origin, ...body } = (payload ?? {}) as Record<string, unknown>;
          const response = await fetch(`${bff.url}/v1/apply-sessions`, {
            method: 'POST',
            headers: admin,
            body: JSON.stringify({
              package: 'driver_pro',
              work_locations: [{ country: 'US', state: 'PA' }],
              origin,
              ...body,
            }),
          });
          return response.json();
        }
        case 'bff-consent': {
          const { consentId } = payload as { consentId: string };
          const response = await fetch(`${bff.url}/v1/consents/${consentId}/pdf`, {
            headers: admin,
          });
          const pdf = Buffer.from(await response.arrayBuffer());
          const text = spawnSync('pdftotext', ['-layout', '-', '-'], {
            input: pdf,
          }).stdout.toString();
          const images = spawnSync('pdfimages', ['-list', '-'], { input: pdf }).stdout.toString();
          const record = await (
            await fetch(`${bff.url}/v1/consents/${consentId}`, { headers: admin })
          ).json();
          return { text, images, evidence: record.evidence };
        }
        case 'bff-pay-token': {
          // The worker's app signs in (the demo login), then its page asks the BFF for a token.
          cookie ??= (
            await fetch(`${bff.url}/demo/login`, { method: 'POST', redirect: 'manual' })
          ).headers
            .get('set-cookie')!
            .split(';')[0]!;
          const response = await fetch(`${bff.url}/v1/pay/token`, { headers: { cookie } });
          return response.json();
        }
        case 'bff-simulators':
          return { checkr: bff.sandbox.checkr.summary(), payTokens: bff.sandbox.pay.tats.size };
        case 'bff-open-embeddable': {
          const { url } = payload as { url: string };
          return (await fetch(url)).status;
        }
        case 'bff-pay-token-redeemed': {
          const { token } = payload as { token: string };
          return bff.sandbox.pay.tats.get(token)?.redeemedAt !== undefined;
        }
        case 'bff-logs':
          return logger.lines;
        default:
          return undefined;
      }
    },
  };
}
