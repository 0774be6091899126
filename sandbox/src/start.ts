import { startBff, type Bff, type StartOptions } from '@checkr-kit/server/bff';
import { demoRouter, type DemoSite } from './demo/routes.ts';
import { sandboxMailResolver } from './mail-resolver.ts';
import {
  startStandaloneSandbox,
  type StandaloneOptions,
  type StandaloneSandbox,
} from './standalone.ts';

export interface SandboxOptions extends Omit<StartOptions, 'upstreams' | 'pages' | 'frameOrigins'> {
  /** How long reports stay pending before `report.completed`. */
  reportCompleteAfterMs?: number;
  delivery?: StandaloneOptions['delivery'];
  otherData?: StandaloneOptions['otherData'];
  hierarchy?: StandaloneOptions['hierarchy'];
}

/** A BFF in sandbox mode, and the simulators it talks to. */
export type SandboxedBff = Bff & { sandbox: StandaloneSandbox };

/**
 * Sandbox mode, what `npm start` runs: the simulators on their own loopback server, and a BFF
 * handed their bases and keys as a customer's BFF is handed Checkr's (the BFF imports nothing of
 * the sandbox), with the demo site mounted beside it. The Pay CDN stand-in is on the simulators'
 * origin (127.0.0.1:<other port>), a different origin from the pages, as the real CDN is.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxedBff> {
  const { reportCompleteAfterMs, delivery, otherData, hierarchy, ...bffOptions } = options;
  const simulators = await startStandaloneSandbox({
    reportCompleteAfterMs: reportCompleteAfterMs ?? 4000,
    delivery,
    otherData,
    hierarchy,
  });
  // Known once the BFF listens; the demo answers no request before that.
  const ready: { site?: DemoSite } = {};
  const demo = demoRouter({
    site: () => {
      if (!ready.site) throw new Error('the demo site is not ready yet');
      return ready.site;
    },
    pay: simulators.pay,
    payKeys: simulators.payKeys,
  });
  let bff: Bff;
  try {
    bff = await startBff({
      mailResolver: sandboxMailResolver,
      authenticate: demo.authenticate,
      ...bffOptions,
      upstreams: {
        checkr: { apiKey: simulators.checkrKey, apiBase: simulators.env.CHECKR_API_BASE! },
        pay: {
          ...simulators.payKeys,
          apiBase: simulators.env.CHECKR_PAY_API_BASE!,
          embedBase: simulators.env.CHECKR_PAY_EMBED_BASE!,
        },
      },
      pages: demo.router,
      frameOrigins: [simulators.url],
    });
  } catch (error) {
    await simulators.close();
    throw error;
  }
  const internal = `http://127.0.0.1:${bff.port}`;
  simulators.checkr.webhooks.url = `${internal}/v1/webhooks/checkr`;
  simulators.pay.webhooks.url = `${internal}/v1/webhooks/checkr-pay`;
  ready.site = {
    bffUrl: internal,
    adminKey: bff.config.adminKey,
    secret: bff.config.sessionSigningKey,
    audience: bff.url,
  };
  const closeBff = bff.close.bind(bff);
  return Object.assign(bff, {
    sandbox: simulators,
    async close() {
      await closeBff();
      await simulators.close();
    },
  });
}
