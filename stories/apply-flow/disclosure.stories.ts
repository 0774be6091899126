import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/apply-flow';
import type { CkDisclosure } from '@checkr-kit/apply-flow';
import { storyDocuments } from '../support/mock-bff.ts';

interface Args {
  documentId: string;
  acknowledged: boolean;
  copyRequested: boolean;
  headingLevel: number;
}

const meta: Meta<Args> = {
  title: 'Apply flow/Disclosure',
  component: 'ck-disclosure',
  args: {
    documentId: 'background-check-disclosure',
    acknowledged: false,
    copyRequested: false,
    headingLevel: 2,
  },
  argTypes: {
    documentId: {
      name: 'document (id)',
      description: 'The `document` property: one of the sample documents.',
      control: 'select',
      options: storyDocuments.map((d) => d.id),
    },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
  },
  render: ({ documentId, acknowledged, copyRequested, headingLevel }) =>
    html`<ck-disclosure
      .document=${storyDocuments.find((d) => d.id === documentId)}
      heading-level=${headingLevel}
      ?acknowledged=${acknowledged}
      ?copy-requested=${copyRequested}
    ></ck-disclosure>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Disclosure: Story = {};
export const Acknowledged: Story = { args: { acknowledged: true } };
export const NotAcknowledged: Story = {
  play: async ({ canvasElement }) => {
    const disclosure = canvasElement.querySelector<CkDisclosure>('ck-disclosure')!;
    await disclosure.updateComplete;
    disclosure.reportValidity();
  },
};
export const StateDisclosureWithCopy: Story = {
  name: 'State disclosure with "request a copy"',
  args: { documentId: 'ca-disclosure' },
};
export const CopyRequested: Story = {
  args: { documentId: 'ca-disclosure', acknowledged: true, copyRequested: true },
};
