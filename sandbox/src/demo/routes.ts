import express, { Router, type Request, type Response } from 'express';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from '../embeddable.ts';
import type { CheckrPaySimulator, PayAccount } from '../checkr-pay.ts';

const pages = fileURLToPath(new URL('./pages/', import.meta.url));

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The BFF the demo site is the customer of; known once it listens. */
export interface DemoSite {
  /** Where the demo's backend reaches the BFF (loopback). */
  bffUrl: string;
  /** The BFF's admin key: the customer's backend holds it, never a page. */
  adminKey: string;
  /** Signs the demo's own cookies. */
  secret: string;
  /** The demo site's own origin: apply sessions are bound to it. */
  audience: string;
}

type Response_ = globalThis.Response;

/** A row of the BFF's `GET /v1/consents`. */
interface ConsentRow {
  id: string;
  created_at: string;
  candidate_id: string | null;
  custom_id: string | null;
  uploaded_to_checkr: boolean;
  report: { id: string | null; status: string | null; result: string | null };
}

export interface DemoDeps {
  site: () => DemoSite;
  pay: CheckrPaySimulator;
  payKeys: PayAccount;
}

/** What a worker's login hands the BFF's token route: who is asking. */
export type DemoAuthenticator = (
  req: Request,
) => Promise<{ workerId: string; sessionId: string } | undefined>;

class BffError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`BFF answered ${status}`);
  }
}

/**
 * The pretend customer `npm start` serves in sandbox mode: a careers page that embeds the apply
 * flow with a script tag, a worker's wallet behind a demo login, an admin page of consents, and a
 * React Native WebView host simulator. Its "backend" parts (starting apply sessions, the login,
 * the consent list) are what a customer's own server does: they call the BFF's admin API over
 * HTTP with the admin key, as a customer's would.
 */
