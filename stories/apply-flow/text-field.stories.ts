import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { validateFirstName } from '@checkr-kit/validation';
import '@checkr-kit/apply-flow';
import type { CkTextField } from '@checkr-kit/apply-flow';

interface Args {
  label: string;
  value: string;
  hint: string;
  required: boolean;
}

const meta: Meta<Args> = {
  title: 'Apply flow/Text field',
  component: 'ck-text-field',
  args: { label: 'First name', value: '', hint: '', required: true },
  render: ({ label, value, hint, required }) =>
    html`<ck-text-field
      name="first_name"
      label=${label}
      hint=${hint}
      value=${value}
      autocomplete="given-name"
      required-code="first_name_required"
      ?required=${required}
      .validator=${validateFirstName}
    ></ck-text-field>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Empty: Story = {};
export const Filled: Story = { args: { value: 'José María' } };
export const Optional: Story = { args: { label: 'Middle name', required: false } };
export const LongName: Story = {
  args: { value: 'Wolfeschlegelsteinhausenbergerdorff-Núñez de la Santísima Trinidad' },
};
export const InvalidCharacters: Story = {
  args: { value: 'Zoë!' },
  play: async ({ canvasElement }) => {
    canvasElement.querySelector<CkTextField>('ck-text-field')!.reportValidity();
  },
};
