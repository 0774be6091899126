import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/apply-flow';
import { reportAll, type FieldArgs } from '../support/helpers.ts';

interface Args extends FieldArgs {
  state: string;
  stateLabel: string;
}

const meta: Meta<Args> = {
  title: 'Apply flow/Driver licence field',
  component: 'ck-driver-license-field',
  args: {
    label: '',
    stateLabel: '',
    hint: '',
    value: '',
    state: '',
    required: true,
    disabled: false,
  },
  render: ({ label, stateLabel, hint, value, state, required, disabled }) =>
    html`<ck-driver-license-field
      name="driver_license"
      label=${label}
      state-label=${stateLabel}
      hint=${hint}
      state=${state}
      value=${value}
      ?required=${required}
      ?disabled=${disabled}
    ></ck-driver-license-field>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Empty: Story = {};
/** The chosen state's number format shows as the hint. */
export const StateHint: Story = { args: { state: 'WA', value: 'SMITH**123AB' } };
export const Disabled: Story = { args: { state: 'CA', value: 'A1234567', disabled: true } };
export const Required: Story = {
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-driver-license-field'),
};
export const WrongFormatForState: Story = {
  args: { state: 'CA', value: '12345678' },
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-driver-license-field'),
};
export const Spanish: Story = {
  args: { state: 'AZ' },
  globals: { locale: 'es' },
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-driver-license-field'),
};
