import {
  css,
  html,
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
import { validateDob } from '@checkr-kit/validation';

type Part = 'day' | 'month' | 'year';

const orders = new Map<string, readonly Part[]>();

/**
 * The order a language without a `dateOrder` in its translation writes dates in, from `Intl`. The
 * first `Intl.DateTimeFormat` of a page loads the browser's date data (15 to 35 ms on a desktop,
 * four times that on a phone), which is why the kit's own languages carry their order.
 */
function intlOrder(lang: string): readonly Part[] {
  let order = orders.get(lang);
  if (!order) {
    let parts: Part[] = [];
    try {
      parts = new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : lang)
        .formatToParts(new Date(2000, 10, 22))
        .map((p) => p.type)
        .filter((t): t is Part => t === 'day' || t === 'month' || t === 'year');
    } catch {
      // A `lang` that is no language tag (`en_US`): the page still needs a date of birth.
    }
    order = parts.length === 3 ? parts : ['month', 'day', 'year'];
    orders.set(lang, order);
  }
  return order;
}

/**
 * Date of birth as three numeric inputs (the GOV.UK "memorable date" pattern) rather than a native
 * date picker: a birth date is known, not picked; calendar widgets make people scroll back decades,
 * vary by browser, and are hard to use with a screen reader. The order follows the language (month,
 * day, year in English; day, month, year in Spanish). The value is `YYYY-MM-DD`.
 *
 * @tagname ck-dob-field
 * @summary Date of birth as day, month and year inputs.
 * @csspart base - The fieldset.
 * @csspart label - The legend.
 * @csspart hint - The hint.
 * @csspart error - The error message.
 * @csspart input - Each of the three inputs.
 * @cssstate user-invalid - Invalid after interaction or a submit attempt.
 * @event change - A part was committed.
 */
export class CkDobField extends CkFormControl {
  static override styles = [
    baseStyles,
    fieldStyles,
    css`
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        min-width: 0;
      }
      legend {
        padding: 0;
      }
      .parts {
        display: flex;
        gap: var(--ck-space-m);
      }
      .part label {
        display: block;
        font-size: var(--ck-font-size-s);
      }
      .part input {
        width: 4.5rem;
      }
      .part.year input {
        width: 6.5rem;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    minAge: { type: Number, attribute: 'min-age' },
    day: { state: true },
    month: { state: true },
    year: { state: true },
  };

  /** The package's minimum age: 16 or 18. */
  minAge: 16 | 18 = 18;
  override requiredCode = 'dob_required';

  private day = '';
  private month = '';
  private year = '';
  private composing = false;

  private get first(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('input');
  }

  protected get anchor(): HTMLElement | null {
    return this.first;
  }

  protected validateValue(value: string): ValidationIssue | undefined {
    const result = validateDob(value, { minAge: this.minAge });
    return result.ok ? undefined : result.errors[0];
  }

  protected override hintText(): string {
    return this.hint || this.localize.term('dob_hint');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && !this.composing) {
      const [year = '', month = '', day = ''] = this.value.split('-');
      this.year = year;
      this.month = month.replace(/^0(?=\d)/, '');
      this.day = day.replace(/^0(?=\d)/, '');
    }
    this.composing = false;
    super.willUpdate(changed);
  }

  private handlePart(part: Part, event: Event): void {
    const input = event.target as HTMLInputElement;
    this[part] = input.value.replace(/\D/g, '');
    const { day, month, year } = this;
    this.composing = true;
    this.value =
      day || month || year
        ? day && month && year.length === 4
          ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
          : `${year}-${month}-${day}`
        : '';
  }

  /** Moving between the three inputs is not leaving the field: judge it once focus leaves all three. */
  protected override handleChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  protected override handleBlur(event?: FocusEvent): void {
    const next = event?.relatedTarget;
    if (next instanceof Node && this.shadowRoot?.contains(next)) return;
    if (this.value !== '' || this.interacted) this.markLeft();
  }

  /** The catalog's order where the language has one (it matches the hint's example), else Intl's. */
  private order(): readonly Part[] {
    return this.localize.translation.dateOrder ?? intlOrder(this.localize.lang);
  }

  private renderPart(part: Part, index: number): TemplateResult {
    return html`<div class="part ${part}">
      <label for=${index === 0 ? 'control' : part}>${this.localize.term(`dob_${part}`)}</label>
      <input
        part="input"
        id=${index === 0 ? 'control' : part}
        name=${part}
        type="text"
        inputmode="numeric"
        autocomplete=${`bday-${part}`}
        maxlength=${part === 'year' ? 4 : 2}
        .value=${live(this[part])}
        ?disabled=${this.disabled}
        aria-invalid=${this.showError ? 'true' : 'false'}
        aria-describedby=${this.describedBy()}
        @input=${(event: Event) => this.handlePart(part, event)}
        @change=${this.handleChange}
        @blur=${this.handleBlur}
      />
    </div>`;
  }

  override render(): TemplateResult {
    return html`
      <fieldset part="base" class="frame" aria-describedby=${this.describedBy()}>
        <legend part="label">${this.label}</legend>
        <div part="hint" id="hint">${this.hintText()}</div>
        ${this.renderError()}
        <div class="parts">${this.order().map((part, index) => this.renderPart(part, index))}</div>
      </fieldset>
    `;
  }
}

defineElement('ck-dob-field', CkDobField);

declare global {
  interface HTMLElementTagNameMap {
    'ck-dob-field': CkDobField;
  }
}
