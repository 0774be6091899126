import {
  html,
  nothing,
  render,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import {
  CkElement,
  CkPiiSubmitEvent,
  baseStyles,
  buttonStyles,
  defineElement,
  renderInSlice,
  type ApplyConfig,
  type ApplyDocument,
  type BffErrorItem,
  type CkFormControl,
} from '@checkr-kit/core';
import {
  validateCandidate,
  validateFirstName,
  validateLastName,
  validateMiddleName,
  type CandidateRules,
} from '@checkr-kit/validation';
import type { CkDisclosure } from '../disclosure/disclosure.ts';
import { piiFormStyles } from './pii-form.styles.ts';
import '../text-field/text-field.ts';
import '../email-field/email-field.ts';
import '../phone-field/phone-field.ts';
import '../zip-field/zip-field.ts';
import '../dob-field/dob-field.ts';
import '../ssn-field/ssn-field.ts';
import '../select/select.ts';
import '../driver-license-field/driver-license-field.ts';
import '../checkbox/checkbox.ts';
import '../disclosure/disclosure.ts';

/** One function for the form's life: a new one on each render would render the field again. */
const validateRequiredMiddleName = (value: string) => validateMiddleName(value, false);

/** What the candidate entered, kept in memory by the flow so going back loses nothing. */
export type PiiValues = Record<string, string | boolean>;

interface SummaryItem {
  target: string;
  message: string;
}

/**
 * The PII step: the fields the package needs, each validated as the candidate types, the FCRA
 * summary of rights with its acknowledgement on the same page when configured, and on submit an
 * error summary at the top that links to each failing field and takes focus (the GOV.UK pattern).
 * Server field errors (by JSON pointer) land on the right fields.
 *
 * @tagname ck-pii-form
 * @summary The candidate's personal details step.
 * @csspart error-summary - The list of problems shown after a submit attempt.
 * @csspart submit - The continue button.
 * @event ck-pii-submit - Valid details were submitted; `candidate()` gives the normalized payload.
 */
export class CkPiiForm extends CkElement {
  static override styles = [baseStyles, buttonStyles, piiFormStyles];

  static override properties: PropertyDeclarations = {
    requirements: { attribute: false },
    summary: { attribute: false },
    values: { attribute: false },
    serverErrors: { attribute: false },
    busy: { type: Boolean },
    noMiddleName: { state: true },
    summaryItems: { state: true },
  };

  /** What the package needs (from `GET /v1/apply/config`). */
  requirements: ApplyConfig['requirements'] = {
    min_age: 18,
    ssn: true,
    zipcode: true,
    driver_license: false,
  };
  /** The FCRA summary of rights, shown on this page when given. */
  summary: ApplyDocument | undefined;
  /** Values to show: prefill from the BFF, or what the candidate entered before going back. */
  values: PiiValues = {};
  /** Errors the BFF returned for fields. */
  serverErrors: readonly BffErrorItem[] = [];
  busy = false;

  private noMiddleName = false;
  private summaryItems: SummaryItem[] = [];
  /** The second half of the form renders at the form's end, with `this` for its listeners. */
  private readonly restOptions = { host: this };
  /** Its first render, a task after the first half's (`update`); then it renders with every update. */
  private restRendered: Promise<void> | undefined;
  private restShown = false;

  private get fields(): NodeListOf<CkFormControl> {
    return this.renderRoot.querySelectorAll<CkFormControl>('[data-field]');
  }
  private get errorSummary(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part=error-summary]');
  }
  private get rights(): CkDisclosure | null {
    return this.renderRoot.querySelector<CkDisclosure>('ck-disclosure');
  }

  /**
   * The BFF's rule: the state of residence is asked for, and required, when the documents depend
   * on it. A BFF that does not say (older than the rule) gets it asked for and required.
   */
  private get needsResidence(): boolean {
    return this.requirements.residence_state !== false;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('values')) this.noMiddleName = this.values.no_middle_name === true;
  }

  /**
   * Its first render is a hidden form of fourteen elements: it starts a task of its own once
   * anything has rendered in this one (core's slices.ts). On config arrival the flow's step is
   * one task, this form's first half the next and its second half (`update`) a third, instead of
   * one long task.
   */
  protected override firstRenderBudget(): number {
    return 0;
  }

  /**
   * Renders the first half of the form (`render`), then the second half (`renderRest`) at its
   * end: at once on later updates, in a task of its own the first time. Creating the fourteen
   * elements (constructors, shadow roots, their styles) was the page's longest kit task, 6 to 9
   * ms on a laptop and four times that on a phone; halved, it stays well under 50 there. The
   * form is still rendered once, by one update, and shown only whole (`getUpdateComplete`).
   */
  protected override update(changed: PropertyValues): void {
    super.update(changed);
    const form = this.renderRoot.querySelector('form')!;
    const renderRest = () => {
      this.restShown = true;
      render(this.renderRest(), form, this.restOptions);
    };
    if (this.restShown) renderRest();
    else this.restRendered ??= renderInSlice(renderRest, 0);
  }

  /**
   * Complete once the second half has rendered too, and every element in it; the form is shown
   * (it is hidden until then: on a slow phone the fields render over a few tasks, and a
   * half-built form would be painted and then pushed down, the rights and the button with it)
   * before whoever waited goes on, so a page that waits for the form and focuses a field finds
   * it shown. Showing it in a wait of its own (`firstUpdated`) let a wait begun earlier, before
   * the first render, end first, while the form was still hidden.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.restRendered;
    const result = await super.getUpdateComplete();
    this.renderRoot.querySelector('form')!.hidden = false;
    return result;
  }

  /** Shown once whole even if nobody waits for it (`getUpdateComplete`). */
  protected override firstUpdated(): void {
    void this.updateComplete;
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('serverErrors') && this.serverErrors.length > 0) void this.showServerErrors();
  }

  private async showServerErrors(): Promise<void> {
    await this.updateComplete;
    for (const error of this.serverErrors) {
      const field = this.fieldFor(error.source?.pointer ?? '');
      // A state the ZIP code is not in (the BFF checks it, so the ZIP table stays off the
      // phone): the message names the state the candidate chose.
      const params =
        error.code === 'residence_state_zip_mismatch' && field ? { state: field.value } : undefined;
      field?.setServerIssue({
        code: error.code,
        pointer: error.source!.pointer,
        ...(params && { params }),
      });
    }
    await this.buildSummary();
  }

  private fieldFor(pointer: string): CkFormControl | undefined {
    const name = pointer.replace(/^\//, '');
    return [...this.fields].find(
      (f) => f.name === name || (name.startsWith('driver_license') && f.name === 'driver_license'),
    );
  }

  /** Every field's current values, under Checkr's names. */
  collect(): PiiValues {
    const values: PiiValues = { no_middle_name: this.noMiddleName };
    for (const field of this.fields) {
      if (field.name === 'driver_license') {
        const license = field as unknown as { state: string; value: string };
        values.driver_license_state = license.state;
        values.driver_license_number = license.value;
      } else if (field.localName === 'ck-checkbox') {
        values[field.name] = (field as unknown as { checked: boolean }).checked;
      } else {
        values[field.name] = field.value;
      }
    }
    if (this.noMiddleName) values.middle_name = '';
    const copy = this.renderRoot.querySelector<HTMLElement & { checked: boolean }>(
      '#copy_requested',
    );
    values.copy_requested = copy?.checked ?? false;
    values.rights_acknowledged = this.rights?.acknowledged ?? false;
    return values;
  }

  private rules(): CandidateRules {
    return {
      minAge: this.requirements.min_age,
      requireSsn: this.requirements.ssn,
      requireDriverLicense: this.requirements.driver_license,
    };
  }

  private async buildSummary(): Promise<void> {
    await Promise.all([...this.fields].map((f) => f.updateComplete));
    const items: SummaryItem[] = [];
    for (const field of this.fields) {
      const issue = field.currentIssue;
      if (issue && field.isConnected)
        items.push({ target: field.name, message: this.localize.message(issue) });
    }
    if (this.summary && this.rights && !this.rights.acknowledged) {
      items.push({ target: 'rights', message: this.localize.term('acknowledge_required') });
    }
    this.summaryItems = items;
    if (items.length > 0) {
      await this.updateComplete;
      this.errorSummary?.focus();
    }
  }

  private async handleSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    for (const field of this.fields) field.markInteracted();
    if (this.summary) this.rights?.reportValidity();
    const values = this.collect();
    const result = validateCandidate(values, this.rules());
    const fieldsValid = [...this.fields].every((f) => f.checkValidity());
    const rightsOk = !this.summary || this.rights?.acknowledged === true;
    if (!result.ok || !fieldsValid || !rightsOk) {
      await this.buildSummary();
      return;
    }
    this.summaryItems = [];
    const candidate: Record<string, unknown> = {
      ...result.value,
      copy_requested: values.copy_requested === true,
    };
    if (typeof values.residence_state === 'string' && values.residence_state)
      candidate.residence_state = values.residence_state;
    this.dispatchEvent(new CkPiiSubmitEvent(candidate));
  }

  private handleSummaryLink(event: Event, target: string): void {
    event.preventDefault();
    const element =
      target === 'rights' ? this.rights : [...this.fields].find((f) => f.name === target);
    element?.focus();
    element?.scrollIntoView?.({ block: 'center' });
  }

  private handleNoMiddle(event: Event): void {
    this.noMiddleName = (event.target as HTMLInputElement & { checked: boolean }).checked;
  }

  private text(name: string): string {
    const value = this.values[name];
    return typeof value === 'string' ? value : '';
  }

  private renderSummary(): TemplateResult | typeof nothing {
    if (this.summaryItems.length === 0) return nothing;
    return html`<div
      part="error-summary"
      tabindex="-1"
      role="alert"
      aria-labelledby="summary-title"
    >
      <h3 id="summary-title">${this.localize.term('error_summary_title')}</h3>
      <ul>
        ${this.summaryItems.map(
          (item) =>
            html`<li>
              <a
                href="#${item.target}"
                @click=${(e: Event) => this.handleSummaryLink(e, item.target)}
                >${item.message}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  override render(): TemplateResult {
    const t = (key: Parameters<typeof this.localize.term>[0]) => this.localize.term(key);
    const needs = this.requirements;
    const noMiddle = this.noMiddleName;
    return html`
      ${this.renderSummary()}
      <form novalidate hidden @submit=${this.handleSubmit}>
        <ck-text-field
          data-field
          id="first_name"
          name="first_name"
          .label=${t('label_first_name')}
          required
          autocomplete="given-name"
          required-code="first_name_required"
          .validator=${validateFirstName}
          .value=${this.text('first_name')}
        ></ck-text-field>
        ${
          noMiddle
            ? nothing
            : html`<ck-text-field
                data-field
                id="middle_name"
                name="middle_name"
                .label=${t('label_middle_name')}
                required
                autocomplete="additional-name"
                required-code="middle_name_required"
                .validator=${validateRequiredMiddleName}
                .value=${this.text('middle_name')}
              ></ck-text-field>`
        }
        <ck-checkbox
          id="no_middle_name"
          name="no_middle_name"
          .label=${t('label_no_middle_name')}
          .checked=${noMiddle}
          @change=${this.handleNoMiddle}
        ></ck-checkbox>
        <ck-text-field
          data-field
          id="last_name"
          name="last_name"
          .label=${t('label_last_name')}
          required
          autocomplete="family-name"
          required-code="last_name_required"
          .validator=${validateLastName}
          .value=${this.text('last_name')}
        ></ck-text-field>
        <ck-email-field
          data-field
          id="email"
          name="email"
          .label=${t('label_email')}
          .hint=${t('hint_email')}
          required
          .value=${this.text('email')}
        ></ck-email-field>
        <ck-phone-field
          data-field
          id="phone"
          name="phone"
          .label=${t('label_phone')}
          .value=${this.text('phone')}
        ></ck-phone-field>
        <ck-dob-field
          data-field
          id="dob"
          name="dob"
          .label=${t('label_dob')}
          required
          .minAge=${needs.min_age}
          .value=${this.text('dob')}
        ></ck-dob-field>
      </form>
    `;
  }

  /** The form's second half, after the date of birth (`update`). */
  private renderRest(): TemplateResult {
    const t = (key: Parameters<typeof this.localize.term>[0]) => this.localize.term(key);
    const needs = this.requirements;
    return html`
      ${
        this.needsResidence
          ? html`<ck-select
              data-field
              id="residence_state"
              name="residence_state"
              .label=${t('label_residence_state')}
              states
              required
              autocomplete="address-level1"
              required-code="residence_state_required"
              .value=${this.text('residence_state')}
            ></ck-select>`
          : nothing
      }
      ${
        needs.zipcode
          ? html`<ck-zip-field
              data-field
              id="zipcode"
              name="zipcode"
              .label=${t('label_zipcode')}
              required
              .value=${this.text('zipcode')}
            ></ck-zip-field>`
          : nothing
      }
      ${
        needs.ssn
          ? html`<ck-ssn-field
              data-field
              id="ssn"
              name="ssn"
              .label=${t('label_ssn')}
              required
              .value=${this.text('ssn')}
            ></ck-ssn-field>`
          : nothing
      }
      ${
        needs.driver_license
          ? html`<ck-driver-license-field
              data-field
              id="driver_license"
              name="driver_license"
              required
              .state=${this.text('driver_license_state')}
              .value=${this.text('driver_license_number')}
            ></ck-driver-license-field>`
          : nothing
      }
      <ck-checkbox
        id="copy_requested"
        name="copy_requested"
        .label=${t('label_copy_requested')}
        .checked=${this.values.copy_requested === true}
      ></ck-checkbox>
      ${
        this.summary
          ? html`<div class="rights">
              <ck-disclosure
                id="rights"
                heading-level="3"
                .document=${this.summary}
                .acknowledged=${this.values.rights_acknowledged === true}
              ></ck-disclosure>
            </div>`
          : nothing
      }
      <div class="actions">
        <button
          part="submit"
          type="submit"
          ?disabled=${this.busy}
          aria-busy=${this.busy ? 'true' : 'false'}
        >
          ${this.busy ? t('submitting') : t('continue')}
        </button>
      </div>
    `;
  }
}

defineElement('ck-pii-form', CkPiiForm);

declare global {
  interface HTMLElementTagNameMap {
    'ck-pii-form': CkPiiForm;
  }
}
