import { html, type TemplateResult } from 'lit';
import type { DocumentBlock } from '@checkr-kit/core';

/**
 * A document's structured text as text nodes (no HTML from the server is ever parsed): the
 * disclosures' body, and the authorization's on the signature step.
 */
export function renderDocumentBody(blocks: DocumentBlock[]): TemplateResult[] {
  return blocks.map((block) => {
    switch (block.type) {
      case 'heading':
        return html`<p><strong>${block.text}</strong></p>`;
      case 'list':
        return html`<ul>
          ${block.items.map((item) => html`<li>${item}</li>`)}
        </ul>`;
      default:
        return html`<p>${block.text}</p>`;
    }
  });
}
