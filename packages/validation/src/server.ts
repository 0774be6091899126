/**
 * The server-only part of the rules: the DNS check that an email domain accepts mail, Checkr's
 * own 400 texts mapped to and from field codes, and the state of residence checked against the
 * ZIP code (USPS's prefix table). Kept out of the browser entry point; no Node API is needed.
 */
export * from './email-domain.ts';
export * from './checkr-errors.ts';
export * from './zipcodes.ts';
