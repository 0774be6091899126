import {
  css,
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { live } from 'lit/directives/live.js';
import {
  CkFormControl,
  baseStyles,
  defineElement,
  fieldStyles,
  type ValidationIssue,
} from '@checkr-kit/core';
import { LICENSE_FORMATS, normalizeState, validateDriverLicense } from '@checkr-kit/validation';
import { OptionNodes } from '../select/option-nodes.ts';

/**
 * Driver's licence: the issuing state, then the number, with that state's format under the
 * number ("1 letter followed by 7 digits") in the page's language. Submits two form entries,
 * `driver_license_state` and `driver_license_number`.
 *
 * @tagname ck-driver-license-field
 * @summary Licence state and number, validated by the state's format.
 * @csspart base - The wrapper.
 * @csspart label - Each label.
 * @csspart hint - The state's number format.
 * @csspart error - The error message.
 * @csspart select - The state select.
 * @csspart input - The number input.
 * @cssstate user-invalid - Invalid after interaction or a submit attempt.
 * @event change - The state or the number was committed.
 */
export class CkDriverLicenseField extends CkFormControl {
  static override styles = [
    baseStyles,
    fieldStyles,
    css`
      .pair {
        display: grid;
        gap: var(--ck-space-m);
      }
      select {
        max-width: 22rem;
      }
      input {
        max-width: 22rem;
        text-transform: uppercase;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    state: {},
    stateLabel: { attribute: 'state-label' },
  };

  /** The issuing state (`CA`). `value` holds the number. */
  state = '';
  stateLabel = '';

  private readonly stateNodes = new OptionNodes();

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('input');
  }
  private get select(): HTMLSelectElement | null {
    return this.renderRoot.querySelector<HTMLSelectElement>('select');
  }

  protected get anchor(): HTMLElement | null {
    return this.currentIssue?.pointer === '/driver_license_state' ? this.select : this.input;
  }

  protected validateValue(value: string): ValidationIssue | undefined {
    const result = validateDriverLicense(value, this.state);
    return result.ok ? undefined : result.errors[0];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A state chosen without a number is incomplete even when the field is optional.
    if (!this.issue && this.value.trim() === '' && this.state !== '') {
      this.issue = { code: 'driver_license_number_required', pointer: '/driver_license_number' };
    }
  }

  protected override requiredIssue(): ValidationIssue {
    const result = validateDriverLicense('', this.state);
    return result.ok
      ? { code: 'driver_license_number_required', pointer: '/driver_license_number' }
      : result.errors[0]!;
  }

  protected override formValue(): FormData | null {
    if (!this.value && !this.state) return null;
    const data = new FormData();
    data.append('driver_license_state', this.state);
    data.append('driver_license_number', this.value);
    return data;
  }

  protected override hintText(): string {
    const code = normalizeState(this.state);
    return code
      ? this.localize.term('license_number_hint', {
          format: this.localize.validation.licenseHint(LICENSE_FORMATS[code].hint),
        })
      : '';
  }

  private handleState(event: Event): void {
    this.state = (event.target as HTMLSelectElement).value;
    this.handleChange();
  }

  private handleNumber(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
  }

  override formResetCallback(): void {
    super.formResetCallback();
    this.state = '';
  }

  override render(): TemplateResult {
    const issue = this.currentIssue;
    const error = this.renderError();
    const stateError = issue?.pointer === '/driver_license_state';
    return html`
      <div part="base" class="frame pair">
        <div>
          <label part="label" for="state"
            >${this.stateLabel || this.localize.term('label_license_state')}</label
          >
          ${stateError ? error : nothing}
          <select
            part="select"
            id="state"
            .value=${live(this.state)}
            ?required=${this.required}
            ?disabled=${this.disabled}
            aria-invalid=${this.showError && stateError ? 'true' : 'false'}
            aria-describedby=${this.showError && stateError ? 'error' : ''}
            @change=${this.handleState}
            @blur=${this.handleBlur}
          >
            <option value="">${this.localize.term('select_placeholder')}</option>
            ${this.stateNodes.of(this.localize.validation.stateNames, this.state)}
          </select>
        </div>
        <div>
          <label part="label" for="control"
            >${this.label || this.localize.term('label_license_number')}</label
          >
          ${this.hintText() ? html`<div part="hint" id="hint">${this.hintText()}</div>` : nothing}
          ${stateError ? nothing : error}
          <input
            part="input"
            id="control"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            maxlength="25"
            .value=${live(this.value)}
            ?required=${this.required}
            ?disabled=${this.disabled}
            aria-invalid=${this.showError && !stateError ? 'true' : 'false'}
            aria-describedby=${this.describedBy()
              .replace(stateError ? 'error' : '\u0000', '')
              .trim()}
            @input=${this.handleNumber}
            @change=${this.handleChange}
            @blur=${this.handleBlur}
          />
        </div>
      </div>
    `;
  }
}

defineElement('ck-driver-license-field', CkDriverLicenseField);

declare global {
  interface HTMLElementTagNameMap {
    'ck-driver-license-field': CkDriverLicenseField;
  }
}
