import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/apply-flow';
import { commitInput, reportAll, type FieldArgs } from '../support/helpers.ts';

const meta: Meta<FieldArgs> = {
  title: 'Apply flow/Email field',
  component: 'ck-email-field',
  args: { label: 'Email address', hint: '', value: '', required: true, disabled: false },
  render: ({ label, hint, value, required, disabled }) =>
    html`<ck-email-field
      name="email"
      label=${label}
      hint=${hint}
      value=${value}
      ?required=${required}
      ?disabled=${disabled}
    ></ck-email-field>`,
};
export default meta;

type Story = StoryObj<FieldArgs>;

export const Empty: Story = {};
export const Filled: Story = { args: { value: 'michael.scott@dundermifflin.com' } };
export const WithHint: Story = { args: { hint: 'We send the report status here.' } };
export const Disabled: Story = {
  args: { value: 'michael.scott@dundermifflin.com', disabled: true },
};
export const Required: Story = {
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-email-field'),
};
export const Invalid: Story = {
  args: { value: 'michael.scott@' },
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-email-field'),
};
/** A common provider typo: offered after the person leaves the field, never an error. */
export const DidYouMean: Story = {
  name: 'Did you mean',
  args: { value: 'ana@gmeil.con' },
  play: ({ canvasElement }) => commitInput(canvasElement, 'ck-email-field'),
};
export const Spanish: Story = {
  args: { label: 'Correo electrónico', value: 'ana@' },
  globals: { locale: 'es' },
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-email-field'),
};
