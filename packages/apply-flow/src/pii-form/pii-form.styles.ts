import { css } from 'lit';

export const piiFormStyles = css`
  :host {
    display: block;
  }
  [part='error-summary'] {
    border: 4px solid var(--ck-color-danger);
    padding: var(--ck-space-m);
    margin-block-end: var(--ck-space-l);
    background: var(--ck-color-surface);
  }
  [part='error-summary']:focus {
    outline: 3px solid var(--ck-color-focus);
    outline-offset: 2px;
  }
  [part='error-summary'] h3 {
    margin: 0 0 var(--ck-space-s);
    font-size: var(--ck-font-size-l);
  }
  [part='error-summary'] ul {
    margin: 0;
    padding-inline-start: var(--ck-space-l);
  }
  [part='error-summary'] a {
    color: var(--ck-color-danger);
    font-weight: var(--ck-font-weight-strong);
  }
  .rights {
    margin-block: var(--ck-space-xl) var(--ck-space-l);
  }
  .actions {
    display: flex;
    gap: var(--ck-space-m);
    flex-wrap: wrap;
    margin-block-start: var(--ck-space-l);
  }
`;
