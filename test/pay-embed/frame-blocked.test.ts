import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '@checkr-kit/pay-embed';
import type { CkPayEmbed } from '@checkr-kit/pay-embed';
import { until, wait } from '../support/until.ts';

(window as unknown as { mintPayToken: () => Promise<unknown> }).mintPayToken = () =>
  executeServerCommand('bff-pay-token');

/** The error state a worker sees, or null. */
const alertOf = (el: Element) => el.shadowRoot!.querySelector('[part=status][role=alert]');

describe('ck-pay-embed when the wallet frame cannot load', () => {
  afterEach(() => fixtureCleanup());

  it('on a page whose CSP blocks the frame: the error state, frame_blocked, a hint naming frame-src, never ready', async () => {
    const page = document.createElement('iframe');
    page.style.width = '420px';
    page.style.height = '700px';
    page.src = '/test/fixtures/pay-frame-blocked.html';
    document.body.append(page);
    try {
      const response = await fetch(page.src);
      expect(response.headers.get('content-security-policy')).not.to.contain('frame-src');
      const win = await until(
        () =>
          (page.contentWindow as (Window & { events?: string[]; warnings: string[] }) | null)
            ?.events && (page.contentWindow as Window & { events: string[]; warnings: string[] }),
      );
      await until(() => win.events.length > 0, 10_000, 'a ck-pay event');
      await wait(300); // a late load event of the blank frame must not turn it into "ready"
      expect(win.events).to.deep.equal(['error frame_blocked']);
      const embed = page.contentDocument!.querySelector('ck-pay-embed')!;
      expect(alertOf(embed)!.textContent).to.contain('We could not open your wallet');
      expect(embed.shadowRoot!.querySelector('iframe')).to.equal(null);
      const hints = win.warnings.filter((w) => w.startsWith('ck-pay-embed'));
      expect(hints).to.have.length(1);
      expect(hints[0]).to.match(/Content-Security-Policy .*"frame-src http:\/\/127\.0\.0\.1:\d+"/);
      expect(hints[0]).not.to.contain('tempAuthToken');
    } finally {
      page.remove();
    }
  });

  it('a frame that does not load within load-timeout ends in frame_blocked, and retry mints a new token', async () => {
    let tokens = 0;
    const hanging = async () => ({
      token: `t${++tokens}`,
      embed_url: `${location.origin}/sandbox/pay-cdn/never-loads/?tempAuthToken=t${tokens}`,
    });
    const codes: string[] = [];
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await fixture<CkPayEmbed>(
        html`<ck-pay-embed
          load-timeout="300"
          .fetchToken=${hanging}
          @ck-pay-error=${(e: { code: string }) => codes.push(e.code)}
          @ck-pay-ready=${() => codes.push('ready')}
        ></ck-pay-embed>`,
      );
      await until(() => codes.length > 0);
      expect(codes).to.deep.equal(['frame_blocked']);
      expect(el.shadowRoot!.querySelector('iframe')).to.equal(null);
      expect(warnings[0]).to.contain('no load in 300 ms');
      expect(warnings[0]).to.contain(`"frame-src ${location.origin}"`);
      alertOf(el)!.querySelector('button')!.click();
      await until(() => codes.length > 1);
      expect(tokens).to.equal(2);
      expect(codes).to.deep.equal(['frame_blocked', 'frame_blocked']);
    } finally {
      console.warn = warn;
    }
  });

  it('acts on an enforced violation for its own frame only, never a report-only one or another origin', async () => {
    const codes: string[] = [];
    const el = await fixture<CkPayEmbed>(
      html`<ck-pay-embed
        .fetchToken=${async () => ({
          token: 't',
          embed_url: `${location.origin}/sandbox/pay-cdn/never-loads/?tempAuthToken=t`,
        })}
        @ck-pay-error=${(e: { code: string }) => codes.push(e.code)}
      ></ck-pay-embed>`,
    );
    await until(() => el.shadowRoot!.querySelector('iframe'));
    const violation = (init: Partial<SecurityPolicyViolationEventInit>) =>
      document.dispatchEvent(
        new SecurityPolicyViolationEvent('securitypolicyviolation', {
          blockedURI: `${location.origin}/sandbox/pay-cdn/never-loads/?tempAuthToken=t`,
          violatedDirective: 'child-src',
          effectiveDirective: 'frame-src',
          originalPolicy: "child-src 'self'",
          disposition: 'enforce',
          statusCode: 200,
          ...init,
        }),
      );
    violation({ disposition: 'report' });
    violation({ blockedURI: 'https://other.example/' });
    violation({ blockedURI: 'inline' });
    await wait(100);
    expect(codes).to.deep.equal([]);
    violation({});
    expect(codes).to.deep.equal(['frame_blocked']);
    await el.updateComplete;
    expect(alertOf(el)).not.to.equal(null);
  });
});
