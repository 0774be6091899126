import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/apply-flow';
import { reportAll } from '../support/helpers.ts';

/** The smaller fields of the PII step, each in its states. */
const meta: Meta = {
  title: 'Apply flow/Fields',
  component: 'ck-email-field',
};
export default meta;

type Story = StoryObj;

export const EmailEmpty: Story = {
  render: () => html`<ck-email-field name="email" label="Email address" required></ck-email-field>`,
};
export const EmailFilled: Story = {
  render: () =>
    html`<ck-email-field
      name="email"
      label="Email address"
      value="michael.scott@dundermifflin.com"
      required
    ></ck-email-field>`,
};
export const EmailInvalid: Story = {
  render: () =>
    html`<ck-email-field
      name="email"
      label="Email address"
      value="michael.scott@"
      required
    ></ck-email-field>`,
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-email-field'),
};
export const EmailSuggestion: Story = {
  name: 'Email: did you mean',
  render: () =>
    html`<ck-email-field
      name="email"
      label="Email address"
      value="ana@gmeil.con"
      required
    ></ck-email-field>`,
  play: async ({ canvasElement }) => {
    const field = canvasElement.querySelector('ck-email-field')!;
    await field.updateComplete;
    const input = field.shadowRoot!.querySelector('input')!;
    input.dispatchEvent(new Event('change'));
  },
};

export const Phone: Story = {
  render: () =>
    html`<ck-phone-field
      name="phone"
      label="Mobile phone number"
      value="(203) 540-8926"
    ></ck-phone-field>`,
};
export const PhoneInvalid: Story = {
  render: () =>
    html`<ck-phone-field
      name="phone"
      label="Mobile phone number"
      value="540-8926"
    ></ck-phone-field>`,
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-phone-field'),
};

export const Zip: Story = {
  render: () =>
    html`<ck-zip-field name="zipcode" label="ZIP code" value="06831" required></ck-zip-field>`,
};
export const ZipInvalid: Story = {
  render: () =>
    html`<ck-zip-field name="zipcode" label="ZIP code" value="6831" required></ck-zip-field>`,
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-zip-field'),
};

export const DateOfBirth: Story = {
  render: () => html`<ck-dob-field name="dob" label="Date of birth" required></ck-dob-field>`,
};
export const DateOfBirthFilled: Story = {
  render: () =>
    html`<ck-dob-field
      name="dob"
      label="Date of birth"
      value="1964-03-15"
      required
    ></ck-dob-field>`,
};
export const DateOfBirthErrors: Story = {
  render: () => html`
    <ck-dob-field
      name="dob"
      label="Date of birth (not a date)"
      value="1964-02-30"
      required
    ></ck-dob-field>
    <ck-dob-field
      name="dob"
      label="Date of birth (too young)"
      value="2015-01-01"
      required
    ></ck-dob-field>
    <ck-dob-field
      name="dob"
      label="Date of birth (16+ package)"
      min-age="16"
      value="2012-01-01"
      required
    ></ck-dob-field>
  `,
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-dob-field'),
};
export const DateOfBirthSpanish: Story = {
  globals: { locale: 'es' },
  render: () => html`<ck-dob-field name="dob" label="Fecha de nacimiento" required></ck-dob-field>`,
};

export const StateSelect: Story = {
  render: () =>
    html`<ck-select
      name="residence_state"
      label="State where you live"
      states
      required
    ></ck-select>`,
};
export const StateSelectRequired: Story = {
  render: () =>
    html`<ck-select
      name="residence_state"
      label="State where you live"
      states
      required
      required-code="residence_state_required"
    ></ck-select>`,
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-select'),
};

export const DriverLicense: Story = {
  render: () =>
    html`<ck-driver-license-field name="driver_license" required></ck-driver-license-field>`,
};
export const DriverLicenseHint: Story = {
  name: 'Driver licence: state hint',
  render: () =>
    html`<ck-driver-license-field
      name="driver_license"
      state="WA"
      value="SMITH**123AB"
      required
    ></ck-driver-license-field>`,
};
export const DriverLicenseInvalid: Story = {
  render: () =>
    html`<ck-driver-license-field
      name="driver_license"
      state="CA"
      value="12345678"
      required
    ></ck-driver-license-field>`,
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-driver-license-field'),
};
export const DriverLicenseSpanish: Story = {
  globals: { locale: 'es' },
  render: () =>
    html`<ck-driver-license-field
      name="driver_license"
      state="AZ"
      value=""
      required
    ></ck-driver-license-field>`,
};

export const Checkbox: Story = {
  render: () =>
    html`<ck-checkbox name="no_middle_name" label="I have no middle name"></ck-checkbox>`,
};
export const CheckboxRequired: Story = {
  render: () =>
    html`<ck-checkbox
      name="ack"
      label="I have received and read this document"
      required
    ></ck-checkbox>`,
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-checkbox'),
};
