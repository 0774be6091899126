import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/apply-flow';
import { reportAll, type FieldArgs } from '../support/helpers.ts';

interface Args extends Omit<FieldArgs, 'value'> {
  checked: boolean;
}

const meta: Meta<Args> = {
  title: 'Apply flow/Checkbox',
  component: 'ck-checkbox',
  args: {
    label: 'I have no middle name',
    hint: '',
    checked: false,
    required: false,
    disabled: false,
  },
  render: ({ label, hint, checked, required, disabled }) =>
    html`<ck-checkbox
      name="choice"
      label=${label}
      hint=${hint}
      ?checked=${checked}
      ?required=${required}
      ?disabled=${disabled}
    ></ck-checkbox>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Unchecked: Story = {};
export const Checked: Story = { args: { checked: true } };
export const WithHint: Story = {
  args: { label: 'Email me a copy of my report', hint: 'California, Minnesota and Oklahoma.' },
};
export const Disabled: Story = { args: { checked: true, disabled: true } };
export const RequiredUnticked: Story = {
  args: { label: 'I have received and read this document', required: true },
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-checkbox'),
};
export const Spanish: Story = {
  args: { label: 'He recibido y leído este documento', required: true },
  globals: { locale: 'es' },
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-checkbox'),
};
