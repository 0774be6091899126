import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '@checkr-kit/apply-flow';
import type { CkSsnField } from '@checkr-kit/apply-flow';
import { registerTranslation } from '@checkr-kit/core';
import { es } from '@checkr-kit/core/translations/es';
import { press, type } from '../support/keys.ts';

const inner = (el: CkSsnField) => el.shadowRoot!.querySelector('input')!;

describe('ck-ssn-field', () => {
  it('passes axe', async () => {
    const el = await fixture<CkSsnField>(
      html`<ck-ssn-field label="Social Security number" name="ssn" required></ck-ssn-field>`,
    );
    await expect(el).to.be.accessible();
  });

  it('formats as typed, masks by default, and reveals with the toggle', async () => {
    const el = await fixture<CkSsnField>(
      html`<ck-ssn-field label="SSN" name="ssn"></ck-ssn-field>`,
    );
    inner(el).focus();
    await type('847434645');
    await el.updateComplete;
    expect(el.value).to.equal('847-43-4645');
    expect(inner(el).getAttribute('autocomplete')).to.equal('off');
    expect(inner(el).getAttribute('inputmode')).to.equal('numeric');
    expect(getComputedStyle(inner(el)).getPropertyValue('-webkit-text-security')).to.equal('disc');
    const toggle = el.shadowRoot!.querySelector('button')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    await press('Tab');
    await press('Space');
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(getComputedStyle(inner(el)).getPropertyValue('-webkit-text-security')).to.equal('none');
  });

  it('shows the error only after the person leaves the field, linked to the input', async () => {
    const el = await fixture<CkSsnField>(
      html`<ck-ssn-field label="SSN" name="ssn"></ck-ssn-field>`,
    );
    inner(el).focus();
    await type('666123456');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
    expect(el.matches(':state(user-invalid)')).to.equal(false);
    const changed = oneEvent(el, 'change');
    inner(el).blur();
    await changed;
    await el.updateComplete;
    const error = el.shadowRoot!.querySelector('[part=error]')!;
    expect(error.textContent).to.contain('cannot start with 666');
    expect(inner(el).getAttribute('aria-invalid')).to.equal('true');
    expect(inner(el).getAttribute('aria-describedby')).to.contain('error');
    expect(el.matches(':state(user-invalid)')).to.equal(true);
    expect(el.checkValidity()).to.equal(false);
  });

  it('submits and resets with a plain form', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><ck-ssn-field label="SSN" name="ssn" value=""></ck-ssn-field></form>`,
    );
    const el = form.querySelector('ck-ssn-field')!;
    inner(el).focus();
    await type('111112001');
    await el.updateComplete;
    expect(new FormData(form).get('ssn')).to.equal('111-11-2001');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(new FormData(form).get('ssn')).to.equal(null);
  });

  it('speaks Spanish under lang="es"', async () => {
    registerTranslation(es);
    const wrapper = await fixture(
      html`<div lang="es"><ck-ssn-field label="SSN" name="ssn" required></ck-ssn-field></div>`,
    );
    const el = wrapper.querySelector('ck-ssn-field')!;
    el.reportValidity();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain(
      'Escriba su número de Seguro Social',
    );
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.contain('Mostrar');
  });
});
