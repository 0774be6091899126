import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/apply-flow';
import { reportAll, type FieldArgs } from '../support/helpers.ts';

const meta: Meta<FieldArgs> = {
  title: 'Apply flow/Phone field',
  component: 'ck-phone-field',
  args: { label: 'Mobile phone number', hint: '', value: '', required: false, disabled: false },
  render: ({ label, hint, value, required, disabled }) =>
    html`<ck-phone-field
      name="phone"
      label=${label}
      hint=${hint}
      value=${value}
      ?required=${required}
      ?disabled=${disabled}
    ></ck-phone-field>`,
};
export default meta;

type Story = StoryObj<FieldArgs>;

export const Empty: Story = {};
export const Filled: Story = { args: { value: '(203) 540-8926' } };
export const Disabled: Story = { args: { value: '(203) 540-8926', disabled: true } };
export const Invalid: Story = {
  args: { value: '540-8926' },
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-phone-field'),
};
export const Spanish: Story = {
  args: { label: 'Teléfono móvil', value: '540-8926' },
  globals: { locale: 'es' },
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-phone-field'),
};
