import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/apply-flow';
import type { CkSsnField } from '@checkr-kit/apply-flow';

interface Args {
  label: string;
  value: string;
  required: boolean;
  disabled: boolean;
  revealed: boolean;
}

const meta: Meta<Args> = {
  title: 'Apply flow/SSN field',
  component: 'ck-ssn-field',
  args: {
    label: 'Social Security number',
    value: '',
    required: true,
    disabled: false,
    revealed: false,
  },
  render: ({ label, value, required, disabled, revealed }) =>
    html`<ck-ssn-field
      name="ssn"
      label=${label}
      value=${value}
      ?required=${required}
      ?disabled=${disabled}
      ?revealed=${revealed}
    ></ck-ssn-field>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Empty: Story = {};
export const Filled: Story = { args: { value: '111-11-2001' } };
export const Revealed: Story = { args: { value: '111-11-2001', revealed: true } };
export const Disabled: Story = { args: { value: '111-11-2001', disabled: true } };

/** Each rule's message, as a candidate sees it after leaving the field. */
export const ValidationErrors: Story = {
  render: ({ label }) => html`
    ${['', '666-12-3456', '967-65-4325', '111-11-1111', '123-45-6789', '12345'].map(
      (value) =>
        html`<ck-ssn-field name="ssn" label=${label} value=${value} required></ck-ssn-field>`,
    )}
  `,
  play: async ({ canvasElement }) => {
    for (const field of canvasElement.querySelectorAll<CkSsnField>('ck-ssn-field')) {
      field.reportValidity();
    }
  },
};

export const Spanish: Story = {
  args: { value: '967-65-4325' },
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    canvasElement.querySelector<CkSsnField>('ck-ssn-field')!.reportValidity();
  },
};

export const Dark: Story = { args: { value: '111-11-2001' }, globals: { theme: 'dark' } };
