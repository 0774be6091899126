import { createHash } from 'node:crypto';
import {
  stateDocumentApplies,
  type StateDocumentFacts,
  type StateDocumentRule,
} from '@checkr-kit/validation';

/** A document body is structured text, never HTML: the component renders it, nothing to sanitize. */
export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] };

export type DocumentKind =
  'summary_of_rights' | 'disclosure' | 'state_disclosure' | 'authorization';

export interface LegalDocument {
  id: string;
  version: string;
  kind: DocumentKind;
  locale: string;
  title: string;
  body: Block[];
  /**
   * State documents: when they are shown (residence, work-location or licence states, and
   * whether only with an MVR), read by `stateDocumentApplies` of @checkr-kit/validation.
   */
  appliesTo?: StateDocumentRule;
  /** The state gives the candidate the choice to receive a copy of the report. */
  offersCopy?: boolean;
}

export interface HashedDocument extends LegalDocument {
  sha256: string;
}

/** Canonical JSON: keys sorted at every level, so the hash depends on content only. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The hash covers what the candidate sees: id, version, locale, title and body. */
export function hashDocument(document: LegalDocument): HashedDocument {
  const { id, version, locale, title, body } = document;
  return { ...document, sha256: sha256Hex(canonicalJson({ id, version, locale, title, body })) };
}

/** Plain text of a document, as it goes into the consent PDF. */
export function documentText(document: LegalDocument): string[] {
  return document.body.flatMap((block) =>
    block.type === 'list' ? block.items.map((item) => `• ${item}`) : [block.text],
  );
}

/** One version of each document: in the language asked for, else in English. */
export function documentsInLanguage(
  documents: readonly HashedDocument[],
  locale: string,
): HashedDocument[] {
  const language = locale.split('-')[0]!;
  const ids = [...new Set(documents.map((d) => d.id))];
  return ids.map(
    (id) =>
      documents.find((d) => d.id === id && d.locale === language) ??
      documents.find((d) => d.id === id && d.locale === 'en') ??
      documents.find((d) => d.id === id)!,
  );
}

/**
 * Which documents a candidate must see: every general document, and each state document whose
 * rule matches what is known of the candidate (where they live, work and hold a licence) and the
 * package (an MVR or not).
 */
export function applicableDocuments(
  documents: readonly HashedDocument[],
  locale: string,
  facts: StateDocumentFacts,
): HashedDocument[] {
  return documentsInLanguage(documents, locale).filter(
    (document) =>
      document.kind !== 'state_disclosure' || stateDocumentApplies(document.appliesTo ?? {}, facts),
  );
}
