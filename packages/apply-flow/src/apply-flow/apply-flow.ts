import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import {
  BffClient,
  BffError,
  CkCompleteEvent,
  CkElement,
  CkErrorEvent,
  CkStepChangeEvent,
  baseStyles,
  buttonStyles,
  defineElement,
  type ApplyApi,
  type ApplyConfig,
  type ApplyDocument,
  type BffErrorItem,
  type CkPiiSubmitEvent,
} from '@checkr-kit/core';
import { stateDocumentApplies } from '@checkr-kit/validation';
import type { CkDisclosure } from '../disclosure/disclosure.ts';
import type { PiiValues, CkPiiForm } from '../pii-form/pii-form.ts';
import type { CkSignature } from '../signature/signature.ts';
import { applyFlowStyles } from './apply-flow.styles.ts';
import '../pii-form/pii-form.ts';
import '../disclosure/disclosure.ts';
import '../signature/signature.ts';

type Step =
  | { kind: 'pii' }
  | { kind: 'document'; document: ApplyDocument }
  | { kind: 'signature' }
  | { kind: 'complete' };

/** An error shown above the step: the code or term its words come from, and a retry if one can help. */
type Alert = { message: string; retry?: () => Promise<void> };

/** A document as the BFF names it: which one, which version, and the hash of what was shown. */
function documentRef({ id, version, sha256 }: ApplyDocument) {
  return { document_id: id, version, sha256 };
}

function stepName(step: Step): string {
  return step.kind === 'document' ? `document:${step.document.id}` : step.kind;
}

/**
 * The whole self-hosted candidate experience, in the order Checkr's docs require: personal details
 * (with the FCRA summary of rights), the background-check disclosure on its own page, the state
 * disclosures the candidate's residence and work locations call for, the authorization with an
 * e-signature, and a completion screen. It talks to the BFF with a short-lived session token.
 * Entered data is kept in memory only (never in any storage) so going back loses nothing.
 *
 * @tagname ck-apply-flow
 * @summary The candidate's apply flow, from personal details to signed consent.
 * @csspart progress - "Step 2 of 5".
 * @csspart heading - Each step's heading; it receives focus on every step change.
 * @csspart nav - The back/continue buttons.
 * @csspart alert - An error with a retry button.
 * @csspart complete - The completion message.
 * @cssprop --ck-apply-flow-max-width - The flow's maximum width (40rem).
 * @event ck-step-change - A step became current: `from`, `to`, `index`, `total`. No PII.
 * @event ck-complete - The consent is stored by the BFF: `consentId`. No PII.
 * @event ck-error - Something failed: `code`, `recoverable`. No PII.
 */
