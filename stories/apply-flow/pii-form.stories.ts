import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/apply-flow';
import type { CkPiiForm } from '@checkr-kit/apply-flow';
import { storyDocuments } from '../support/mock-bff.ts';

interface Args {
  ssn: boolean;
  driverLicense: boolean;
  minAge: 16 | 18;
  /** The documents depend on the state of residence (the BFF's `requirements.residence_state`). */
  residenceState: boolean;
}

const rights = storyDocuments.find((d) => d.kind === 'summary_of_rights');

const meta: Meta<Args> = {
  title: 'Apply flow/PII form',
  component: 'ck-pii-form',
  argTypes: { minAge: { control: 'inline-radio', options: [16, 18] } },
  args: { ssn: true, driverLicense: true, minAge: 18, residenceState: true },
  render: ({ ssn, driverLicense, minAge, residenceState }) =>
    html`<ck-pii-form
      .requirements=${{
        min_age: minAge,
        ssn,
        zipcode: ssn,
        driver_license: driverLicense,
        residence_state: residenceState,
      }}
      .summary=${rights}
    ></ck-pii-form>`,
};
export default meta;

type Story = StoryObj<Args>;

const filled = {
  first_name: 'Michael',
  middle_name: 'Gary',
  last_name: 'Scott',
  email: 'michael.scott@dundermifflin.com',
  phone: '2035408926',
  dob: '1964-03-15',
  residence_state: 'CT',
  zipcode: '06831',
  ssn: '111-11-2001',
  driver_license_state: 'CT',
  driver_license_number: '981736076',
};

export const Empty: Story = {};
export const NoSsnNoLicence: Story = {
  name: 'Package without SSN or licence',
  args: { ssn: false, driverLicense: false },
};
export const Filled: Story = {
  render: () =>
    html`<ck-pii-form
      .requirements=${{ min_age: 18, ssn: true, zipcode: true, driver_license: true }}
      .summary=${rights}
      .values=${filled}
    ></ck-pii-form>`,
};
export const LongNames: Story = {
  render: () =>
    html`<ck-pii-form
      .requirements=${{ min_age: 18, ssn: true, zipcode: true, driver_license: true }}
      .values=${{ ...filled, first_name: 'Wolfeschlegelsteinhausenbergerdorff', middle_name: 'Núñez de la Santísima Trinidad', last_name: "O'Brien-Fitzgerald y Montenegro-Villalobos" }}
    ></ck-pii-form>`,
};
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector<CkPiiForm>('ck-pii-form')!;
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit]')!.click();
  },
};
export const ServerErrors: Story = {
  render: () =>
    html`<ck-pii-form
      .requirements=${{ min_age: 18, ssn: true, zipcode: true, driver_license: true }}
      .values=${filled}
      .serverErrors=${[
        { code: 'ssn_taken', title: 'x', source: { pointer: '/ssn' } },
        { code: 'email_domain_no_mail', title: 'x', source: { pointer: '/email' } },
      ]}
    ></ck-pii-form>`,
};
export const NoResidenceState: Story = {
  name: 'Documents not depending on residence',
  args: { residenceState: false },
};
export const ResidenceZipMismatch: Story = {
  name: 'State of residence not the ZIP code’s',
  render: () =>
    html`<ck-pii-form
      .requirements=${{ min_age: 18, ssn: true, zipcode: true, driver_license: true }}
      .values=${{ ...filled, residence_state: 'TX', zipcode: '94107' }}
      .serverErrors=${[
        {
          code: 'residence_state_zip_mismatch',
          title: 'x',
          source: { pointer: '/residence_state' },
        },
      ]}
    ></ck-pii-form>`,
};
export const Submitting: Story = {
  render: () =>
    html`<ck-pii-form
      .requirements=${{ min_age: 18, ssn: true, zipcode: true, driver_license: false }}
      .values=${filled}
      busy
    ></ck-pii-form>`,
};
export const Spanish: Story = { globals: { locale: 'es' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const Narrow360: Story = {
  name: '360 px',
  render: () =>
    html`<div style="max-width: 360px">
      <ck-pii-form
        .requirements=${{ min_age: 18, ssn: true, zipcode: true, driver_license: true }}
        .summary=${rights}
      ></ck-pii-form>
    </div>`,
};
export const Zoom200: Story = {
  name: '200% zoom',
  render: () =>
    html`<div style="zoom: 2; max-width: 640px">
      <ck-pii-form
        .requirements=${{ min_age: 18, ssn: true, zipcode: true, driver_license: true }}
      ></ck-pii-form>
    </div>`,
};
