import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '@checkr-kit/apply-flow';
import type { CkEmailField } from '@checkr-kit/apply-flow';
import { press, type } from '../support/keys.ts';

/**
 * The field with a button after it, as on any real page: Tab moves focus within the page. (Tabbing
 * out of the last control of a page leaves it for the browser's own UI, which a headless or Xvfb
 * window does not have, so no engine would blur the field the same way.)
 */
async function emailThenButton(): Promise<CkEmailField> {
  const form = await fixture(
    html`<form>
      <ck-email-field name="email" label="Email address" required></ck-email-field>
      <button type="button">Continue</button>
    </form>`,
  );
  return form.querySelector('ck-email-field')!;
}

describe('ck-email-field', () => {
  it('passes axe', async () => {
    const el = await fixture<CkEmailField>(
      html`<ck-email-field name="email" label="Email address" required></ck-email-field>`,
    );
    await expect(el).to.be.accessible();
  });

  it('offers "did you mean" after the person leaves the field, and one key press accepts it', async () => {
    const el = await emailThenButton();
    el.shadowRoot!.querySelector('input')!.focus();
    await type('ana@gmeil.con');
    await press('Tab'); // leave: change fires, the suggestion appears
    await el.updateComplete;
    const suggestion = el.shadowRoot!.querySelector('[part=suggestion]')!;
    expect(suggestion.textContent).to.contain('Did you mean ana@gmail.com?');
    expect(el.value).to.equal('ana@gmeil.con'); // not changed until accepted
    // It appears after the field, so Shift+Tab from wherever focus went reaches it; Enter accepts.
    await press('Shift+Tab');
    expect(el.shadowRoot!.activeElement?.localName).to.equal('button');
    const accepted = oneEvent(el, 'ck-suggestion-accept');
    await press('Enter');
    const event = await accepted;
    expect(JSON.stringify({ ...event })).not.to.contain('ana');
    await el.updateComplete;
    expect(el.value).to.equal('ana@gmail.com');
    expect(el.shadowRoot!.querySelector('[part=suggestion]')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.localName).to.equal('input');
  });

  it('posts the accepted suggestion to a React Native host, once and without the address', async () => {
    const posted: Array<{ source: string; type: string; detail: Record<string, unknown> }> = [];
    const host = window as unknown as { ReactNativeWebView?: unknown };
    host.ReactNativeWebView = {
      postMessage: (message: string) => posted.push(JSON.parse(message)),
    };
    try {
      const el = await emailThenButton();
      el.shadowRoot!.querySelector('input')!.focus();
      await type('ana@gmeil.con');
      await press('Tab');
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=suggestion] button')!.click();
      await el.updateComplete;
      expect(el.value).to.equal('ana@gmail.com');
      expect(posted).to.deep.equal([
        { source: 'checkr-kit', type: 'ck-suggestion-accept', detail: {} },
      ]);
    } finally {
      delete host.ReactNativeWebView;
    }
  });

  it('suggests nothing for a real domain, and shows the error for a broken address', async () => {
    const el = await emailThenButton();
    el.shadowRoot!.querySelector('input')!.focus();
    await type('ana@');
    await press('Tab');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=suggestion]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain(
      'name@example.com',
    );
  });
});
