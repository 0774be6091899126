import { html, type TemplateResult, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { CkFormControl, defineElement, fieldStyles, baseStyles } from '@checkr-kit/core';
import { formatSsn, validateSsn, type ValidationIssue } from '@checkr-kit/validation';
import { ssnFieldStyles } from './ssn-field.styles.ts';

/** Where the caret belongs after re-formatting: after the same count of digits as before. */
function caretAfterDigits(formatted: string, digits: number): number {
  if (digits === 0) return 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (/\d/.test(formatted[i]!)) seen++;
    if (seen === digits) return i + 1;
  }
  return formatted.length;
}

/**
 * The Social Security number, masked by default, formatted as typed (`123-45-6789`), with a
 * numeric keyboard and a show/hide toggle. `autocomplete="off"` keeps it out of the browser's
 * autofill history, and it is never stored anywhere by the kit.
 *
 * @tagname ck-ssn-field
 * @summary Masked SSN input with live formatting and validation.
 * @csspart base - The wrapper.
 * @csspart label - The label.
 * @csspart hint - The format hint.
 * @csspart error - The error message.
 * @csspart input - The native input.
 * @csspart toggle - The show/hide button.
 * @cssstate user-invalid - Invalid after interaction or a submit attempt.
 * @event change - The value was committed.
 * @event input - The value changed as the person typed.
 */
export class CkSsnField extends CkFormControl {
  static override styles = [baseStyles, fieldStyles, ssnFieldStyles];

  static override properties: PropertyDeclarations = {
    revealed: { type: Boolean, reflect: true },
    supportsTextSecurity: { state: true },
  };

  /** Show the digits instead of dots. The person toggles it with the button. */
  revealed = false;
  override requiredCode = 'ssn_required';
  private supportsTextSecurity = CSS.supports('-webkit-text-security', 'disc');

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('input');
  }

  protected get anchor(): HTMLElement | null {
    return this.input;
  }

  protected validateValue(value: string): ValidationIssue | undefined {
    const result = validateSsn(value);
    return result.ok ? undefined : result.errors[0];
  }

  protected override hintText(): string {
    return this.hint || this.localize.term('ssn_hint');
  }

  private handleInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    const caret = input.selectionStart ?? input.value.length;
    const digitsBeforeCaret = input.value.slice(0, caret).replace(/\D/g, '').length;
    const formatted = formatSsn(input.value);
    input.value = formatted;
    const position = caretAfterDigits(formatted, digitsBeforeCaret);
    input.setSelectionRange(position, position);
    this.value = formatted;
  }

  private handleToggle(): void {
    this.revealed = !this.revealed;
  }

  override render(): TemplateResult {
    const masked = !this.revealed;
    // Where the browser lacks -webkit-text-security, a password input masks instead.
    const type = masked && !this.supportsTextSecurity ? 'password' : 'text';
    return this.renderFrame(html`
      <input
        part="input"
        id="control"
        class=${masked ? 'masked' : ''}
        type=${type}
        .value=${live(this.value)}
        inputmode="numeric"
        autocomplete="off"
        autocorrect="off"
        spellcheck="false"
        maxlength="11"
        data-1p-ignore
        data-lpignore="true"
        ?required=${this.required}
        ?disabled=${this.disabled}
        aria-invalid=${this.showError ? 'true' : 'false'}
        aria-describedby=${this.describedBy()}
        @input=${this.handleInput}
        @change=${this.handleChange}
        @blur=${this.handleBlur}
      />
      <button
        part="toggle"
        type="button"
        aria-pressed=${this.revealed ? 'true' : 'false'}
        ?disabled=${this.disabled}
        @click=${this.handleToggle}
      >
        ${this.localize.term('ssn_show')}<span class="visually-hidden">
          ${this.localize.term('ssn_show_what')}</span
        >
      </button>
    `);
  }
}

defineElement('ck-ssn-field', CkSsnField);

declare global {
  interface HTMLElementTagNameMap {
    'ck-ssn-field': CkSsnField;
  }
}
