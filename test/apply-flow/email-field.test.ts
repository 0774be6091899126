import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@checkr-kit/apply-flow';
import type { CkEmailField } from '@checkr-kit/apply-flow';

describe('ck-email-field', () => {
  it('passes axe', async () => {
    const el = await fixture<CkEmailField>(
      html`<ck-email-field name="email" label="Email address" required></ck-email-field>`,
    );
    await expect(el).to.be.accessible();
  });

  it('offers "did you mean" after the person leaves the field, and one key press accepts it', async () => {
    const el = await fixture<CkEmailField>(
      html`<ck-email-field name="email" label="Email address" required></ck-email-field>`,
    );
    el.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: 'ana@gmeil.con' });
    await sendKeys({ press: 'Tab' }); // leave: change fires, the suggestion appears
    await el.updateComplete;
    const suggestion = el.shadowRoot!.querySelector('[part=suggestion]')!;
    expect(suggestion.textContent).to.contain('Did you mean ana@gmail.com?');
    expect(el.value).to.equal('ana@gmeil.con'); // not changed until accepted
    // It appears after the field, so Shift+Tab from wherever focus went reaches it; Enter accepts.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement?.localName).to.equal('button');
    const accepted = oneEvent(el, 'ck-suggestion-accept');
    await sendKeys({ press: 'Enter' });
    const event = await accepted;
    expect(JSON.stringify({ ...event })).not.to.contain('ana');
    await el.updateComplete;
    expect(el.value).to.equal('ana@gmail.com');
    expect(el.shadowRoot!.querySelector('[part=suggestion]')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.localName).to.equal('input');
  });

  it('suggests nothing for a real domain, and shows the error for a broken address', async () => {
    const el = await fixture<CkEmailField>(
      html`<ck-email-field name="email" label="Email address" required></ck-email-field>`,
    );
    el.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: 'ana@' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=suggestion]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain(
      'name@example.com',
    );
  });
});
