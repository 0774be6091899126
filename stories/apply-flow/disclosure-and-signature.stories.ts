import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/apply-flow';
import type { CkDisclosure, CkSignature } from '@checkr-kit/apply-flow';
import { storyDocuments } from '../support/mock-bff.ts';

const byId = (id: string) => storyDocuments.find((d) => d.id === id)!;

const meta: Meta = {
  title: 'Apply flow/Disclosure and signature',
  component: 'ck-disclosure',
};
export default meta;

type Story = StoryObj;

export const Disclosure: Story = {
  render: () =>
    html`<ck-disclosure .document=${byId('background-check-disclosure')}></ck-disclosure>`,
};
export const DisclosureAcknowledged: Story = {
  render: () =>
    html`<ck-disclosure
      .document=${byId('background-check-disclosure')}
      acknowledged
    ></ck-disclosure>`,
};
export const DisclosureNotAcknowledged: Story = {
  render: () =>
    html`<ck-disclosure .document=${byId('background-check-disclosure')}></ck-disclosure>`,
  play: async ({ canvasElement }) => {
    const disclosure = canvasElement.querySelector<CkDisclosure>('ck-disclosure')!;
    await disclosure.updateComplete;
    disclosure.reportValidity();
  },
};
export const StateDisclosureWithCopy: Story = {
  name: 'State disclosure with "request a copy"',
  render: () => html`<ck-disclosure .document=${byId('ca-disclosure')}></ck-disclosure>`,
};

export const Signature: Story = {
  render: () =>
    html`<ck-signature
      .authorization=${byId('authorization')}
      .expectedNames=${['Michael Scott', 'Michael Gary Scott']}
      .date=${new Date('2026-11-23T12:00:00Z')}
    ></ck-signature>`,
};
export const SignatureErrors: Story = {
  render: () =>
    html`<ck-signature
      .authorization=${byId('authorization')}
      .expectedNames=${['Michael Scott']}
    ></ck-signature>`,
  play: async ({ canvasElement }) => {
    const signature = canvasElement.querySelector<CkSignature>('ck-signature')!;
    await signature.updateComplete;
    const name = signature.shadowRoot!.querySelector('ck-text-field')! as HTMLElement & {
      value: string;
      updateComplete: Promise<unknown>;
    };
    name.value = 'Dwight Schrute';
    await name.updateComplete;
    signature.value();
  },
};
export const SignatureSpanish: Story = {
  globals: { locale: 'es' },
  render: () =>
    html`<ck-signature
      .authorization=${byId('authorization')}
      .expectedNames=${['María José Ruiz']}
    ></ck-signature>`,
};
