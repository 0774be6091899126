import type { LicensePart } from '../driver-license.ts';
import type { ErrorCode, ValidationIssue } from '../result.ts';
import type { UsState } from '../states.ts';

export type MessageParams = NonNullable<ValidationIssue['params']>;
export type Message = string | ((params: MessageParams) => string);

/** One language's words for this package: every error code, licence hints and state names. */
export interface ValidationCatalog {
  locale: string;
  messages: Readonly<Record<ErrorCode, Message>>;
  /** "1 letter followed by 7 digits, or 9 digits": the "Validation Criteria" of Checkr's table. */
  licenseHint(alternatives: readonly (readonly LicensePart[])[]): string;
  /** Only where the name differs from the English one. */
  stateNames: Readonly<Partial<Record<UsState, string>>>;
}

export function formatMessage(catalog: ValidationCatalog, issue: ValidationIssue): string {
  const message = catalog.messages[issue.code];
  return typeof message === 'function' ? message(issue.params ?? {}) : message;
}
