import { css } from 'lit';

export const signatureStyles = css`
  :host {
    display: block;
  }
  .authorization {
    border: var(--ck-border-width) solid var(--ck-color-border-subtle);
    border-radius: var(--ck-radius-m);
    background: var(--ck-color-surface-raised);
    padding: var(--ck-space-m);
    margin-block-end: var(--ck-space-l);
  }
  .authorization h3 {
    margin: 0 0 var(--ck-space-s);
    font-size: var(--ck-font-size-l);
  }
  .authorization p {
    margin: 0 0 var(--ck-space-s);
  }
  .date {
    margin: 0 0 var(--ck-space-l);
    font-weight: var(--ck-font-weight-strong);
  }
  .pad {
    margin-block: var(--ck-space-l);
  }
  .pad-label {
    display: block;
    font-weight: var(--ck-font-weight-strong);
  }
  .pad-hint {
    color: var(--ck-color-text-muted);
    font-size: var(--ck-font-size-s);
    margin-block-end: var(--ck-space-xs);
  }
  canvas {
    display: block;
    width: 100%;
    max-width: 36rem;
    aspect-ratio: 3 / 1;
    border: 2px dashed var(--ck-color-border);
    border-radius: var(--ck-radius-s);
    background: var(--ck-color-surface);
    touch-action: none;
    cursor: crosshair;
  }
  .clear {
    margin-block-start: var(--ck-space-xs);
  }
`;
