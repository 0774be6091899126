import { LitElement, css, type CSSResultGroup } from 'lit';
import { FormLocalizeController } from './localize.ts';
import { forwardToHost } from './rn-bridge.ts';
import { SLICE_MS, renderInSlice, sliceSpent } from './slices.ts';
import { formTokens } from './form-tokens.styles.ts';
import { baseTokens, installTokens } from './tokens.styles.ts';
import { buttonVariantStyles, visuallyHiddenStyles } from './apply.styles.ts';

/** What every kit element's host needs: the box model and the font. */
export const hostStyles = css`
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

/** Styles the fields and the flow share: the box model, the font, and the visually-hidden utility. */
export const baseStyles = [hostStyles, visuallyHiddenStyles];

/** A primary button with a visible focus ring (the Pay embed's retry). */
export const primaryButtonStyles = css`
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

/** The kit's buttons: primary by default, `.secondary` outlined, a visible focus ring, busy state. */
export const buttonStyles = [primaryButtonStyles, buttonVariantStyles];

/**
 * The one base class of every `ck-*` element: the design tokens in its document, the host
 * styles, and its `ck-*` events posted to a React Native host too. Localization is the
 * element's own (`CkElement` for the fields and the flow), so the Pay embed alone stays small.
 */
export class CkBaseElement extends LitElement {
  static override styles: CSSResultGroup = [hostStyles];

  override connectedCallback(): void {
    installTokens(this.ownerDocument, baseTokens);
    super.connectedCallback();
  }

  /**
   * Every `ck-*` event the element dispatches goes to a React Native host as well (rn-bridge.ts),
   * once, whichever and however many copies of the kit the page loaded.
   */
  override dispatchEvent(event: Event): boolean {
    if (event.type.startsWith('ck-')) forwardToHost(event);
    return super.dispatchEvent(event);
  }
}

/**
 * The base of the apply flow's elements: localization with validation messages and dates, the
 * tokens only they use, and first renders in slices.
 */
export class CkElement extends CkBaseElement {
  protected readonly localize = new FormLocalizeController(this);

  override connectedCallback(): void {
    installTokens(this.ownerDocument, formTokens);
    super.connectedCallback();
  }

  /**
   * Starts the clock of this task's rendering (slices.ts). A first render waits for a later
   * task once the task has rendered for longer than `firstRenderBudget()`; every other update
   * runs at once.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const budget = this.hasUpdated ? Infinity : this.firstRenderBudget();
    if (sliceSpent(budget)) return renderInSlice(() => super.scheduleUpdate(), budget);
    return super.scheduleUpdate();
  }

  /**
   * How long this task may have rendered before this element's first render waits for a later
   * one: a slice inside a form not shown yet (ck-pii-form's, until its fields and its rights
   * disclosure have rendered), where nobody can see or reach it meanwhile; never (`Infinity`)
   * for what is seen at once.
   */
  protected firstRenderBudget(): number {
    return this.closest('form')?.hidden ? SLICE_MS : Infinity;
  }

  /**
   * Complete once the kit elements this one rendered have rendered too: fields of a long step
   * render for the first time in later tasks (slices.ts).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await Promise.allSettled(
      [...this.renderRoot.querySelectorAll('*')].map(
        (el) => el instanceof CkElement && !el.hasUpdated && el.updateComplete,
      ),
    );
    return result;
  }
}

/**
 * `customElements.define` that tolerates the kit being loaded twice on one page (a script tag and
 * an npm bundle, say): the first definition wins and the second is a no-op instead of a throw.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
