import { css } from 'lit';

export const ssnFieldStyles = css`
  input.masked {
    -webkit-text-security: disc;
  }
  input {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.05em;
    flex: 0 1 12rem;
  }
  button {
    font: inherit;
    font-size: var(--ck-font-size-s);
    color: var(--ck-color-brand);
    background: var(--ck-color-surface);
    border: 2px solid var(--ck-color-brand);
    border-radius: var(--ck-radius-s);
    min-height: var(--ck-control-height);
    padding: 0 var(--ck-space-m);
    cursor: pointer;
    white-space: nowrap;
  }
  button[aria-pressed='true'] {
    background: var(--ck-color-brand);
    color: var(--ck-color-on-brand);
  }
`;
