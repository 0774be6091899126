import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@checkr-kit/pay-embed';
import type { PayToken } from '@checkr-kit/pay-embed';

/**
 * Storybook has no BFF: `fetchToken` answers with a static copy of the sandbox's stand-in
 * embeddable, served by Storybook itself (`.storybook/public/sandbox/pay-cdn/`).
 */
const token =
  (page: string): (() => Promise<PayToken>) =>
  async () => ({
    token: 'story-token',
    embed_url: new URL(
      `sandbox/pay-cdn/${page}?tempAuthToken=story-token`,
      document.baseURI,
    ).toString(),
  });

const meta: Meta = {
  title: 'Pay embed/Pay embed',
  component: 'ck-pay-embed',
};
export default meta;

type Story = StoryObj;

export const Loading: Story = {
  render: () =>
    html`<ck-pay-embed .fetchToken=${() => new Promise<PayToken>(() => {})}></ck-pay-embed>`,
};
export const Ready: Story = {
  render: () =>
    html`<div style="max-width: 420px">
      <ck-pay-embed .fetchToken=${token('index.html')}></ck-pay-embed>
    </div>`,
};
export const Expired: Story = {
  render: () =>
    html`<div style="max-width: 420px">
      <ck-pay-embed .fetchToken=${token('expired.html')}></ck-pay-embed>
    </div>`,
};
export const TokenError: Story = {
  render: () =>
    html`<ck-pay-embed
      .fetchToken=${() => Promise.reject(Object.assign(new Error('x'), { code: 'upstream_unavailable' }))}
    ></ck-pay-embed>`,
};
export const SignedOut: Story = {
  render: () =>
    html`<ck-pay-embed
      .fetchToken=${() => Promise.reject(Object.assign(new Error('x'), { code: 'host_session_required' }))}
    ></ck-pay-embed>`,
};
export const TooSmall: Story = {
  render: () =>
    html`<div style="width: 320px">
      <ck-pay-embed
        style="--ck-pay-embed-height: 420px"
        .fetchToken=${token('index.html')}
      ></ck-pay-embed>
    </div>`,
};
export const Spanish: Story = {
  globals: { locale: 'es' },
  render: () =>
    html`<ck-pay-embed .fetchToken=${() => new Promise<PayToken>(() => {})}></ck-pay-embed>`,
};
