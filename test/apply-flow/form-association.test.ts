import { expect, fixture, html } from '@open-wc/testing';
import '@checkr-kit/apply-flow';
import type { CkFormControl } from '@checkr-kit/core';
import { validateFirstName } from '@checkr-kit/validation';
import { press, type } from '../support/keys.ts';

/** The fields behave like native inputs inside a plain <form>: they submit, validate and reset. */
describe('ck fields in a plain <form>', () => {
  it('passes axe', async () => {
    const form = await fixture(
      html`<form>
        <ck-text-field
          name="first_name"
          label="First name"
          required
          .validator=${validateFirstName}
        ></ck-text-field>
        <ck-checkbox name="copy_requested" label="Send me a copy"></ck-checkbox>
      </form>`,
    );
    await expect(form).to.be.accessible();
  });

  it('submits every field through FormData, blocks an invalid submit, and resets', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <ck-text-field
          name="first_name"
          label="First name"
          required
          .validator=${validateFirstName}
        ></ck-text-field>
        <ck-email-field name="email" label="Email" required></ck-email-field>
        <ck-dob-field name="dob" label="Date of birth" required></ck-dob-field>
        <ck-select name="residence_state" label="State" states required></ck-select>
        <ck-driver-license-field name="driver_license" required></ck-driver-license-field>
        <ck-checkbox name="copy_requested" label="Send me a copy" value="yes"></ck-checkbox>
        <button type="submit">Send</button>
      </form>`,
    );
    let submitted = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted++;
    });
    // Empty and required: the browser's own validation refuses the submit.
    expect(form.checkValidity()).to.equal(false);
    form.requestSubmit();
    expect(submitted).to.equal(0);

    const focus = (selector: string, inner = 'input, select') =>
      (form.querySelector(selector)!.shadowRoot!.querySelector(inner) as HTMLElement).focus();
    focus('ck-text-field');
    await type('Ana');
    focus('ck-email-field');
    await type('ana@example.com');
    focus('ck-dob-field');
    await type('7');
    await press('Tab');
    await type('4');
    await press('Tab');
    await type('1990');
    focus('ck-select');
    await type('Texas');
    focus('ck-driver-license-field', 'select');
    await type('Texas');
    await press('Tab');
    await type('12345678');
    focus('ck-checkbox', 'input');
    await press('Space');
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(form.checkValidity()).to.equal(true);
    const data = Object.fromEntries(new FormData(form));
    expect(data).to.deep.equal({
      first_name: 'Ana',
      email: 'ana@example.com',
      dob: '1990-07-04',
      residence_state: 'TX',
      driver_license_state: 'TX',
      driver_license_number: '12345678',
      copy_requested: 'yes',
    });
    form.requestSubmit();
    expect(submitted).to.equal(1);

    form.reset();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([...new FormData(form).keys()]).to.deep.equal([]);
    expect(form.querySelector('ck-text-field')!.value).to.equal('');
  });

  it('shows errors on submit and reportValidity(), never on a scripted checkValidity()', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <ck-text-field
          name="first_name"
          label="First name"
          required
          .validator=${validateFirstName}
        ></ck-text-field>
        <ck-email-field name="email" label="Email" required></ck-email-field>
        <button type="submit">Send</button>
      </form>`,
    );
    form.addEventListener('submit', (event) => event.preventDefault());
    const fields = [...form.querySelectorAll<CkFormControl>('ck-text-field, ck-email-field')];
    /** Which fields show their error, as a person sees it and as CSS can style it. */
    const showing = async () => {
      await Promise.all(fields.map((field) => field.updateComplete));
      return fields.map(
        (field) =>
          field.shadowRoot!.querySelector('[part=error]') !== null &&
          field.matches(':state(user-invalid)'),
      );
    };
    const [first, email] = fields;

    // A script asking: the answer, and nothing shown.
    expect(form.checkValidity()).to.equal(false);
    expect(first!.checkValidity()).to.equal(false);
    expect(await showing()).to.deep.equal([false, false]);

    // The field's own reportValidity() shows that field's error only.
    expect(email!.reportValidity()).to.equal(false);
    expect(await showing()).to.deep.equal([false, true]);

    form.reset();
    expect(await showing()).to.deep.equal([false, false]);
    // The form's reportValidity() shows every error.
    expect(form.reportValidity()).to.equal(false);
    expect(await showing()).to.deep.equal([true, true]);

    form.reset();
    expect(await showing()).to.deep.equal([false, false]);
    // So does a submit attempt (Enter in a field, or the button).
    form.querySelector('button')!.click();
    expect(await showing()).to.deep.equal([true, true]);
  });

  it('disables with a disabled fieldset, like native controls', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <fieldset disabled>
          <ck-text-field name="first_name" label="First name" value="Ana"></ck-text-field>
        </fieldset>
      </form>`,
    );
    const field = form.querySelector('ck-text-field')!;
    await field.updateComplete;
    expect(field.disabled).to.equal(true);
    expect(field.shadowRoot!.querySelector('input')!.disabled).to.equal(true);
    expect([...new FormData(form).keys()]).to.deep.equal([]);
  });
});
