import { useCallback, useState } from 'react';
import { ApplyFlow, PayEmbed } from './checkr-kit.ts';

/** Your BFF; your backend route that opens an apply session with the BFF's admin key. */
const bff = new URLSearchParams(location.search).get('bff') ?? 'https://bff.example.com/';

export function App() {
  const [step, setStep] = useState('loading');
  const [signed, setSigned] = useState<string | null>(null);
  const [wallet, setWallet] = useState('loading');
  const fetchSessionToken = useCallback(async () => {
    const response = await fetch('/api/apply-token', { method: 'POST' });
    return ((await response.json()) as { session_token: string }).session_token;
  }, []);

  return (
    <main>
      <h1>Apply</h1>
      <p data-testid="step">Step: {step}</p>
      {signed ? <p>Signed, consent {signed}</p> : null}
      <ApplyFlow
        apiBase={bff}
        fetchSessionToken={fetchSessionToken}
        onStepChange={(event) => setStep(event.to)}
        onComplete={(event) => setSigned(event.consentId)}
        onFlowError={(event) => console.warn('apply flow error', event.code)}
      />
      <h2>Wallet</h2>
      <p>Wallet: {wallet}</p>
      <PayEmbed
        tokenUrl={new URL('v1/pay/token', bff).href}
        onReady={() => setWallet('ready')}
        onPayError={(event) => setWallet(event.code)}
      />
    </main>
  );
}
