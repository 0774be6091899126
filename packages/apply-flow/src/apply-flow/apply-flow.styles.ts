import { css } from 'lit';

export const applyFlowStyles = css`
  :host {
    display: block;
    max-width: var(--ck-apply-flow-max-width, 40rem);
    background: var(--ck-color-surface);
    color: var(--ck-color-text);
  }
  [part='progress'] {
    color: var(--ck-color-text-muted);
    font-size: var(--ck-font-size-s);
    margin: 0 0 var(--ck-space-xs);
  }
  [part='heading'] {
    font-size: var(--ck-font-size-xl);
    margin: 0 0 var(--ck-space-m);
  }
  [part='heading']:focus,
  ck-disclosure:focus {
    outline: none;
  }
  .intro {
    color: var(--ck-color-text-muted);
    margin: 0 0 var(--ck-space-l);
  }
  [part='nav'] {
    display: flex;
    flex-wrap: wrap-reverse;
    gap: var(--ck-space-m);
    justify-content: space-between;
    margin-block-start: var(--ck-space-l);
  }
  [part='alert'] {
    border-inline-start: 4px solid var(--ck-color-danger);
    background: var(--ck-color-danger-surface);
    padding: var(--ck-space-m);
    margin-block-end: var(--ck-space-l);
  }
  [part='alert'] p {
    margin: 0 0 var(--ck-space-s);
  }
  [part='complete'] {
    border-inline-start: 4px solid var(--ck-color-success);
    background: var(--ck-color-success-surface);
    padding: var(--ck-space-l);
  }
  .loading {
    color: var(--ck-color-text-muted);
  }
`;
