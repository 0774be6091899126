import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '@checkr-kit/apply-flow';
import type { CkPiiForm } from '@checkr-kit/apply-flow';
import { registerTranslation, type CkPiiSubmitEvent } from '@checkr-kit/core';
import { es } from '@checkr-kit/core/translations/es';
import { summaryOfRights as rights } from '../support/documents.ts';
import { press, type } from '../support/keys.ts';

const requirements = { min_age: 18 as const, ssn: true, zipcode: true, driver_license: true };

/** Tab to the next focusable thing and type, as a person would. */
async function tabAndType(text: string) {
  await press('Tab');
  if (text) await type(text);
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
    await type('Michael');
    await tabAndType('Gary'); // middle name
    await tabAndType(''); // "no middle name" checkbox: leave it
    await tabAndType('Scott');
    await tabAndType('michael.scott@dundermifflin.com');
    await tabAndType('(203) 540-8926');
    await tabAndType('3'); // month (English order: month, day, year)
    await tabAndType('15');
    await tabAndType('1964');
    await press('Tab'); // residence state select
    await type('Connecticut');
    await tabAndType('06831-1234');
    await tabAndType('111112001');
    await press('Tab'); // show/hide toggle
    await press('Tab'); // licence state
    await type('Connecticut');
    await tabAndType('981 736 076');
    await press('Tab'); // copy requested
    await press('Space');
    await press('Tab'); // rights document (scrollable region)
    await press('Tab'); // acknowledgement
    await press('Space');
    const submitted = oneEvent(el, 'ck-pii-submit');
    await press('Tab');
    await press('Enter');
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
      residence_state: 'CT',
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

  it('shows the states it was given from the first render, named in the language, kept when it changes', async () => {
    registerTranslation(es);
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="es">
        <ck-pii-form
          .requirements=${requirements}
          .values=${{ residence_state: 'NY', driver_license_state: 'NC' }}
        ></ck-pii-form>
      </div>`,
    );
    const el = wrapper.querySelector('ck-pii-form')!;
    await el.updateComplete;
    const select = (id: string) =>
      el.shadowRoot!.querySelector(`#${id}`)!.shadowRoot!.querySelector('select')!;
    const chosen = (id: string) => {
      const { value, selectedOptions, options } = select(id);
      return [value, selectedOptions[0]!.textContent!.trim(), options.length];
    };
    expect(chosen('residence_state')).to.deep.equal(['NY', 'Nueva York', 53]);
    expect(chosen('driver_license')).to.deep.equal(['NC', 'Carolina del Norte', 53]);
    const residenceOption = select('residence_state').selectedOptions[0];
    // A keystroke renders the licence field again; its options are left as they are.
    const licence = el.shadowRoot!.querySelector<HTMLElement & { value: string }>(
      '#driver_license',
    )!;
    const licenceOption = select('driver_license').selectedOptions[0];
    licence.value = 'A';
    await (licence as unknown as CkPiiForm).updateComplete;
    expect(select('driver_license').selectedOptions[0]).to.equal(licenceOption);
    wrapper.lang = 'en';
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(chosen('residence_state')).to.deep.equal(['NY', 'New York', 53]);
    expect(chosen('driver_license')).to.deep.equal(['NC', 'North Carolina', 53]);
    expect(select('residence_state').selectedOptions[0]).not.to.equal(residenceOption);
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

  describe('the state of residence', () => {
    /** Everything valid, so only the state and the ZIP code decide. */
    const filled = {
      first_name: 'Michael',
      middle_name: 'Gary',
      last_name: 'Scott',
      email: 'michael.scott@dundermifflin.com',
      dob: '1964-03-15',
      residence_state: 'TX',
      zipcode: '94107',
      ssn: '111-11-2001',
      driver_license_state: 'CA',
      driver_license_number: 'F1112001',
    };
    const inner = (el: CkPiiForm, id: string, selector: string) =>
      el.shadowRoot!.querySelector(`#${id}`)!.shadowRoot!.querySelector<HTMLElement>(selector)!;
    const submitByKeyboard = async (el: CkPiiForm) => {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.focus();
      await press('Enter');
      await new Promise((resolve) => setTimeout(resolve, 50));
      await el.updateComplete;
    };

    it('is asked for, and required, only when the documents depend on it', async () => {
      const unasked = await fixture<CkPiiForm>(
        html`<ck-pii-form
          .requirements=${{ ...requirements, residence_state: false }}
        ></ck-pii-form>`,
      );
      expect(unasked.shadowRoot!.querySelector('#residence_state')).to.equal(null);
      const asked = await fixture<CkPiiForm>(
        html`<ck-pii-form
          .requirements=${{ ...requirements, residence_state: true }}
          .values=${{ ...filled, residence_state: '' }}
        ></ck-pii-form>`,
      );
      expect(
        asked.shadowRoot!.querySelector('#residence_state')!.hasAttribute('required'),
      ).to.equal(true);
      let submitted = false;
      asked.addEventListener('ck-pii-submit', () => (submitted = true));
      await submitByKeyboard(asked);
      expect(submitted).to.equal(false);
      const links = [...asked.shadowRoot!.querySelectorAll('[part=error-summary] a')];
      expect(links.map((a) => [a.getAttribute('href'), a.textContent!.trim()])).to.deep.equal([
        ['#residence_state', 'Choose the state where you live.'],
      ]);
    });

    const mismatch = [
      {
        code: 'residence_state_zip_mismatch',
        title: 'x',
        source: { pointer: '/residence_state' },
      },
    ];

    it('shows the BFF’s refusal of a state the ZIP code is not in by the state field, until it is corrected by keyboard', async () => {
      const el = await fixture<CkPiiForm>(
        html`<ck-pii-form
          .requirements=${{ ...requirements, residence_state: true }}
          .values=${filled}
          .serverErrors=${mismatch}
        ></ck-pii-form>`,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      const message =
        'Your ZIP code is not in Texas. Choose the state where you live, or check the ZIP code.';
      expect(inner(el, 'residence_state', '[part=error]').textContent).to.contain(message);
      const select = inner(el, 'residence_state', 'select');
      expect(select.getAttribute('aria-invalid')).to.equal('true');
      const summary = el.shadowRoot!.querySelector('[part=error-summary]')!;
      expect(el.shadowRoot!.activeElement).to.equal(summary);
      expect(summary.querySelector('a')!.getAttribute('href')).to.equal('#residence_state');
      await expect(el).to.be.accessible();

      const events: CkPiiSubmitEvent[] = [];
      el.addEventListener('ck-pii-submit', (e) => events.push(e as CkPiiSubmitEvent));
      select.focus();
      await type('California');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(inner(el, 'residence_state', '[part=error]')?.textContent ?? '').not.to.contain(
        'ZIP code',
      );
      await submitByKeyboard(el);
      expect(events).to.have.length(1);
      expect(events[0]!.candidate().residence_state).to.equal('CA');
    });

    it('says so in Spanish under lang="es"', async () => {
      registerTranslation(es);
      const wrapper = await fixture(
        html`<div lang="es">
          <ck-pii-form
            .requirements=${{ ...requirements, residence_state: true }}
            .values=${{ ...filled, residence_state: 'NY' }}
            .serverErrors=${mismatch}
          ></ck-pii-form>
        </div>`,
      );
      const el = wrapper.querySelector('ck-pii-form')!;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(inner(el, 'residence_state', '[part=error]').textContent).to.contain(
        'Su código postal no es de Nueva York.',
      );
    });
  });
});