export class CkApplyFlow extends CkElement {
  static override styles = [baseStyles, buttonStyles, applyFlowStyles];

  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    sessionToken: { attribute: 'session-token' },
    fetchSessionToken: { attribute: false },
    api: { attribute: false },
    config: { state: true },
    stepIndex: { state: true },
    busy: { state: true },
    alert: { state: true },
    serverErrors: { state: true },
    announcement: { state: true },
  };

  /** The BFF's base URL. */
  apiBase = '/';
  /** A session token from your backend; or set `fetchSessionToken`. */
  sessionToken = '';
  /** Called for a token at start (when `session-token` is empty) and again when it expires. */
  fetchSessionToken: (() => Promise<string>) | undefined;
  /** Replaces the BFF client (Storybook, tests, a custom transport). */
  api: ApplyApi | undefined;

  private config: ApplyConfig | undefined;
  private stepIndex = 0;
  private busy = false;
  private alert: Alert | undefined;
  private serverErrors: BffErrorItem[] = [];
  private announcement = '';

  /** In memory only: what the candidate typed, their acknowledgements, their copy requests. */
  private values: PiiValues = {};
  private candidate: Record<string, unknown> | undefined;
  private requiredDocuments: string[] = [];
  private acknowledged = new Set<string>();
  private copyRequests = new Set<string>();
  private started = false;

  /**
   * Its first render ("Loading…", with its shadow root and first stylesheets) starts a task of its
   * own once anything ran before it: on a page with the kit's script tag, that is the script's
   * evaluation (core's slices.ts), whose task is otherwise the page's longest of the kit's.
   */
  protected override firstRenderBudget(): number {
    return 0;
  }

  private get heading(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part=heading]');
  }
  private get piiForm(): CkPiiForm | null {
    return this.renderRoot.querySelector<CkPiiForm>('ck-pii-form');
  }
  private get disclosure(): CkDisclosure | null {
    return this.renderRoot.querySelector<CkDisclosure>('ck-disclosure');
  }
  private get signature(): CkSignature | null {
    return this.renderRoot.querySelector<CkSignature>('ck-signature');
  }

  /** Starts once there is a way to reach the BFF: a token, a token callback, or an `api`. */
  protected override updated(): void {
    if (!this.started && (this.sessionToken || this.fetchSessionToken || this.api)) {
      this.started = true;
      void this.load();
    }
  }

  private client(): ApplyApi {
    if (this.api) return this.api;
    return new BffClient({
      apiBase: this.apiBase,
      getToken: async () => {
        if (!this.sessionToken && this.fetchSessionToken)
          this.sessionToken = await this.fetchSessionToken();
        return this.sessionToken;
      },
      refreshToken: this.fetchSessionToken
        ? async () => (this.sessionToken = await this.fetchSessionToken!())
        : undefined,
    });
  }

  /** The steps, from what is known so far: state documents appear once the candidate says where they live. */
  private steps(): Step[] {
    const documents = this.config?.documents ?? [];
    const disclosure = documents.find((d) => d.kind === 'disclosure');
    const given = (name: string) => {
      const value = this.values[name];
      return typeof value === 'string' && value !== '' ? value : null;
    };
    // The BFF's answer once the candidate is submitted; before, the same rules on what is known.
    const facts = {
      residence: given('residence_state'),
      work: this.config?.work_states ?? [],
      license: given('driver_license_state'),
      mvr: this.config?.requirements.driver_license ?? false,
    };
    const stateDocuments = documents.filter((d) => {
      if (d.kind !== 'state_disclosure') return false;
      if (this.requiredDocuments.length > 0) return this.requiredDocuments.includes(d.id);
      return stateDocumentApplies(d.applies_to ?? {}, facts);
    });
    return [
      { kind: 'pii' },
      ...(disclosure ? [{ kind: 'document' as const, document: disclosure }] : []),
      ...stateDocuments.map((document) => ({ kind: 'document' as const, document })),
      { kind: 'signature' },
      { kind: 'complete' },
    ];
  }

  private get step(): Step {
    return this.steps()[this.stepIndex] ?? { kind: 'pii' };
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.alert = undefined;
    try {
      await action();
    } catch (error) {
      this.fail(error, () => this.run(action));
    } finally {
      this.busy = false;
    }
  }

  private fail(error: unknown, retry: () => Promise<void>): void {
    const code = error instanceof BffError ? error.code : 'network_error';
    const recoverable = !/^session_/.test(code) && code !== 'origin_not_allowed';
    this.alert = {
      message: code === 'network_error' ? 'error_network' : recoverable ? code : 'error_session',
      // Checkr refuses the same candidate again for 24 hours (seed 000 L2006): a retry cannot help.
      retry: recoverable && code !== 'candidate_duplicate' ? retry : undefined,
    };
    this.dispatchEvent(new CkErrorEvent(code, recoverable));
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part=alert]')?.focus(),
    );
  }

  /**
   * Not through `run()`: `busy` belongs to the step's buttons, and a first step rendered busy
   * would be rendered again, whole, a moment later.
   */
  private async load(): Promise<void> {
    this.alert = undefined;
    try {
      this.config = await this.client().config();
    } catch (error) {
      this.fail(error, () => this.load());
      return;
    }
    this.values = { ...this.config.prefill, ...this.values };
    await this.goTo(0, true);
  }

  private async goTo(index: number, initial = false): Promise<void> {
    const steps = this.steps();
    const from = initial ? null : stepName(this.step);
    this.stepIndex = Math.max(0, Math.min(index, steps.length - 1));
    const to = steps[this.stepIndex]!;
    const total = steps.length - 1;
    const current = Math.min(this.stepIndex + 1, total);
    // In the same update as the step itself: the live region is already on the page.
    this.announcement = `${this.localize.term('progress', { current, total })}: ${this.titleOf(to)}`;
    await this.updateComplete;
    this.dispatchEvent(new CkStepChangeEvent(from, stepName(to), this.stepIndex, total));
    if (!initial) {
      const target = to.kind === 'document' ? this.disclosure : this.heading;
      if (to.kind === 'document') {
        await this.disclosure?.updateComplete;
        this.disclosure?.focusTitle();
      } else {
        target?.focus();
      }
    }
  }

  private titleOf(step: Step): string {
    return step.kind === 'document'
      ? step.document.title
      : this.localize.term(`${step.kind}_title`);
  }

  private async handlePiiSubmit(event: CkPiiSubmitEvent): Promise<void> {
    event.stopPropagation();
    const candidate = { ...event.candidate() };
    this.values = this.piiForm?.collect() ?? this.values;
    const summary = this.config?.documents.find((d) => d.kind === 'summary_of_rights');
    await this.run(async () => {
      this.serverErrors = [];
      try {
        const result = await this.client().submitCandidate(candidate);
        this.requiredDocuments = result.documents;
      } catch (error) {
        if (error instanceof BffError && error.fieldErrors.length > 0) {
          this.serverErrors = error.fieldErrors;
          this.dispatchEvent(new CkErrorEvent(error.code, true));
          return;
        }
        throw error;
      }
      this.candidate = candidate;
      if (summary) await this.acknowledge(summary);
      await this.goTo(this.stepIndex + 1);
    });
  }

  /** Records a document's acknowledgement with the BFF, once. */
  private async acknowledge(document: ApplyDocument): Promise<void> {
    if (this.acknowledged.has(document.id)) return;
    await this.client().acknowledge(documentRef(document));
    this.acknowledged.add(document.id);
  }

  private async handleDocumentContinue(document: ApplyDocument): Promise<void> {
    if (!this.disclosure?.reportValidity()) return;
    if (this.disclosure.copyRequested) this.copyRequests.add(document.id);
    else this.copyRequests.delete(document.id);
    await this.run(async () => {
      // A state's "send me a copy" choice is Checkr's copy_requested on the candidate.
      if (this.copyRequests.size > 0 && this.candidate && this.candidate.copy_requested !== true) {
        const candidate = { ...this.candidate, copy_requested: true };
        await this.client().submitCandidate(candidate);
        this.candidate = candidate;
        this.values = { ...this.values, copy_requested: true };
      }
      await this.acknowledge(document);
      await this.goTo(this.stepIndex + 1);
    });
  }

  private async handleSign(): Promise<void> {
    const value = this.signature?.value();
    const authorization = this.config?.documents.find((d) => d.kind === 'authorization');
    if (!value || !authorization) return;
    await this.run(async () => {
      try {
        const result = await this.client().consent({
          ...value,
          time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          authorization: documentRef(authorization),
        });
        await this.goTo(this.steps().length - 1);
        this.dispatchEvent(new CkCompleteEvent(result.consent_id));
      } catch (error) {
        if (error instanceof BffError && error.code === 'signature_name_mismatch') {
          this.signature?.setNameError(error.code);
          return;
        }
        if (error instanceof BffError && error.fieldErrors.length > 0) {
          // The candidate's details were refused after all: back to them, errors on the fields.
          this.serverErrors = error.fieldErrors;
          await this.goTo(0);
          return;
        }
        throw error;
      }
    });
  }

  private handleBack(): void {
    void this.goTo(this.stepIndex - 1);
  }

  private expectedNames(): string[] {
    const c = this.candidate ?? {};
    const names = [`${c.first_name ?? ''} ${c.last_name ?? ''}`.trim()];
    if (c.middle_name) names.push(`${c.first_name} ${c.middle_name} ${c.last_name}`);
    return names.filter(Boolean);
  }

  private renderAlert(): TemplateResult | typeof nothing {
    const alert = this.alert;
    if (!alert) return nothing;
    return html`<div part="alert" role="alert" tabindex="-1">
      <p>${this.localize.message({ code: alert.message })}</p>
      ${
        alert.retry
          ? html`<button type="button" @click=${() => alert.retry!()} ?disabled=${this.busy}>
              ${this.localize.term('retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderNav(next: TemplateResult | typeof nothing): TemplateResult {
    return html`<div part="nav">
      ${
        this.stepIndex > 0
          ? html`<button
              type="button"
              class="secondary"
              @click=${this.handleBack}
              ?disabled=${this.busy}
            >
              ${this.localize.term('back')}
            </button>`
          : nothing
      }
      ${next}
    </div>`;
  }

  private renderStep(step: Step): TemplateResult {
    const t = this.localize.term.bind(this.localize);
    switch (step.kind) {
      case 'pii': {
        const summary = this.config?.documents.find((d) => d.kind === 'summary_of_rights');
        // The object itself, never a copy: a fresh object on every render of the flow would
        // render the whole form again. It holds the rights acknowledgement from the last submit.
        return html`<h2 part="heading" tabindex="-1">${t('pii_title')}</h2>
          <p class="intro">${t('pii_intro')}</p>
          <ck-pii-form
            .requirements=${this.config!.requirements}
            .summary=${summary}
            .values=${this.values}
            .serverErrors=${this.serverErrors}
            .busy=${this.busy}
            @ck-pii-submit=${this.handlePiiSubmit}
          ></ck-pii-form>`;
      }
      case 'document':
        // Its own page, nothing else on it: the document, its acknowledgement, the step's navigation.
        // Keyed: each document gets a fresh element, so one acknowledgement never carries over.
        return html`${keyed(
          step.document.id,
          html`<ck-disclosure
            .document=${step.document}
            .acknowledged=${this.acknowledged.has(step.document.id)}
            .copyRequested=${this.copyRequests.has(step.document.id)}
          ></ck-disclosure>`,
        )}
        ${this.renderNav(
          html`<button
            type="button"
            @click=${() => this.handleDocumentContinue(step.document)}
            ?disabled=${this.busy}
          >
            ${t('continue')}
          </button>`,
        )}`;
      case 'signature':
        return html`<h2 part="heading" tabindex="-1">${t('signature_title')}</h2>
          <ck-signature
            .authorization=${this.config!.documents.find((d) => d.kind === 'authorization')}
            .expectedNames=${this.expectedNames()}
          ></ck-signature>
          ${this.renderNav(
            html`<button
              type="button"
              @click=${this.handleSign}
              ?disabled=${this.busy}
              aria-busy=${this.busy ? 'true' : 'false'}
            >
              ${this.busy ? t('submitting') : t('sign_and_submit')}
            </button>`,
          )}`;
      case 'complete':
        return html`<div part="complete">
          <h2 part="heading" tabindex="-1">${t('complete_title')}</h2>
          <p>${t('complete_body')}</p>
        </div>`;
    }
  }

  override render(): TemplateResult {
    const steps = this.steps();
    const total = steps.length - 1;
    const step = this.step;
    return html`
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.renderAlert()}
      ${
        this.config
          ? html`${
              step.kind === 'complete'
                ? nothing
                : html`<p part="progress">
                    ${this.localize.term('progress', { current: this.stepIndex + 1, total })}
                  </p>`
            }
            ${this.renderStep(step)}`
          : this.alert
            ? nothing
            : html`<p class="loading" aria-busy="true">${this.localize.term('loading')}</p>`
      }
    `;
  }
}

defineElement('ck-apply-flow', CkApplyFlow);

declare global {
  interface HTMLElementTagNameMap {
    'ck-apply-flow': CkApplyFlow;
  }
}
