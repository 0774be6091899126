import { LitElement } from 'lit';
import { CkBase, hostStyles, primaryButtonStyles } from './ck-base.ts';
import { FormLocalizeController } from './localize.ts';
import { SLICE_MS, renderInSlice, sliceSpent } from './slices.ts';
import { formTokens } from './form-tokens.styles.ts';
import { installTokens } from './tokens.styles.ts';
import { buttonVariantStyles, visuallyHiddenStyles } from './apply.styles.ts';

/** Styles the fields and the flow share: the box model, the font, and the visually-hidden utility. */
export const baseStyles = [hostStyles, visuallyHiddenStyles];

/** The kit's buttons: primary by default, `.secondary` outlined, a visible focus ring, busy state. */
export const buttonStyles = [primaryButtonStyles, buttonVariantStyles];

/**
 * The base of the kit's elements that render templates (the fields and the flow): `CkBase` over
 * `LitElement`.
 */
export class CkBaseElement extends CkBase(LitElement) {}

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
