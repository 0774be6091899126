import { css, unsafeCSS } from 'lit';

/**
 * The kit's global design tokens, light and dark. Every component styles itself with these
 * `--ck-*` properties only. They are installed once into the document at zero specificity
 * (`:where(...)`), so any rule a customer writes for `--ck-*` wins without `!important`.
 * `theme="dark"` / `theme="light"` on any ancestor forces a scheme; otherwise the
 * `prefers-color-scheme` media query decides.
 */
const light = `
  --ck-color-brand: #1f5fd1;
  --ck-color-brand-strong: #17469b;
  --ck-color-on-brand: #ffffff;
  --ck-color-text: #1b1f24;
  --ck-color-text-muted: #4a525c;
  --ck-color-surface: #ffffff;
  --ck-color-surface-raised: #f4f6f9;
  --ck-color-border: #767f8a;
  --ck-color-border-subtle: #d4d9e0;
  --ck-color-danger: #b3261e;
  --ck-color-danger-surface: #fdecea;
  --ck-color-success: #1e7a3c;
  --ck-color-success-surface: #e7f5ec;
  --ck-color-focus: #1f5fd1;
  color-scheme: light;
`;
const dark = `
  --ck-color-brand: #8ab4ff;
  --ck-color-brand-strong: #b5cfff;
  --ck-color-on-brand: #0b1a33;
  --ck-color-text: #eef1f5;
  --ck-color-text-muted: #b8c0cb;
  --ck-color-surface: #15191e;
  --ck-color-surface-raised: #20262d;
  --ck-color-border: #8d96a1;
  --ck-color-border-subtle: #3a424c;
  --ck-color-danger: #ffb4ab;
  --ck-color-danger-surface: #3d1512;
  --ck-color-success: #8fd9a8;
  --ck-color-success-surface: #10301c;
  --ck-color-focus: #8ab4ff;
  color-scheme: dark;
`;
const scale = `
  --ck-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  --ck-font-size-s: 0.875rem;
  --ck-font-size-m: 1rem;
  --ck-font-size-l: 1.25rem;
  --ck-font-size-xl: 1.5rem;
  --ck-line-height: 1.5;
  --ck-font-weight-strong: 600;
  --ck-space-2xs: 0.125rem;
  --ck-space-xs: 0.25rem;
  --ck-space-s: 0.5rem;
  --ck-space-m: 1rem;
  --ck-space-l: 1.5rem;
  --ck-space-xl: 2rem;
  --ck-radius-s: 0.25rem;
  --ck-radius-m: 0.5rem;
  --ck-border-width: 1px;
  --ck-control-height: 2.75rem;
  --ck-focus-ring: 0 0 0 3px var(--ck-color-focus);
  --ck-transition: 150ms ease;
`;

export const tokens = css`
  :where(:root) {
    ${unsafeCSS(scale)}
    ${unsafeCSS(light)}
  }
  @media (prefers-color-scheme: dark) {
    :where(:root) {
      ${unsafeCSS(dark)}
    }
  }
  :where([theme='light']) {
    ${unsafeCSS(light)}
  }
  :where([theme='dark']) {
    ${unsafeCSS(dark)}
  }
  @media (prefers-reduced-motion: reduce) {
    :where(:root) {
      --ck-transition: 0s;
    }
  }
`;

let installed = false;

/** Adds the tokens to the document once. A constructed sheet, so a strict CSP allows it. */
export function installTokens(doc: Document = document): void {
  if (installed || !doc.adoptedStyleSheets) return;
  const sheet = tokens.styleSheet;
  if (!sheet) return;
  doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets];
  installed = true;
}
