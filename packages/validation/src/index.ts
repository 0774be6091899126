/**
 * @checkr-kit/validation: every candidate-data rule of Checkr's docs, with no dependencies and no
 * DOM, shared by the browser components and the BFF. Catalogs are separate entry points
 * (`@checkr-kit/validation/messages/en`, `…/es`) so a page loads only its language, and what
 * only a server needs (DNS, Checkr's error texts, the ZIP/state table) is
 * `@checkr-kit/validation/server`.
 */
export * from './result.ts';
export * from './names.ts';
export * from './email.ts';
export * from './ssn.ts';
export * from './dob.ts';
export * from './contact.ts';
export * from './states.ts';
export * from './driver-license.ts';
export * from './candidate.ts';
export * from './state-documents.ts';
export type { ValidationCatalog, Message, MessageParams } from './messages/types.ts';
export { formatMessage } from './messages/types.ts';