export function demoRouter(deps: DemoDeps): { router: Router; authenticate: DemoAuthenticator } {
  const router = Router();
  const callBff = async (method: string, path: string, body?: unknown): Promise<Response_> => {
    const site = deps.site();
    const response = await fetch(`${site.bffUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${site.adminKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new BffError(response.status, await response.json().catch(() => null));
    return response;
  };
  const sign = (value: string) =>
    `${value}.${createHmac('sha256', deps.site().secret).update(`demo:${value}`).digest('base64url')}`;
  const unsign = (signed: string | undefined): string | undefined => {
    if (!signed) return undefined;
    const at = signed.lastIndexOf('.');
    const value = signed.slice(0, at);
    const expected = Buffer.from(sign(value));
    const given = Buffer.from(signed);
    return at > 0 && expected.length === given.length && timingSafeEqual(expected, given)
      ? value
      : undefined;
  };
  const setCookie = (res: Response, name: string, value: string, maxAge: number) =>
    res.append(
      'Set-Cookie',
      `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${
        deps.site().audience.startsWith('https:') ? '; Secure' : ''
      }`,
    );

  const authenticate: DemoAuthenticator = async (req) => {
    const value = unsign(readCookie(req, 'ck_demo_worker'));
    if (!value) return undefined;
    const [workerId, sessionId] = value.split(':');
    return workerId && sessionId ? { workerId, sessionId } : undefined;
  };

  router.get('/', (_req, res) => res.redirect(302, '/demo/careers'));

  // The customer's backend endpoint behind `fetchSessionToken`: start or continue an apply session.
  router.post('/demo/api/apply-token', express.json({ limit: '2kb' }), async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const body = (req.body ?? {}) as {
      package?: unknown;
      work_state?: unknown;
      locale?: unknown;
      restart?: unknown;
    };
    const existing = unsign(readCookie(req, 'ck_demo_apply'));
    if (existing && body.restart !== true) {
      try {
        const refreshed = (await (
          await callBff('POST', `/v1/apply-sessions/${encodeURIComponent(existing)}/token`)
        ).json()) as { session_token: string; expires_at: string };
        res.json(refreshed);
        return;
      } catch (error) {
        // A closed (consent signed) or unknown session: start a new one below.
        if (!(error instanceof BffError && error.status === 401)) throw error;
      }
    }
    const packageSlug =
      typeof body.package === 'string' && /^[a-z_]{1,40}$/.test(body.package)
        ? body.package
        : 'driver_pro';
    const workState =
      typeof body.work_state === 'string' && /^[A-Z]{2}$/.test(body.work_state)
        ? body.work_state
        : 'PA';
    const created = (await (
      await callBff('POST', '/v1/apply-sessions', {
        package: packageSlug,
        min_age: 18,
        work_locations: [
          { country: 'US', state: workState, ...(workState === 'PA' ? { city: 'Scranton' } : {}) },
        ],
        custom_id: `demo-${randomBytes(4).toString('hex')}`,
        locale: body.locale === 'es' ? 'es' : 'en',
        origin: deps.site().audience,
      })
    ).json()) as { session_id: string; session_token: string; expires_at: string };
    setCookie(res, 'ck_demo_apply', sign(created.session_id), 3600);
    res.json({ session_token: created.session_token, expires_at: created.expires_at });
  });

  router.post('/demo/login', express.urlencoded({ extended: false, limit: '1kb' }), (_req, res) => {
    const worker = deps.pay.seedWorker(
      deps.payKeys,
      {
        legalName: 'Pam Beesly',
        email: 'pam.beesly@example.com',
        phoneNumber: '+15705550142',
        address: {
          street: '1725 Slough Avenue',
          street2: null,
          city: 'Scranton',
          state: 'PA',
          postalCode: '18505',
          country: 'US',
        },
      },
      'demo-worker-pam',
    );
    setCookie(
      res,
      'ck_demo_worker',
      sign(`${worker.id}:${randomBytes(16).toString('hex')}`),
      8 * 3600,
    );
    res.redirect(303, '/demo/wallet');
  });

  router.post('/demo/logout', (_req, res) => {
    setCookie(res, 'ck_demo_worker', '', 0);
    res.redirect(303, '/demo/wallet');
  });

  router.get('/demo/wallet', async (req, res) => {
    const signedIn = await authenticate(req);
    res.sendFile(signedIn ? 'wallet.html' : 'login.html', { root: pages });
  });

  router.get('/demo/admin', async (_req, res) => {
    const { data: rows } = (await (await callBff('GET', '/v1/consents')).json()) as {
      data: ConsentRow[];
    };
    const body = rows.length
      ? rows
          .map(
            (row) => `<tr>
  <td><a href="/demo/admin/consents/${encodeURIComponent(row.id)}/pdf">${escapeHtml(row.id)}</a></td>
  <td><time datetime="${escapeHtml(row.created_at)}">${escapeHtml(row.created_at.replace('T', ' ').slice(0, 19))} UTC</time></td>
  <td>${escapeHtml(row.custom_id ?? '')}</td>
  <td>${escapeHtml(row.candidate_id ?? '')}</td>
  <td>${row.uploaded_to_checkr ? 'uploaded' : 'pending'}</td>
  <td data-report-status>${escapeHtml(row.report.status ?? 'not ordered yet')}</td>
  <td>${escapeHtml(row.report.result ?? '')}</td>
</tr>`,
          )
          .join('\n')
      : '<tr><td colspan="7">No consent yet. Complete the apply flow on the careers page.</td></tr>';
    res.set('Cache-Control', 'no-store');
    res.type('html').send(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5">
<title>Admin: consent records</title>
<link rel="icon" href="/demo/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/demo/demo.css">
</head>
<body>
<header class="site"><strong>Dunder Mifflin</strong> <span>HR admin</span>
<nav><a href="/demo/careers">Careers</a> <a href="/demo/wallet">Wallet</a> <a href="/demo/rn-host">RN host</a></nav></header>
<main class="wide">
<h1>Consent records</h1>
<p>Each row is a signed authorization kept by the BFF. The PDF is regenerated from the stored evidence. Report status arrives by signed webhook. This page refreshes every 5 seconds.</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="Consent records">
<table>
<thead><tr><th scope="col">Consent (PDF)</th><th scope="col">Signed</th><th scope="col">Custom id</th><th scope="col">Checkr candidate</th><th scope="col">Consent upload</th><th scope="col">Report status</th><th scope="col">Result</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
</main>
</body>
</html>`);
  });

  router.get('/demo/admin/consents/:id/pdf', async (req, res) => {
    const pdf = await callBff('GET', `/v1/consents/${encodeURIComponent(req.params.id)}/pdf`);
    res.set('Content-Type', 'application/pdf');
    res.set('Cache-Control', 'no-store');
    res.send(Buffer.from(await pdf.arrayBuffer()));
  });

  router.use('/demo', express.static(pages, { extensions: ['html'], index: false }));
  return { router, authenticate };
}
