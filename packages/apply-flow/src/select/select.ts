import { css, html, type TemplateResult, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  CkFormControl,
  baseStyles,
  defineElement,
  fieldStyles,
  type ValidationIssue,
} from '@checkr-kit/core';
import { OptionNodes, type SelectOption } from './option-nodes.ts';

export type { SelectOption };

/**
 * A labelled native `<select>` (the most robust choice on phones and with screen readers). With
 * `states`, it lists the 50 states, DC and Puerto Rico, in the page's language.
 *
 * @tagname ck-select
 * @summary Native select with label, hint, validation and a form value.
 * @csspart base - The wrapper.
 * @csspart label - The label.
 * @csspart hint - The hint.
 * @csspart error - The error message.
 * @csspart select - The native select.
 * @cssstate user-invalid - Invalid after interaction or a submit attempt.
 * @event change - The choice changed.
 */
export class CkSelect extends CkFormControl {
  static override styles = [
    baseStyles,
    fieldStyles,
    css`
      select {
        max-width: 22rem;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    options: { attribute: false },
    states: { type: Boolean },
    autocomplete: {},
  };

  /** The choices; ignored when `states` is set. */
  options: SelectOption[] = [];
  /** List the US states, DC and Puerto Rico. */
  states = false;
  autocomplete: string | undefined;
  /** The code reported when required and nothing is chosen. */
  override requiredCode = 'driver_license_state_required';

  private readonly optionNodes = new OptionNodes();

  private get select(): HTMLSelectElement | null {
    return this.renderRoot.querySelector<HTMLSelectElement>('select');
  }

  protected get anchor(): HTMLElement | null {
    return this.select;
  }

  protected validateValue(): ValidationIssue | undefined {
    return undefined;
  }

  private handleSelect(event: Event): void {
    this.value = (event.target as HTMLSelectElement).value;
    this.handleChange();
  }

  override render(): TemplateResult {
    return this.renderFrame(html`
      <select
        part="select"
        id="control"
        .value=${live(this.value)}
        autocomplete=${ifDefined(this.autocomplete)}
        ?required=${this.required}
        ?disabled=${this.disabled}
        aria-invalid=${this.showError ? 'true' : 'false'}
        aria-describedby=${this.describedBy()}
        @change=${this.handleSelect}
        @blur=${this.handleBlur}
      >
        <option value="">${this.localize.term('select_placeholder')}</option>
        ${this.optionNodes.of(
          this.states ? this.localize.validation.stateNames : this.options,
          this.value,
        )}
      </select>
    `);
  }
}

defineElement('ck-select', CkSelect);

declare global {
  interface HTMLElementTagNameMap {
    'ck-select': CkSelect;
  }
}
