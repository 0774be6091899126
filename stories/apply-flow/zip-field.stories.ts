import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/apply-flow';
import { reportAll, type FieldArgs } from '../support/helpers.ts';

const meta: Meta<FieldArgs> = {
  title: 'Apply flow/ZIP field',
  component: 'ck-zip-field',
  args: { label: 'ZIP code', hint: '', value: '', required: true, disabled: false },
  render: ({ label, hint, value, required, disabled }) =>
    html`<ck-zip-field
      name="zipcode"
      label=${label}
      hint=${hint}
      value=${value}
      ?required=${required}
      ?disabled=${disabled}
    ></ck-zip-field>`,
};
export default meta;

type Story = StoryObj<FieldArgs>;

export const Empty: Story = {};
export const Filled: Story = { args: { value: '06831' } };
export const ZipPlusFour: Story = { name: 'ZIP+4', args: { value: '06831-1234' } };
export const Disabled: Story = { args: { value: '06831', disabled: true } };
export const Required: Story = {
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-zip-field'),
};
export const Invalid: Story = {
  args: { value: '6831' },
  play: ({ canvasElement }) => reportAll(canvasElement, 'ck-zip-field'),
};
