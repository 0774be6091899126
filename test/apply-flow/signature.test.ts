import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '@checkr-kit/apply-flow';
import type { CkCheckbox, CkSignature, CkTextField } from '@checkr-kit/apply-flow';
import { type } from '../support/keys.ts';
import { until } from '../support/until.ts';

/** The ESIGN step as a phone shows it: 360 CSS pixels wide. */
async function signatureOnAPhone(): Promise<CkSignature> {
  const page = await fixture(
    html`<div style="width: 360px">
      <ck-signature .expectedNames=${['Pam Beesly']}></ck-signature>
    </div>`,
  );
  const el = page.querySelector('ck-signature')!;
  await el.updateComplete;
  return el;
}

describe('ck-signature', () => {
  afterEach(() => resetMouse());

  it('passes axe', async () => {
    await expect(await signatureOnAPhone()).to.be.accessible();
  });

  it('a press on the ESIGN box after a mistyped name ticks it, then shows the name error', async () => {
    const el = await signatureOnAPhone();
    const name = el.shadowRoot!.querySelector<CkTextField>('#name')!;
    const esign = el.shadowRoot!.querySelector<CkCheckbox>('#esign')!;
    name.shadowRoot!.querySelector('input')!.focus();
    await type('Pam Smith');
    const box = esign.shadowRoot!.querySelector('input')!;
    box.scrollIntoView({ block: 'center' });
    const before = box.getBoundingClientRect();
    const centre: [number, number] = [
      Math.round(before.left + before.width / 2),
      Math.round(before.top + before.height / 2),
    ];
    // Pressed and released where the box was: the blur in between must not move it away (a real
    // press through each engine's own input, mouse as a tap becomes one).
    await sendMouse({ type: 'move', position: centre });
    await sendMouse({ type: 'down' });
    // (Booleans and numbers only: a DOM node in a failed assertion is more than the runner can
    // send back.)
    const errorShown = () => name.shadowRoot!.querySelector('[part=error]') !== null;
    expect(errorShown(), 'the name error, while the box is held').to.equal(false);
    expect(box.getBoundingClientRect().top, 'the box, while held').to.equal(before.top);
    await sendMouse({ type: 'up' });
    await until(() => esign.checked, 2000, 'the ESIGN box ticked');
    expect(esign.checked).to.equal(true);
    // Then the mismatch shows, described to screen readers.
    await until(errorShown, 2000, 'the name error');
    expect(name.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain(
      'must match your first and last name',
    );
    expect(name.shadowRoot!.querySelector('input')!.getAttribute('aria-describedby')).to.contain(
      'error',
    );
  });
});
