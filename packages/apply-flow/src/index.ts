export { CkTextField } from './text-field/text-field.ts';
export { CkSsnField } from './ssn-field/ssn-field.ts';
