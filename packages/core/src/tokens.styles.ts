import { css, unsafeCSS, type CSSResult } from '@lit/reactive-element';

/**
 * The kit's global design tokens, light and dark. Every component styles itself with these
 * `--ck-*` properties only. They are installed into the document at zero specificity
 * (`:where(...)`), so any rule a customer writes for `--ck-*` wins without `!important`.
 * `theme="dark"` / `theme="light"` on any ancestor forces a scheme; otherwise the
 * `prefers-color-scheme` media query decides.
 *
 * Two sheets: `baseTokens` here, what the base and button styles and the Pay embed use, and
 * `formTokens` (form-tokens.styles.ts), the rest, which only the fields and the flow install; so a
 * page with the Pay embed alone downloads only the first. The declarations are written without
 * indentation or spaces: unlike css`` literals, these strings reach the bundle as written.
 *
 * `--ck-focus-ring` is declared with the colours, not the scale: a custom property's `var()`s
 * resolve where it is declared, so under `theme="dark"` on a wrapper a ring declared on `:root`
 * kept the light focus colour. It is a surface-coloured gap and then the focus colour, so a
 * focused primary button (filled with the same blue) shows a ring apart from its fill.
 */
export function tokenSheet(scale: string, light: string, dark: string): CSSResult {
  return css`
    :where(:root) {
      ${unsafeCSS(scale + light)}
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
  `;
}

export const baseTokens = tokenSheet(
  `
--ck-font-family:system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
--ck-font-size-s:0.875rem;
--ck-font-size-m:1rem;
--ck-line-height:1.5;
--ck-font-weight-strong:600;
--ck-space-s:0.5rem;
--ck-space-m:1rem;
--ck-space-l:1.5rem;
--ck-space-xl:2rem;
--ck-radius-s:0.25rem;
--ck-radius-m:0.5rem;
--ck-border-width:1px;
--ck-control-height:2.75rem;
`,
  `
--ck-color-brand:#1f5fd1;
--ck-color-on-brand:#ffffff;
--ck-color-text:#1b1f24;
--ck-color-surface:#ffffff;
--ck-color-border-subtle:#d4d9e0;
--ck-color-danger-surface:#fdecea;
--ck-color-focus:#1f5fd1;
--ck-focus-ring:0 0 0 2px var(--ck-color-surface),0 0 0 5px var(--ck-color-focus);
color-scheme:light;
`,
  `
--ck-color-brand:#8ab4ff;
--ck-color-on-brand:#0b1a33;
--ck-color-text:#eef1f5;
--ck-color-surface:#15191e;
--ck-color-border-subtle:#3a424c;
--ck-color-danger-surface:#3d1512;
--ck-color-focus:#8ab4ff;
--ck-focus-ring:0 0 0 2px var(--ck-color-surface),0 0 0 5px var(--ck-color-focus);
color-scheme:dark;
`,
);

/**
 * Adds a token sheet to the document once. A constructed sheet, so a strict CSP allows it; put
 * first, so the page's own sheets come later in the cascade.
 */
export function installTokens(doc: Document, { styleSheet }: CSSResult = baseTokens): void {
  const adopted = doc.adoptedStyleSheets;
  if (styleSheet && adopted && !adopted.includes(styleSheet))
    doc.adoptedStyleSheets = [styleSheet, ...adopted];
}
