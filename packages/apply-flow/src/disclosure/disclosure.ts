import { css, html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { CkElement, baseStyles, defineElement, type ApplyDocument } from '@checkr-kit/core';
import type { CkCheckbox } from '../checkbox/checkbox.ts';
import { renderDocumentBody } from './document-body.ts';
import '../checkbox/checkbox.ts';

/**
 * One legal document from the BFF config (FCRA summary of rights, the background-check
 * disclosure, a state disclosure) with its explicit acknowledgement. The body is structured text
 * rendered as text nodes: no HTML from the server is ever parsed, so there is nothing to sanitize.
 *
 * @tagname ck-disclosure
 * @summary A legal document and its acknowledgement checkbox.
 * @csspart base - The wrapper.
 * @csspart title - The document's heading.
 * @csspart body - The scrollable document text.
 * @event change - The acknowledgement (or the copy request) was ticked or unticked.
 */
export class CkDisclosure extends CkElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      [part='title'] {
        font-size: var(--ck-font-size-l);
        margin: 0 0 var(--ck-space-s);
      }
      /* Focus is moved here for screen readers on each step; it is not a control to outline. */
      [part='title']:focus {
        outline: none;
      }
      [part='body'] {
        border: var(--ck-border-width) solid var(--ck-color-border-subtle);
        border-radius: var(--ck-radius-m);
        background: var(--ck-color-surface-raised);
        padding: var(--ck-space-m);
        margin-block-end: var(--ck-space-m);
        max-height: var(--ck-disclosure-max-height, none);
        overflow: auto;
      }
      [part='body'] p,
      [part='body'] ul {
        margin: 0 0 var(--ck-space-s);
      }
      .sample {
        display: inline-block;
        font-size: var(--ck-font-size-s);
        font-weight: var(--ck-font-weight-strong);
        color: var(--ck-color-danger);
        margin-block-end: var(--ck-space-s);
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    document: { attribute: false },
    headingLevel: { type: Number, attribute: 'heading-level' },
    acknowledged: { type: Boolean },
    copyRequested: { type: Boolean, attribute: 'copy-requested' },
  };

  document: ApplyDocument | undefined;
  /** Heading level of the document title, to fit the page's outline. */
  headingLevel = 2;
  acknowledged = false;
  /** Where the state offers it: the candidate asks for a copy of the report. */
  copyRequested = false;

  private get ack(): CkCheckbox | null {
    return this.renderRoot.querySelector<CkCheckbox>('ck-checkbox[name=acknowledged]');
  }

  /** `false`, with the error shown and focus moved, while the acknowledgement is not ticked. */
  reportValidity(): boolean {
    return this.ack?.reportValidity() ?? false;
  }

  private renderTitle(title: string): TemplateResult {
    switch (this.headingLevel) {
      case 1:
        return html`<h1 part="title" id="title" tabindex="-1">${title}</h1>`;
      case 3:
        return html`<h3 part="title" id="title" tabindex="-1">${title}</h3>`;
      default:
        return html`<h2 part="title" id="title" tabindex="-1">${title}</h2>`;
    }
  }

  /** Puts focus on the title, for a flow moving to this step. */
  focusTitle(): void {
    this.shadowRoot?.querySelector<HTMLElement>('#title')?.focus();
  }

  private handleAck(event: Event): void {
    event.stopPropagation();
    this.acknowledged = (event.target as CkCheckbox).checked;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private handleCopy(event: Event): void {
    event.stopPropagation();
    this.copyRequested = (event.target as CkCheckbox).checked;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  override render(): TemplateResult {
    const document = this.document;
    if (!document) return html``;
    const sample = /^(sample|muestra)\b/i.test(document.title);
    return html`
      <section part="base" aria-labelledby="title">
        ${this.renderTitle(document.title)}
        ${sample ? html`<span class="sample">${this.localize.term('sample_notice')}</span>` : nothing}
        <div part="body" tabindex="0" role="document" aria-labelledby="title">
          ${renderDocumentBody(document.body)}
        </div>
        <ck-checkbox
          name="acknowledged"
          required
          .checked=${live(this.acknowledged)}
          .label=${this.localize.term('acknowledge_receipt')}
          @change=${this.handleAck}
        ></ck-checkbox>
        ${
          document.offers_copy
            ? html`<ck-checkbox
                name="copy_requested"
                .checked=${live(this.copyRequested)}
                .label=${this.localize.term('request_copy')}
                @change=${this.handleCopy}
              ></ck-checkbox>`
            : nothing
        }
      </section>
    `;
  }
}

defineElement('ck-disclosure', CkDisclosure);

declare global {
  interface HTMLElementTagNameMap {
    'ck-disclosure': CkDisclosure;
  }
}
