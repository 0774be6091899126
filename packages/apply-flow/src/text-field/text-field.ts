import { html, type TemplateResult, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CkFormControl, defineElement } from '@checkr-kit/core';
import type { ValidationIssue, ValidationResult } from '@checkr-kit/validation';

/**
 * A labelled text input that validates with a rule from `@checkr-kit/validation`.
 *
 * @tagname ck-text-field
 * @summary Text input with label, hint, live validation and a form value.
 * @csspart base - The wrapper of label, hint, error and input.
 * @csspart label - The label.
 * @csspart hint - The hint under the label.
 * @csspart error - The error message, shown once the person has interacted.
 * @csspart input - The native input.
 * @cssstate user-invalid - Invalid after interaction or a submit attempt.
 * @event change - The value was committed (re-dispatched from the inner input).
 * @event input - The value changed as the person typed.
 * @cssprop --ck-color-danger - Error text and border colour.
 */
export class CkTextField extends CkFormControl {
  static override properties: PropertyDeclarations = {
    autocomplete: {},
    inputmode: {},
    maxlength: { type: Number },
    validator: { attribute: false },
  };

  /** The `autocomplete` token, such as `given-name`. Set it on every PII field. */
  autocomplete: string | undefined;
  inputmode: string | undefined;
  maxlength: number | undefined;
  /** A validator from `@checkr-kit/validation`; its first error is shown. */
  validator: ((value: string) => ValidationResult<unknown>) | undefined;

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('input');
  }

  protected get anchor(): HTMLElement | null {
    return this.input;
  }

  protected validateValue(value: string): ValidationIssue | undefined {
    const result = this.validator?.(value);
    return result && !result.ok ? result.errors[0] : undefined;
  }

  private handleInput(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
  }

  override render(): TemplateResult {
    return this.renderFrame(html`
      <input
        part="input"
        id="control"
        type="text"
        .value=${live(this.value)}
        name=${this.name}
        autocomplete=${ifDefined(this.autocomplete)}
        inputmode=${ifDefined(this.inputmode)}
        maxlength=${ifDefined(this.maxlength)}
        ?required=${this.required}
        ?disabled=${this.disabled}
        aria-invalid=${this.showError ? 'true' : 'false'}
        aria-describedby=${this.describedBy()}
        @input=${this.handleInput}
        @change=${this.handleChange}
        @blur=${this.handleBlur}
      />
    `);
  }
}

defineElement('ck-text-field', CkTextField);

declare global {
  interface HTMLElementTagNameMap {
    'ck-text-field': CkTextField;
  }
}
