import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { registerTranslation } from '@checkr-kit/core';
import { esShared } from '@checkr-kit/core/translations/es';
import '@checkr-kit/pay-embed';
import { allowedEmbedUrl, type CkPayEmbed, type PayToken } from '@checkr-kit/pay-embed';
import { press } from '../support/keys.ts';
import { until, wait } from '../support/until.ts';

const bffUrl = (await executeServerCommand('bff-url')) as string;
const mint = () => executeServerCommand('bff-pay-token') as Promise<PayToken>;
const redeemed = (token: string) =>
  executeServerCommand('bff-pay-token-redeemed', { token }) as Promise<boolean>;

// A stubbed React Native WebView for the whole file: every kit event must reach it.
const posted: Array<{ source: string; type: string; detail: Record<string, unknown> }> = [];
(window as unknown as { ReactNativeWebView: unknown }).ReactNativeWebView = {
  postMessage: (message: string) => posted.push(JSON.parse(message)),
};

describe('ck-pay-embed with the sandbox', () => {
  afterEach(() => fixtureCleanup());

  it('passes axe once the wallet is shown', async () => {
    const el = await fixture<CkPayEmbed>(html`<ck-pay-embed .fetchToken=${mint}></ck-pay-embed>`);
    await until(() => posted.some((m) => m.type === 'ck-pay-ready'));
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.querySelector('iframe')!.title).to.equal('Checkr Pay wallet');
  });

  it('fetches a new token on every mount; the sandbox confirms the first was spent', async () => {
    const tokens: string[] = [];
    const fetchToken = async () => {
      const token = await mint();
      tokens.push(token.token);
      return token;
    };
    const first = await fixture<CkPayEmbed>(
      html`<ck-pay-embed .fetchToken=${fetchToken}></ck-pay-embed>`,
    );
    await until(() => first.shadowRoot!.querySelector('iframe'));
    await until(() => redeemed(tokens[0]!));
    first.remove();
    const second = await fixture<CkPayEmbed>(
      html`<ck-pay-embed .fetchToken=${fetchToken}></ck-pay-embed>`,
    );
    await until(() => second.shadowRoot!.querySelector('iframe'));
    expect(tokens).to.have.length(2);
    expect(tokens[1]).not.to.equal(tokens[0]);
    expect(await redeemed(tokens[0]!)).to.equal(true);
    await until(() => redeemed(tokens[1]!));
  });

  it('shows the expired state for a spent token, and retry recovers with a new one', async () => {
    const spent = await mint();
    // Someone (an earlier load of the page) already used it.
    expect(await executeServerCommand('bff-open-embeddable', { url: spent.embed_url })).to.equal(
      200,
    );
    let calls = 0;
    const fetchToken = async () => (++calls === 1 ? spent : mint());
    const events: string[] = [];
    const el = await fixture<CkPayEmbed>(
      html`<ck-pay-embed
        .fetchToken=${fetchToken}
        @ck-pay-token-expired=${() => events.push('expired')}
      ></ck-pay-embed>`,
    );
    const status = await until(() => el.shadowRoot!.querySelector('[part=status][role=alert]'));
    expect(status.textContent).to.contain('expired');
    expect(events).to.deep.equal(['expired']);
    expect(el.shadowRoot!.querySelector('iframe')).to.equal(null);
    status.querySelector('button')!.click();
    await until(
      () =>
        el.shadowRoot!.querySelector('iframe') &&
        !el.shadowRoot!.querySelector('[part=status]')?.checkVisibility(),
    );
    expect(calls).to.equal(2);
  });

  it('tells the integrator when the container is too small', async () => {
    const sizes: Array<[number, number]> = [];
    await fixture(
      html`<div style="width: 320px">
        <ck-pay-embed
          style="--ck-pay-embed-height: 400px"
          .fetchToken=${mint}
          @ck-pay-viewport-too-small=${(e: { width: number; height: number }) => sizes.push([e.width, e.height])}
        ></ck-pay-embed>
      </div>`,
    );
    await until(() => sizes.length > 0);
    expect(sizes[0]![0]).to.be.below(351);
    expect(sizes[0]![1]).to.be.below(461);
  });

  it('themes itself from the --ck-* tokens, light, dark and a page override, on a page with no other kit element', async () => {
    // Never resolves: the element stays in its loading state, whose status shows the surface.
    const pending = () => new Promise<PayToken>(() => {});
    const box = await fixture(
      html`<div>
        <div theme="light"><ck-pay-embed .fetchToken=${pending}></ck-pay-embed></div>
        <div theme="dark"><ck-pay-embed .fetchToken=${pending}></ck-pay-embed></div>
        <div theme="dark" style="--ck-color-surface: rgb(1, 2, 3)">
          <ck-pay-embed .fetchToken=${pending}></ck-pay-embed>
        </div>
      </div>`,
    );
    const looks = [...box.querySelectorAll('ck-pay-embed')].map((el) => {
      const status = getComputedStyle(el.shadowRoot!.querySelector('[part=status]')!);
      return [status.backgroundColor, status.color, getComputedStyle(el).borderTopColor];
    });
    expect(looks).to.deep.equal([
      ['rgb(255, 255, 255)', 'rgb(27, 31, 36)', 'rgb(212, 217, 224)'],
      ['rgb(21, 25, 30)', 'rgb(238, 241, 245)', 'rgb(58, 66, 76)'],
      ['rgb(1, 2, 3)', 'rgb(238, 241, 245)', 'rgb(58, 66, 76)'],
    ]);
  });

  it('shows its focus ring in the colours of the theme it is in, apart from the button fill', async () => {
    const failing = () => Promise.reject(Object.assign(new Error('down'), { code: 'upstream' }));
    const box = await fixture(
      html`<div>
        <button>before</button>
        <div theme="dark"><ck-pay-embed .fetchToken=${failing}></ck-pay-embed></div>
      </div>`,
    );
    const el = box.querySelector('ck-pay-embed')!;
    const retry = await until(() => el.shadowRoot!.querySelector('button'));
    box.querySelector('button')!.focus();
    await press('Tab');
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    // The dark surface as a gap, then the dark focus colour: not the light one a ring declared
    // only on :root would carry into a dark wrapper.
    const ring = getComputedStyle(retry).boxShadow;
    expect(ring).to.contain('rgb(21, 25, 30)');
    expect(ring).to.contain('rgb(138, 180, 255)');
    expect(ring).not.to.contain('rgb(31, 95, 209)');
  });

  it('speaks the language of the nearest lang, and follows it when it changes', async () => {
    registerTranslation(esShared);
    const failing = () => Promise.reject(Object.assign(new Error('down'), { code: 'upstream' }));
    const box = await fixture(
      html`<div lang="es"><ck-pay-embed .fetchToken=${failing}></ck-pay-embed></div>`,
    );
    const el = box.querySelector('ck-pay-embed')!;
    const status = await until(() => el.shadowRoot!.querySelector('[part=status][role=alert]'));
    const retry = status.querySelector('button')!;
    expect(status.querySelector('p')!.textContent).to.equal('No pudimos abrir su billetera.');
    expect(retry.textContent).to.equal('Intentar de nuevo');
    box.setAttribute('lang', 'en-US');
    await until(() => retry.textContent === 'Try again');
    expect(status.querySelector('p')!.textContent).to.equal('We could not open your wallet.');
  });

  it('refuses an embed_url on any other host, and never loads it', async () => {
    const codes: string[] = [];
    const el = await fixture<CkPayEmbed>(
      html`<ck-pay-embed
        .fetchToken=${async () => ({ token: 't', embed_url: 'https://evil.example/?tempAuthToken=t' })}
        @ck-pay-error=${(e: { code: string }) => codes.push(e.code)}
      ></ck-pay-embed>`,
    );
    await until(() => codes.length > 0);
    expect(codes).to.deep.equal(['embed_url_refused']);
    expect(el.shadowRoot!.querySelector('iframe')).to.equal(null);
    expect(allowedEmbedUrl('https://cdn.checkrpay.com?tempAuthToken=x')?.origin).to.equal(
      'https://cdn.checkrpay.com',
    );
    expect(allowedEmbedUrl('https://cdn-sandbox.checkrpay.com?tempAuthToken=x')).not.to.equal(
      undefined,
    );
    expect(allowedEmbedUrl('https://cdn.checkrpay.com.evil.example/')).to.equal(undefined);
    expect(allowedEmbedUrl('http://127.0.0.1:9/sandbox/pay-cdn/', 'careers.example.com')).to.equal(
      undefined,
    );
  });

  it('aborts an in-flight token request on disconnect, and a quick re-connect loads one frame', async () => {
    const signals: AbortSignal[] = [];
    let tokens = 0;
    const slow = async (signal: AbortSignal) => {
      signals.push(signal);
      await wait(150);
      tokens++;
      return mint();
    };
    const el = await fixture<CkPayEmbed>(html`<ck-pay-embed .fetchToken=${slow}></ck-pay-embed>`);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    expect(signals[0]!.aborted).to.equal(true);
    await until(() => el.shadowRoot!.querySelector('iframe'));
    await wait(300);
    expect(el.shadowRoot!.querySelectorAll('iframe')).to.have.length(1);
    expect(signals).to.have.length(2);
    expect(tokens).to.equal(2); // the first resolved late and was ignored
  });

  it('says signed-out when the token endpoint answers host_session_required', async () => {
    const codes: string[] = [];
    const el = await fixture<CkPayEmbed>(
      html`<ck-pay-embed
        token-url=${`${bffUrl}/v1/pay/token`}
        @ck-pay-error=${(e: { code: string }) => codes.push(e.code)}
      ></ck-pay-embed>`,
    );
    await until(() => codes.length > 0);
    expect(codes[0]).to.equal('host_session_required');
    expect(el.shadowRoot!.querySelector('[part=status]')!.textContent).to.contain('Sign in');
  });

  it("sends the host app's sign-in JWT as a bearer, asked afresh on every mount", async () => {
    const seen: Array<string | null> = [];
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      seen.push(new Headers(init?.headers).get('authorization'));
      return new Response(JSON.stringify(await mint()), {
        headers: { 'content-type': 'application/json' },
      });
    };
    let asked = 0;
    const fetchHostToken = async () => `host.jwt.${++asked}`;
    try {
      const el = await fixture<CkPayEmbed>(
        html`<ck-pay-embed
          token-url="/wallet-token"
          .fetchHostToken=${fetchHostToken}
        ></ck-pay-embed>`,
      );
      await oneEvent(el, 'ck-pay-ready');
      const ready = oneEvent(el, 'ck-pay-ready');
      await el.mount();
      await ready; // no frame left loading into the next test

      expect(seen).to.deep.equal(['Bearer host.jwt.1', 'Bearer host.jwt.2']);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('posts its events to a React Native host, and external links as open-external', async () => {
    const before = posted.length;
    // A double of the embeddable on this page's origin, so the test can send its messages from
    // inside the frame (Firefox refuses a MessageEvent whose source is a cross-origin window).
    const double = async () => ({
      token: 't',
      embed_url: `${location.origin}/sandbox/pay-cdn/double/?tempAuthToken=t`,
    });
    const el = await fixture<CkPayEmbed>(html`<ck-pay-embed .fetchToken=${double}></ck-pay-embed>`);
    await until(
      () => posted.slice(before).some((m) => m.type === 'ck-pay-ready'),
      8000,
      'ck-pay-ready posted',
    );
    const frame = el.shadowRoot!.querySelector('iframe')!;
    const inside = frame.contentWindow!;
    // The embeddable's click on its help-centre link.
    inside.postMessage(
      {
        relay: {
          source: 'checkr-pay-embeddable',
          type: 'external-link',
          url: 'https://help.checkrpay.com/',
        },
      },
      '*',
    );
    // A forged message from another origin is ignored.
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: 'https://evil.example',
        source: inside,
        data: {
          source: 'checkr-pay-embeddable',
          type: 'external-link',
          url: 'https://evil.example/',
        },
      }),
    );
    await until(
      () => posted.slice(before).some((m) => m.type === 'open-external'),
      8000,
      'open-external posted',
    );
    await wait(100);
    const mine = posted.slice(before);
    expect(mine.every((m) => m.source === 'checkr-kit')).to.equal(true);
    expect(mine.map((m) => m.type)).to.include.members([
      'ck-pay-ready',
      'ck-pay-external-link',
      'open-external',
    ]);
    expect(mine.filter((m) => m.type === 'open-external').map((m) => m.detail.url)).to.deep.equal([
      'https://help.checkrpay.com/',
    ]);
    expect(JSON.stringify(mine)).not.to.contain('tempAuthToken');
    expect(mine.find((m) => m.type === 'ck-pay-external-link')!.detail).to.deep.equal({
      url: 'https://help.checkrpay.com/',
    });
  });
});
