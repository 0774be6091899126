import { ReactiveElement, css, type CSSResult, type CSSResultGroup } from '@lit/reactive-element';
import { forwardToHost } from './rn-bridge.ts';
import { baseTokens, installTokens } from './tokens.styles.ts';

/*
 * What every kit element shares, on Lit's own base, `@lit/reactive-element`, and never `lit`:
 * importing `lit` brings lit-html's template engine (about 3 KB gzip) to a page even where no
 * element renders a template, and the Pay embed makes its few nodes itself.
 */

/** What every kit element's host needs: the box model and the font. */
export const hostStyles: CSSResult = css`
  :host {
    box-sizing: border-box;
    font-family: var(--ck-font-family);
    font-size: var(--ck-font-size-m);
    line-height: var(--ck-line-height);
    color: var(--ck-color-text);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/** A primary button with a visible focus ring (the Pay embed's retry). */
export const primaryButtonStyles: CSSResult = css`
  button {
    font: inherit;
    font-weight: var(--ck-font-weight-strong);
    min-height: var(--ck-control-height);
    padding: 0 var(--ck-space-xl);
    border-radius: var(--ck-radius-s);
    border: 2px solid var(--ck-color-brand);
    background: var(--ck-color-brand);
    color: var(--ck-color-on-brand);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--ck-focus-ring);
  }
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript's rule for a mixin's base
type ReactiveElementClass = abstract new (...args: any[]) => ReactiveElement;

/**
 * What makes an element a `ck-*` element, on whichever Lit base it is built (Lit's mixin
 * pattern): the design tokens in its document, the host styles, and its `ck-*` events posted to
 * a React Native host too. `CkBaseElement` is this over `LitElement` (templates: the fields and
 * the flow), `CkReactiveElement` over `ReactiveElement` (the Pay embed). It adds no API, so
 * its type is its base's: what the package's declarations can name.
 */
export const CkBase = <T extends ReactiveElementClass>(Base: T): T => {
  abstract class CkBaseClass extends Base {
    static styles: CSSResultGroup = [hostStyles];

    override connectedCallback(): void {
      installTokens(this.ownerDocument, baseTokens);
      super.connectedCallback();
    }

    /**
     * Every `ck-*` event the element dispatches goes to a React Native host as well
     * (rn-bridge.ts), once, whichever and however many copies of the kit the page loaded.
     */
    override dispatchEvent(event: Event): boolean {
      if (event.type.startsWith('ck-')) forwardToHost(event);
      return super.dispatchEvent(event);
    }
  }
  return CkBaseClass;
};

/**
 * The base of a kit element with no templates, which makes its nodes once and sets their text and
 * attributes in `update()`: Lit's reactive properties, styles, controllers and update cycle
 * without lit-html. A page with the Pay embed alone downloads no template engine.
 */
export class CkReactiveElement extends CkBase(ReactiveElement) {}

/**
 * `customElements.define` that tolerates the kit being loaded twice on one page (a script tag and
 * an npm bundle, say): the first definition wins and the second is a no-op instead of a throw.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
