import {
  css,
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import type { ValidationIssue as RuleIssue } from '@checkr-kit/validation';

/** A rule's issue, or one of the components' own codes (translated from the terms). */
export type ValidationIssue =
  RuleIssue | { code: string; pointer: string; params?: Record<string, string | number> };
import { CkElement, baseStyles } from './base-element.ts';
import { registerTranslation } from './localize.ts';
import { enApply } from './translations/en.ts';

// Every field speaks English and knows the validation messages, without the Pay embed paying for it.
registerTranslation(enApply);

/** Layout shared by every field: label, hint, error, control, in the GOV.UK order. */
export const fieldStyles = css`
  :host {
    display: block;
    margin-block-end: var(--ck-space-l);
  }
  [part='label'] {
    display: block;
    font-weight: var(--ck-font-weight-strong);
    margin-block-end: var(--ck-space-2xs);
  }
  .optional {
    font-weight: normal;
    color: var(--ck-color-text-muted);
  }
  [part='hint'] {
    color: var(--ck-color-text-muted);
    font-size: var(--ck-font-size-s);
    margin-block-end: var(--ck-space-xs);
  }
  [part='error'] {
    color: var(--ck-color-danger);
    font-weight: var(--ck-font-weight-strong);
    font-size: var(--ck-font-size-s);
    margin-block-end: var(--ck-space-xs);
  }
  .control {
    display: flex;
    align-items: stretch;
    gap: var(--ck-space-s);
  }
  input,
  select {
    font: inherit;
    color: var(--ck-color-text);
    background: var(--ck-color-surface);
    border: 2px solid var(--ck-color-border);
    border-radius: var(--ck-radius-s);
    min-height: var(--ck-control-height);
    padding: var(--ck-space-xs) var(--ck-space-s);
    width: 100%;
    /* Sized to the expected answer (GOV.UK): fields with short answers set --_input-width. */
    max-width: var(--_input-width, 100%);
    min-width: 0;
    transition: box-shadow var(--ck-transition);
  }
  input:focus-visible,
  select:focus-visible,
  button:focus-visible {
    outline: 2px solid transparent;
    box-shadow: var(--ck-focus-ring);
  }
  :host(:state(user-invalid)) input,
  :host(:state(user-invalid)) select {
    border-color: var(--ck-color-danger);
  }
  :host(:state(user-invalid)) .frame {
    border-inline-start: 4px solid var(--ck-color-danger);
    padding-inline-start: var(--ck-space-m);
  }
  input:disabled,
  select:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
`;

/**
 * How many scripted `checkValidity()` calls are running. The `invalid` events they fire are a
 * script asking, not a person submitting, so they show no error: native controls turn
 * `:user-invalid` on submit and `reportValidity()` only. Events fire synchronously inside the
 * call, so a counter is enough.
 */
let scriptedChecks = 0;
function quietly<T>(check: () => T): T {
  scriptedChecks++;
  try {
    return check();
  } finally {
    scriptedChecks--;
  }
}
/**
 * A form's own checkValidity() reaches its controls through the browser, not through them, so
 * each form that holds a field gets it wrapped once (as Shoelace wraps a form's validity
 * methods); it still returns the native answer. Submitting and reportValidity() are untouched.
 */
const wrappedForms = new WeakSet<HTMLFormElement>();
function quietFormChecks(form: HTMLFormElement | null): void {
  if (!form || wrappedForms.has(form)) return;
  wrappedForms.add(form);
  const check = form.checkValidity;
  form.checkValidity = () => quietly(() => check.call(form));
}

/**
 * Whether a mouse press or a tap is under way, and what waits for its end. Its mousedown moves
 * focus, so the field being left blurs in the middle of the press; an error shown then pushes
 * down what was pressed before the release, and the click lands elsewhere (a tap on the ESIGN
 * checkbox under a mistyped name did nothing). A field left by a press shows its error once the
 * press is over: after the click, which the browser dispatches in the same task as the mouseup.
 */
let pressing = false;
const afterPress: Array<() => void> = [];
let watchingPresses = false;
function watchPresses(): void {
  // One set of listeners for the page, for every field: never removed, as they hold nothing.
  if (watchingPresses) return;
  watchingPresses = true;
  const options = { capture: true, passive: true };
  const ended = () => {
    pressing = false;
    setTimeout(() => {
      for (const run of afterPress.splice(0)) run();
    });
  };
  window.addEventListener('mousedown', () => (pressing = true), options);
  window.addEventListener('mouseup', ended, options);
  // A press released outside the page, or a drag, has no mouseup here: the next key ends it.
  window.addEventListener('dragend', ended, options);
  window.addEventListener('keydown', ended, options);
}

/**
 * Base of every form field: a form-associated custom element (ElementInternals) that submits,
 * resets, restores, disables and validates like a native control. Validity is anchored on the
 * inner control, so the browser's own form validation focuses the right input. The
 * `:state(user-invalid)` custom state (and the visible error) appear only once the person has
 * left the field after changing it (when a press moved focus away, once that press is over), or
 * tried to submit, never while they first type.
 *
 * @cssstate user-invalid - The value is invalid and the person has interacted or submitted.
 */
export abstract class CkFormControl extends CkElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = {
    mode: 'open',
    delegatesFocus: true,
  };
  static override styles = [baseStyles, fieldStyles];

  protected readonly internals: ElementInternals = this.attachInternals();

  static override properties: PropertyDeclarations = {
    name: { reflect: true },
    label: {},
    hint: {},
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    value: {},
    interacted: { state: true },
    serverIssue: { state: true },
    requiredCode: { attribute: 'required-code' },
  };

  /** The name under which the value is submitted with the form. */
  name = '';
  /** The visible label. Every field needs one. */
  label = '';
  /** Help shown under the label; a field may add its own. */
  hint = '';
  required = false;
  disabled = false;
  /** The current value, as typed (formatting kept). */
  value = '';
  /** The code reported when the field is required and empty, such as `last_name_required`. */
  requiredCode = 'first_name_required';

  /** The value a form reset goes back to: the `value` the element was created with. */
  protected defaultValue = '';
  /** Set once the person has changed and left the field, or the form was submitted. */
  protected interacted = false;
  /** An error the server reported for this field; cleared when the value changes. */
  protected serverIssue: ValidationIssue | undefined;
  /** The issue the current value has, recomputed on each update. */
  protected issue: ValidationIssue | undefined;

  /** The rule for this field's value: `undefined` when valid. `required` is handled here. */
  protected abstract validateValue(value: string): ValidationIssue | undefined;
  /** The inner control validity messages point to. */
  protected abstract get anchor(): HTMLElement | null;

  constructor() {
    super();
    this.addEventListener('invalid', () => {
      // A submit attempt or reportValidity() found this field invalid: show the error now.
      if (!scriptedChecks) this.interacted = true;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchPresses();
    if (!this.hasUpdated) this.defaultValue = this.value;
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  /** Like the native one: answers, and shows nothing. */
  checkValidity(): boolean {
    return quietly(() => this.internals.checkValidity());
  }
  /** Like the native one, and also shows the field's error. */
  reportValidity(): boolean {
    this.interacted = true;
    return this.internals.reportValidity();
  }
  /** The current issue of the field (validation or server), for an error summary. */
  get currentIssue(): ValidationIssue | undefined {
    return this.serverIssue ?? this.issue;
  }
  /** Shows an error the server found (by code), until the person edits the field. */
  setServerIssue(issue: ValidationIssue | undefined): void {
    this.serverIssue = issue;
    this.interacted = issue !== undefined || this.interacted;
  }
  /** Marks the field as touched so its error shows, as after a submit attempt. */
  markInteracted(): void {
    this.interacted = true;
  }

  formAssociatedCallback(form: HTMLFormElement | null): void {
    quietFormChecks(form);
  }
  formResetCallback(): void {
    this.value = this.defaultValue;
    this.interacted = false;
    this.serverIssue = undefined;
  }
  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }
  formStateRestoreCallback(restored: string | File | FormData | null): void {
    if (typeof restored === 'string') this.value = restored;
  }

  /** What the form submits. Fields whose value is not a plain string override this. */
  protected formValue(): string | FormData | null {
    return this.value === '' ? null : this.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && changed.get('value') !== undefined) this.serverIssue = undefined;
    const value = this.value.trim();
    if (value === '') {
      this.issue = this.required ? this.requiredIssue() : undefined;
    } else {
      this.issue = this.validateValue(this.value);
    }
  }

  /**
   * What a required field reports when empty: `requiredCode` (ck-driver-license-field says which
   * of its two parts is missing instead).
   */
  protected requiredIssue(): ValidationIssue {
    return { code: this.requiredCode, pointer: `/${this.name}` };
  }

  protected override updated(): void {
    this.internals.setFormValue(this.formValue());
    const issue = this.currentIssue;
    if (issue) {
      this.internals.setValidity(
        { customError: true },
        this.localize.message(issue),
        this.anchor ?? undefined,
      );
    } else {
      this.internals.setValidity({});
    }
    const showError = Boolean(issue) && this.interacted;
    if (showError) this.internals.states.add('user-invalid');
    else this.internals.states.delete('user-invalid');
  }

  /** The re-dispatch Material Web uses: `change` does not cross the shadow boundary by itself. */
  protected handleChange(): void {
    this.markLeft(); // a text input's change fires as it loses focus, inside the press
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  protected handleBlur(_event?: FocusEvent): void {
    if (this.value !== this.defaultValue || this.interacted) this.markLeft();
  }

  /** The person left the field after changing it: its error shows, after any press under way. */
  protected markLeft(): void {
    if (pressing) afterPress.push(() => (this.interacted = true));
    else this.interacted = true;
  }

  protected get showError(): boolean {
    return this.interacted && this.currentIssue !== undefined;
  }

  /** `aria-describedby` of the control: hint and error, when shown. */
  protected describedBy(extra: string[] = []): string {
    return [
      ...(this.hintText() ? ['hint'] : []),
      ...extra,
      ...(this.showError ? ['error'] : []),
    ].join(' ');
  }

  protected hintText(): string {
    return this.hint;
  }

  /** The visible error (GOV.UK: prefixed "Error:" for screen readers), once the person interacted. */
  protected renderError(): TemplateResult | typeof nothing {
    const issue = this.currentIssue;
    if (!this.showError || !issue) return nothing;
    return html`<div part="error" id="error">
      <span class="visually-hidden">${this.localize.term('error_prefix')}</span>
      ${this.localize.message(issue)}
    </div>`;
  }

  /** Label, hint and error around a control, in one shadow root so ARIA references resolve. */
  protected renderFrame(
    control: TemplateResult,
    after: TemplateResult | typeof nothing = nothing,
  ): TemplateResult {
    const hint = this.hintText();
    return html`
      <div part="base" class="frame">
        <label part="label" for="control" id="label">
          ${this.label}
          ${this.required ? nothing : html`<span class="optional">${this.localize.term('optional')}</span>`}
        </label>
        ${hint ? html`<div part="hint" id="hint">${hint}</div>` : nothing} ${this.renderError()}
        <div class="control">${control}</div>
        ${after}
      </div>
    `;
  }
}
