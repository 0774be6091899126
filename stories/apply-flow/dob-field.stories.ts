import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/apply-flow';
import { reportAll, type FieldArgs } from '../support/helpers.ts';

interface Args extends FieldArgs {
  minAge: 16 | 18;
}

const meta: Meta<Args> = {
  title: 'Apply flow/Date of birth field',
  component: 'ck-dob-field',
  args: {
    label: 'Date of birth',
    hint: '',
    value: '',
    required: true,
    disabled: false,
    minAge: 18,
  },
  argTypes: { minAge: { control: 'inline-radio', options: [16, 18] } },
  render: ({ label, hint, value, required, disabled, minAge }) =>
    html`<ck-dob-field
      name="dob"
      label=${label}
      hint=${hint}
      value=${value}
      min-age=${minAge}
      ?required=${required}
      ?disabled=${disabled}
    ></ck-dob-field>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Empty: Story = {};
export const Filled: Story = { args: { value: '1964-03-15' } };
export const Disabled: Story = { args: { value: '1964-03-15', disabled: true } };
export const Required: Story = {
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-dob-field'),
};
export const NotADate: Story = {
  args: { value: '1964-02-30' },
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-dob-field'),
};
export const TooYoung: Story = {
  args: { value: '2015-01-01' },
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-dob-field'),
};
/** A package whose minimum age is 16. */
export const MinimumAge16: Story = {
  name: 'Minimum age 16',
  args: { minAge: 16, value: '2012-01-01' },
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-dob-field'),
};
export const Spanish: Story = {
  args: { label: 'Fecha de nacimiento' },
  globals: { locale: 'es' },
};
