import { css } from 'lit';
import { baseTokens, tokenSheet } from './tokens.styles.ts';

/**
 * The tokens only the fields and the flow use (see tokens.styles.ts). Its own module, so the Pay
 * embed alone leaves it out.
 */
export const formTokens = css`
  ${tokenSheet(
    `
--ck-font-size-l:1.25rem;
--ck-font-size-xl:1.5rem;
--ck-space-2xs:0.125rem;
--ck-space-xs:0.25rem;
--ck-transition:150ms ease;
`,
    `
--ck-color-brand-strong:#17469b;
--ck-color-text-muted:#4a525c;
--ck-color-surface-raised:#f4f6f9;
--ck-color-border:#767f8a;
--ck-color-danger:#b3261e;
--ck-color-success:#1e7a3c;
--ck-color-success-surface:#e7f5ec;
`,
    `
--ck-color-brand-strong:#b5cfff;
--ck-color-text-muted:#b8c0cb;
--ck-color-surface-raised:#20262d;
--ck-color-border:#8d96a1;
--ck-color-danger:#ffb4ab;
--ck-color-success:#8fd9a8;
--ck-color-success-surface:#10301c;
`,
  )}
  @media (prefers-reduced-motion: reduce) {
    :where(:root) {
      --ck-transition: 0s;
    }
  }
`;

/** Every token, for a customer's own Lit element or stylesheet. */
export const tokens = [baseTokens, formTokens];
