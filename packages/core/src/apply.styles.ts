import { css } from 'lit';

/*
 * Styles of the fields and the flow that the Pay embed does not use. Their own module, so a page
 * with the Pay embed alone leaves them out (base-element.ts composes them into `baseStyles` and
 * `buttonStyles`).
 */

export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** `.secondary` outlined, and the busy state. */
export const buttonVariantStyles = css`
  button.secondary {
    background: var(--ck-color-surface);
    color: var(--ck-color-brand);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
`;

/** Text-like buttons (accept a suggestion, clear a drawing): class `link`, with a focus ring. */
export const linkButtonStyles = css`
  button.link {
    font: inherit;
    color: var(--ck-color-brand);
    background: none;
    border: 0;
    padding: var(--ck-space-xs) 0;
    text-decoration: underline;
    cursor: pointer;
    min-height: 2rem;
  }
  button.link:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--ck-focus-ring);
  }
`;
