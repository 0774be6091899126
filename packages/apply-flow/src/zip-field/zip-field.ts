import { css } from 'lit';
import { defineElement } from '@checkr-kit/core';
import { validateZipcode } from '@checkr-kit/validation';
import { CkTextField } from '../text-field/text-field.ts';

/**
 * A 5-digit ZIP code (ZIP+4 accepted), numeric keyboard, `postal-code` autofill.
 *
 * @tagname ck-zip-field
 * @summary ZIP code input.
 * @csspart base - The wrapper.
 * @csspart label - The label.
 * @csspart hint - The hint.
 * @csspart error - The error message.
 * @csspart input - The native input.
 * @cssstate user-invalid - Invalid after interaction or a submit attempt.
 * @event change - The value was committed.
 */
export class CkZipField extends CkTextField {
  static override styles = [
    ...CkTextField.styles,
    css`
      :host {
        --_input-width: 8rem;
      }
    `,
  ];

  constructor() {
    super();
    this.autocomplete = 'postal-code';
    this.inputmode = 'numeric';
    this.maxlength = 10;
    this.requiredCode = 'zipcode_required';
    this.validator = validateZipcode;
  }
}

defineElement('ck-zip-field', CkZipField);

declare global {
  interface HTMLElementTagNameMap {
    'ck-zip-field': CkZipField;
  }
}
