import { css, type CSSResult } from '@lit/reactive-element';

export const payEmbedStyles: CSSResult = css`
  :host {
    display: block;
    position: relative;
    min-height: var(--ck-pay-embed-height, 640px);
    height: var(--ck-pay-embed-height, 640px);
    border: var(--ck-border-width) solid var(--ck-color-border-subtle);
    border-radius: var(--ck-radius-m);
    background: var(--ck-color-surface);
    overflow: hidden;
  }
  iframe {
    display: block;
    width: 100%;
    height: 100%;
    border: 0;
  }
  [part='status'] {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--ck-space-m);
    padding: var(--ck-space-l);
    text-align: center;
    background: var(--ck-color-surface);
  }
  [part='notice'] {
    position: absolute;
    inset-inline: 0;
    top: 0;
    padding: var(--ck-space-s) var(--ck-space-m);
    background: var(--ck-color-danger-surface);
    color: var(--ck-color-text);
    font-size: var(--ck-font-size-s);
  }
  [hidden] {
    display: none !important;
  }
`;
