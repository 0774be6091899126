import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@checkr-kit/apply-flow';
import type { CkPiiForm } from '@checkr-kit/apply-flow';
import { registerTranslation, type ApplyDocument, type CkPiiSubmitEvent } from '@checkr-kit/core';
import { es } from '@checkr-kit/core/translations/es';

const rights: ApplyDocument = {
  id: 'fcra-summary-of-rights',
  version: '1',
  sha256: 'a'.repeat(64),
  kind: 'summary_of_rights',
  locale: 'en',
  title: 'A Summary of Your Rights',
  body: [{ type: 'paragraph', text: 'You have the right to know what is in your file.' }],
  applies_to: null,
  offers_copy: false,
};

const requirements = { min_age: 18 as const, ssn: true, zipcode: true, driver_license: true };

/** Tab to the next focusable thing and type, as a person would. */
async function type(text: string) {
  await sendKeys({ press: 'Tab' });
  if (text) await sendKeys({ type: text });
}

describe('ck-pii-form', () => {
  it('passes axe', async () => {
    const el = await fixture<CkPiiForm>(
      html`<ck-pii-form .requirements=${requirements} .summary=${rights}></ck-pii-form>`,
    );
    await expect(el).to.be.accessible();
  });

  it('sets autocomplete tokens on every PII field', async () => {
    const el = await fixture<CkPiiForm>(
      html`<ck-pii-form .requirements=${requirements}></ck-pii-form>`,
    );
    const tokens = new Set<string>();
    const walk = (root: ParentNode) => {
      for (const node of root.querySelectorAll('*')) {
        const ac = node.getAttribute('autocomplete');
        if (ac && (node.localName === 'input' || node.localName === 'select')) tokens.add(ac);
        if (node.shadowRoot) walk(node.shadowRoot);
      }
    };
    walk(el.shadowRoot!);
    for (const token of [
      'given-name',
      'additional-name',
      'family-name',
      'email',
      'tel-national',
      'bday-day',
      'bday-month',
      'bday-year',
      'postal-code',
      'off',
    ]) {
      expect(tokens.has(token), token).to.equal(true);
    }
  });

  it('is completed by keyboard alone and emits the normalized payload', async () => {
    const el = await fixture<CkPiiForm>(
      html`<ck-pii-form .requirements=${requirements} .summary=${rights}></ck-pii-form>`,
    );
    el.focus();
    // Start before the first field.
    const first = el
      .shadowRoot!.querySelector('ck-text-field')!
      .shadowRoot!.querySelector('input')!;
    first.focus();
    await sendKeys({ type: 'Michael' });
    await type('Gary'); // middle name
    await type(''); // "no middle name" checkbox: leave it
    await type('Scott');
    await type('michael.scott@dundermifflin.com');
    await type('(203) 540-8926');
    await type('3'); // month (English order: month, day, year)
    await type('15');
    await type('1964');
    await sendKeys({ press: 'Tab' }); // residence state select
    await sendKeys({ type: 'Pennsylvania' });
    await type('06831-1234');
    await type('111112001');
    await sendKeys({ press: 'Tab' }); // show/hide toggle
    await sendKeys({ press: 'Tab' }); // licence state
    await sendKeys({ type: 'Connecticut' });
    await type('981 736 076');
    await sendKeys({ press: 'Tab' }); // copy requested
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // rights document (scrollable region)
    await sendKeys({ press: 'Tab' }); // acknowledgement
    await sendKeys({ press: 'Space' });
    const submitted = oneEvent(el, 'ck-pii-submit');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const event = (await submitted) as unknown as CkPiiSubmitEvent;
    expect(event.candidate()).to.deep.equal({
      first_name: 'Michael',
      middle_name: 'Gary',
      no_middle_name: false,
      last_name: 'Scott',
      email: 'michael.scott@dundermifflin.com',
      phone: '2035408926',
      zipcode: '06831',
      dob: '1964-03-15',
      ssn: '111-11-2001',
      driver_license_number: '981736076',
      driver_license_state: 'CT',
      copy_requested: true,
      residence_state: 'PA',
    });
    // What analytics would log carries no PII.
    expect(JSON.stringify({ ...event })).not.to.contain('Scott');
    expect(JSON.stringify({ ...event })).not.to.contain('111');
  });

  it('shows an error summary that takes focus and links to each failing field', async () => {
    const el = await fixture<CkPiiForm>(
      html`<ck-pii-form .requirements=${requirements} .summary=${rights}></ck-pii-form>`,
    );
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    const summary = el.shadowRoot!.querySelector<HTMLElement>('[part=error-summary]')!;
    expect(summary).not.to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.include.members([
      '#first_name',
      '#last_name',
      '#email',
      '#dob',
      '#ssn',
      '#rights',
    ]);
    expect(links[0]!.textContent).to.contain('Enter your first name');
    links.find((a) => a.getAttribute('href') === '#email')!.click();
    const email = el.shadowRoot!.querySelector('#email')!;
    expect(email.shadowRoot!.activeElement?.localName).to.equal('input');
  });

  it('puts server field errors on the right fields', async () => {
    const el = await fixture<CkPiiForm>(
      html`<ck-pii-form .requirements=${requirements}></ck-pii-form>`,
    );
    el.serverErrors = [{ code: 'ssn_taken', title: 'x', source: { pointer: '/ssn' } }];
    await new Promise((resolve) => setTimeout(resolve, 50));
    const ssn = el.shadowRoot!.querySelector('#ssn')!;
    expect(ssn.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('already in use');
  });

  it('speaks Spanish under lang="es", day before month', async () => {
    registerTranslation(es);
    const wrapper = await fixture(
      html`<div lang="es"><ck-pii-form .requirements=${requirements}></ck-pii-form></div>`,
    );
    const el = wrapper.querySelector('ck-pii-form')!;
    await el.updateComplete;
    const first = el.shadowRoot!.querySelector('#first_name')!;
    expect(first.shadowRoot!.querySelector('label')!.textContent).to.contain('Nombre');
    const dob = el.shadowRoot!.querySelector('#dob')!;
    const labels = [...dob.shadowRoot!.querySelectorAll('.part label')].map((l) =>
      l.textContent!.trim(),
    );
    expect(labels).to.deep.equal(['Día', 'Mes', 'Año']);
  });
});
