/**
 * The server-only part of the rules: the DNS check that an email domain accepts mail, and
 * Checkr's own 400 texts mapped to and from field codes. Kept out of the browser entry point.
 */
export * from './email-domain.ts';
export * from './checkr-errors.ts';
