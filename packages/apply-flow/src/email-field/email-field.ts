import { css, html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { CkSuggestionAcceptEvent, defineElement, linkButtonStyles } from '@checkr-kit/core';
import { suggestEmail, validateEmail } from '@checkr-kit/validation';
import { CkTextField } from '../text-field/text-field.ts';

/**
 * Email address with a "did you mean" suggestion for common provider typos (`gmeil.con`), offered
 * after the person leaves the field and accepted in one action. The suggestion is never an error.
 *
 * @tagname ck-email-field
 * @summary Email input with typo suggestion.
 * @csspart base - The wrapper.
 * @csspart label - The label.
 * @csspart hint - The hint.
 * @csspart error - The error message.
 * @csspart input - The native input.
 * @csspart suggestion - The "did you mean" line and its button.
 * @cssstate user-invalid - Invalid after interaction or a submit attempt.
 * @event change - The value was committed, by typing or by accepting the suggestion.
 * @event ck-suggestion-accept - The suggestion was accepted (carries no address).
 */
export class CkEmailField extends CkTextField {
  static override styles = [
    ...CkTextField.styles,
    linkButtonStyles,
    css`
      [part='suggestion'] {
        margin-block-start: var(--ck-space-xs);
        display: flex;
        flex-wrap: wrap;
        gap: var(--ck-space-s);
        align-items: center;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    suggestion: { state: true },
  };

  private suggestion: string | undefined;

  constructor() {
    super();
    this.autocomplete = 'email';
    this.inputmode = 'email';
    this.requiredCode = 'email_required';
    this.validator = validateEmail;
  }

  protected override handleChange(): void {
    this.suggestion = suggestEmail(this.value);
    super.handleChange();
  }

  private handleAccept(): void {
    if (!this.suggestion) return;
    this.value = this.suggestion;
    this.suggestion = undefined;
    this.dispatchEvent(new CkSuggestionAcceptEvent());
    this.dispatchEvent(new Event('change', { bubbles: true }));
    this.updateComplete.then(() => this.shadowRoot?.querySelector('input')?.focus());
  }

  override render(): TemplateResult {
    const field = super.render();
    if (!this.suggestion || this.suggestion === this.value) return field;
    return html`${field}
      <div part="suggestion" role="status">
        <span>${this.localize.term('email_suggestion', { suggestion: this.suggestion })}</span>
        <button type="button" class="link" @click=${this.handleAccept}>
          ${this.localize.term('email_suggestion_accept', { suggestion: this.suggestion })}
        </button>
      </div>
      ${nothing}`;
  }
}

defineElement('ck-email-field', CkEmailField);

declare global {
  interface HTMLElementTagNameMap {
    'ck-email-field': CkEmailField;
  }
}
