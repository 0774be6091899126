import { css, html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import {
  CkFormControl,
  baseStyles,
  defineElement,
  fieldStyles,
  type ValidationIssue,
} from '@checkr-kit/core';

/**
 * A form-associated checkbox with a large touch target. `required` means it must be ticked (an
 * acknowledgement); the form submits `value` when checked, nothing otherwise.
 *
 * @tagname ck-checkbox
 * @summary Checkbox with label, hint, validation and a form value.
 * @csspart base - The wrapper.
 * @csspart control - The native checkbox.
 * @csspart label - The label.
 * @csspart hint - The hint.
 * @csspart error - The error message.
 * @cssstate user-invalid - Unticked but required, after interaction or a submit attempt.
 * @event change - The box was ticked or unticked.
 */
export class CkCheckbox extends CkFormControl {
  static override styles = [
    baseStyles,
    fieldStyles,
    css`
      :host {
        margin-block-end: var(--ck-space-m);
      }
      .row {
        display: flex;
        gap: var(--ck-space-s);
        align-items: flex-start;
      }
      input[type='checkbox'] {
        flex: none;
        width: 1.5rem;
        height: 1.5rem;
        min-height: 0;
        margin: 0.1rem 0 0;
        accent-color: var(--ck-color-brand);
      }
      [part='label'] {
        font-weight: normal;
        margin: 0;
        cursor: pointer;
      }
      [part='hint'],
      [part='error'] {
        margin-inline-start: calc(1.5rem + var(--ck-space-s));
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    checked: { type: Boolean, reflect: true },
  };

  checked = false;
  /** The code reported when required and unticked. */
  override requiredCode = 'acknowledge_required';

  private defaultChecked = false;
  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('input');
  }

  constructor() {
    super();
    this.value = 'on';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) this.defaultChecked = this.checked;
  }

  protected get anchor(): HTMLElement | null {
    return this.input;
  }

  protected validateValue(): ValidationIssue | undefined {
    return this.required && !this.checked ? this.requiredIssue() : undefined;
  }

  protected override formValue(): string | null {
    return this.checked ? this.value : null;
  }

  override formResetCallback(): void {
    super.formResetCallback();
    this.checked = this.defaultChecked;
  }

  override formStateRestoreCallback(restored: string | File | FormData | null): void {
    this.checked = restored !== null;
  }

  private handleToggle(event: Event): void {
    this.checked = (event.target as HTMLInputElement).checked;
    this.handleChange();
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="frame">
        ${this.renderError()}
        <div class="row">
          <input
            part="control"
            id="control"
            type="checkbox"
            .checked=${this.checked}
            ?required=${this.required}
            ?disabled=${this.disabled}
            aria-invalid=${this.showError ? 'true' : 'false'}
            aria-describedby=${this.describedBy()}
            @change=${this.handleToggle}
          />
          <label part="label" for="control"><slot>${this.label}</slot></label>
        </div>
        ${this.hint ? html`<div part="hint" id="hint">${this.hint}</div>` : nothing}
      </div>
    `;
  }
}

defineElement('ck-checkbox', CkCheckbox);

declare global {
  interface HTMLElementTagNameMap {
    'ck-checkbox': CkCheckbox;
  }
}
