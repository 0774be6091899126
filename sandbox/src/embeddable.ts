import express, { Router } from 'express';
import { fileURLToPath } from 'node:url';
import type { CheckrPaySimulator } from './checkr-pay.ts';

const assets = fileURLToPath(new URL('./embeddable-assets/', import.meta.url));

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="assets/embeddable.css">
<script type="module" src="assets/embeddable.js"></script>
</head>
<body>
<p class="sandbox-note">Checkr Pay sandbox stand-in: no real money, no real PII.</p>
${body}
</body>
</html>`;
}

/**
 * The stand-in for the Checkr Pay embeddable (`https://cdn-sandbox.checkrpay.com?tempAuthToken=`):
 * it redeems the token once. A spent or unknown token shows "Session expired", as the real one
 * does when a TAT is reused. It has one external link (help centre) and one internal link, so the
 * wrapper's link handling can be tested. Served from a different origin than the demo pages.
 */
export function embeddableRouter(pay: CheckrPaySimulator): Router {
  const router = Router();
  router.use('/assets', express.static(assets, { maxAge: 0 }));
  router.get('/', (req, res) => {
    res.set('Cache-Control', 'no-store');
    const token = typeof req.query.tempAuthToken === 'string' ? req.query.tempAuthToken : '';
    const worker = token ? pay.redeem(token) : undefined;
    if (!worker) {
      res
        .status(401)
        .type('html')
        .send(
          page(
            'Session expired',
            `<main class="expired" data-state="expired">
  <h1>Session expired</h1>
  <p>This link has already been used or is no longer valid. Close this screen and open your wallet again.</p>
</main>`,
          ),
        );
      return;
    }
    const profile = worker.profile as { email?: string; legalName?: string };
    const name = escapeHtml(String(profile.legalName ?? 'Worker'));
    res.type('html').send(
      page(
        'Checkr Pay wallet',
        `<main data-state="ready">
  <h1>Hi, ${name}</h1>
  <section class="balance" aria-label="Balance">
    <p class="label">Available balance</p>
    <p class="amount">$1,284.50</p>
  </section>
  <section class="card" aria-label="Card">
    <p>Checkr Pay Visa debit</p>
    <p class="number">•••• 4821</p>
  </section>
  <section aria-labelledby="tx">
    <h2 id="tx">Recent transactions</h2>
    <ul class="transactions">
      <li><span>Payout: week of Nov 16</span><span class="credit">+$412.00</span></li>
      <li><span>Gas station</span><span>−$38.20</span></li>
      <li><span>Payout: week of Nov 9</span><span class="credit">+$396.75</span></li>
      <li><span>Grocery store</span><span>−$64.13</span></li>
    </ul>
  </section>
  <nav class="links">
    <a href="#statements" data-internal>Statements</a>
    <a href="https://help.checkrpay.com/" target="_blank" rel="noopener noreferrer" data-external>Help centre</a>
  </nav>
  <section id="statements" aria-labelledby="st">
    <h2 id="st">Statements</h2>
    <p>October 2026 · September 2026 · August 2026</p>
  </section>
</main>`,
      ),
    );
  });
  return router;
}
