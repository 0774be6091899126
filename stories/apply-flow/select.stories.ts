import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/apply-flow';
import type { SelectOption } from '@checkr-kit/apply-flow';
import { reportAll, type FieldArgs } from '../support/helpers.ts';

interface Args extends FieldArgs {
  states: boolean;
  requiredCode: string;
}

const shifts: SelectOption[] = [
  { value: 'day', label: 'Day shift' },
  { value: 'night', label: 'Night shift' },
];

const meta: Meta<Args> = {
  title: 'Apply flow/Select',
  component: 'ck-select',
  args: {
    label: 'State where you live',
    hint: '',
    value: '',
    required: true,
    disabled: false,
    states: true,
    requiredCode: 'residence_state_required',
  },
  render: ({ label, hint, value, required, disabled, states, requiredCode }) =>
    html`<ck-select
      name="choice"
      label=${label}
      hint=${hint}
      value=${value}
      required-code=${requiredCode}
      .options=${shifts}
      ?states=${states}
      ?required=${required}
      ?disabled=${disabled}
    ></ck-select>`,
};
export default meta;

type Story = StoryObj<Args>;

export const States: Story = {};
export const Chosen: Story = { args: { value: 'CA' } };
export const Disabled: Story = { args: { value: 'CA', disabled: true } };
export const Required: Story = {
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-select'),
};
/** Choices given as the `options` property instead of `states`. */
export const OwnOptions: Story = {
  args: { states: false, label: 'Preferred shift', required: false },
};
export const Spanish: Story = {
  args: { label: 'Estado donde vive' },
  globals: { locale: 'es' },
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-select'),
};
