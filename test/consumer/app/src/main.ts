// A customer's page, written only against the published packages and their types.
import '@checkr-kit/apply-flow';
import '@checkr-kit/pay-embed';
import { registerTranslation, type CkStepChangeEvent } from '@checkr-kit/core';
import { es } from '@checkr-kit/core/translations/es';
import { validateSsn } from '@checkr-kit/validation';
import type { CkApplyFlow } from '@checkr-kit/apply-flow';

registerTranslation(es);

const bff = new URLSearchParams(location.search).get('bff') ?? '/';
const events = document.querySelector<HTMLOutputElement>('#events')!;
const record = (line: string) => (events.textContent += `${line}\n`);

const flow: CkApplyFlow = document.querySelector('ck-apply-flow')!;
flow.apiBase = bff;
flow.fetchSessionToken = async () => {
  // The customer's backend mints the session with its admin key (here: this page's server).
  const response = await fetch('/api/apply-token', { method: 'POST' });
  return ((await response.json()) as { session_token: string }).session_token;
};
flow.addEventListener('ck-step-change', (event: CkStepChangeEvent) => record(`step ${event.to}`));
flow.addEventListener('ck-complete', (event) => record(`complete ${event.consentId.length}`));

const wallet = document.querySelector('ck-pay-embed')!;
wallet.addEventListener('ck-pay-error', (event) => record(`pay-error ${event.code}`));
wallet.tokenUrl = new URL('v1/pay/token', bff).href;

record(`validation ${validateSsn('666-12-3456').ok ? 'accepts' : 'refuses'} 666-12-3456`);
