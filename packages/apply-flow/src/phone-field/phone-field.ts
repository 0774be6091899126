import { css } from 'lit';
import { defineElement } from '@checkr-kit/core';
import { validatePhone } from '@checkr-kit/validation';
import { CkTextField } from '../text-field/text-field.ts';

/**
 * A US phone number: any usual formatting accepted, a telephone keyboard, `tel-national` autofill.
 *
 * @tagname ck-phone-field
 * @summary US phone number input.
 * @csspart base - The wrapper.
 * @csspart label - The label.
 * @csspart hint - The hint.
 * @csspart error - The error message.
 * @csspart input - The native input.
 * @cssstate user-invalid - Invalid after interaction or a submit attempt.
 * @event change - The value was committed.
 */
export class CkPhoneField extends CkTextField {
  static override styles = [
    ...CkTextField.styles,
    css`
      :host {
        --_input-width: 14rem;
      }
    `,
  ];

  constructor() {
    super();
    this.autocomplete = 'tel-national';
    this.inputmode = 'tel';
    this.requiredCode = 'phone_invalid';
    this.validator = validatePhone;
  }
}

defineElement('ck-phone-field', CkPhoneField);

declare global {
  interface HTMLElementTagNameMap {
    'ck-phone-field': CkPhoneField;
  }
}
