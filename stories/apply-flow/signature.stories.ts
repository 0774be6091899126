import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/apply-flow';
import type { CkSignature, CkTextField } from '@checkr-kit/apply-flow';
import { storyDocuments } from '../support/mock-bff.ts';

interface Args {
  expectedNames: string[];
  date: string;
}

const authorization = storyDocuments.find((d) => d.id === 'authorization')!;

const meta: Meta<Args> = {
  title: 'Apply flow/Signature',
  component: 'ck-signature',
  args: { expectedNames: ['Michael Scott', 'Michael Gary Scott'], date: '2026-11-23T12:00:00Z' },
  argTypes: {
    expectedNames: {
      description: 'The `expectedNames` property: the typed name must match one of these.',
      control: 'object',
    },
    date: { description: 'The `date` property (ISO 8601), shown beside the signature.' },
  },
  render: ({ expectedNames, date }) =>
    html`<ck-signature
      .authorization=${authorization}
      .expectedNames=${expectedNames}
      .date=${date ? new Date(date) : undefined}
    ></ck-signature>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Empty: Story = {};
/** A typed name that is not the candidate's, then a submit attempt. */
export const NameMismatch: Story = {
  args: { expectedNames: ['Michael Scott'], date: '' },
  play: async ({ canvasElement }) => {
    const signature = canvasElement.querySelector<CkSignature>('ck-signature')!;
    await signature.updateComplete;
    const name = signature.shadowRoot!.querySelector<CkTextField>('ck-text-field')!;
    name.value = 'Dwight Schrute';
    await name.updateComplete;
    signature.value();
  },
};
export const Spanish: Story = {
  args: { expectedNames: ['María José Ruiz'] },
  globals: { locale: 'es' },
};
