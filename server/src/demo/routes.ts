import express, { Router, type Request, type Response } from 'express';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from '../sandbox/embeddable.ts';
import type { CheckrPaySimulator, PayAccount } from '../sandbox/checkr-pay.ts';
import type { ApplyService } from '../services/apply.ts';
import type { HostAuthenticator } from '../services/pay.ts';
import type { Store } from '../store/store.ts';

const pages = fileURLToPath(new URL('./pages/', import.meta.url));

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export interface DemoDeps {
  apply: ApplyService;
  store: Store;
  secret: string;
  pay: CheckrPaySimulator;
  payKeys: PayAccount;
  /** The demo site's own origin: apply sessions are bound to it. */
  audience: string;
}

/**
 * The pretend customer `npm start` serves in sandbox mode: a careers page that embeds the apply
 * flow with a script tag, a worker's wallet behind a demo login, an admin page of consents, and a
 * React Native WebView host simulator. Its "backend" parts (starting apply sessions, the login)
 * are what a customer's own server does; they call the BFF's services in-process.
 */
export function demoRouter(deps: DemoDeps): { router: Router; authenticate: HostAuthenticator } {
  const router = Router();
  const sign = (value: string) =>
    `${value}.${createHmac('sha256', deps.secret).update(`demo:${value}`).digest('base64url')}`;
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
  const secure = deps.audience.startsWith('https:') ? '; Secure' : '';
  const setCookie = (res: Response, name: string, value: string, maxAge: number) =>
    res.append(
      'Set-Cookie',
      `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`,
    );

  const authenticate: HostAuthenticator = async (req) => {
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
    const session =
      existing && body.restart !== true ? await deps.store.getSession(existing) : undefined;
    if (session?.status === 'open') {
      const { token, expiresAt } = await deps.apply.refreshToken(session.id);
      res.json({ session_token: token, expires_at: expiresAt });
      return;
    }
    const packageSlug =
      typeof body.package === 'string' && /^[a-z_]{1,40}$/.test(body.package)
        ? body.package
        : 'driver_pro';
    const workState =
      typeof body.work_state === 'string' && /^[A-Z]{2}$/.test(body.work_state)
        ? body.work_state
        : 'PA';
    const created = await deps.apply.createSession({
      packageSlug,
      minAge: 18,
      workLocations: [
        { country: 'US', state: workState, ...(workState === 'PA' ? { city: 'Scranton' } : {}) },
      ],
      prefill: {},
      customId: `demo-${randomBytes(4).toString('hex')}`,
      locale: body.locale === 'es' ? 'es' : 'en',
      audience: deps.audience,
    });
    setCookie(res, 'ck_demo_apply', sign(created.sessionId), 3600);
    res.json({ session_token: created.token, expires_at: created.expiresAt });
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
    const rows = await deps.store.listConsents(100);
    const body = rows.length
      ? rows
          .map(
            (row) => `<tr>
  <td><a href="/demo/admin/consents/${encodeURIComponent(row.id)}/pdf">${escapeHtml(row.id)}</a></td>
  <td><time datetime="${escapeHtml(row.createdAt)}">${escapeHtml(row.createdAt.replace('T', ' ').slice(0, 19))} UTC</time></td>
  <td>${escapeHtml(row.customId ?? '')}</td>
  <td>${escapeHtml(row.candidateId ?? '')}</td>
  <td>${row.uploaded ? 'uploaded' : 'pending'}</td>
  <td data-report-status>${escapeHtml(row.reportStatus ?? 'not ordered yet')}</td>
  <td>${escapeHtml(row.reportResult ?? '')}</td>
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
    const { pdf } = await deps.apply.regeneratePdf(String(req.params.id));
    res.set('Content-Type', 'application/pdf');
    res.set('Cache-Control', 'no-store');
    res.send(Buffer.from(pdf));
  });

  router.use('/demo', express.static(pages, { extensions: ['html'], index: false }));
  return { router, authenticate };
}
