export {
  CkElement,
  baseStyles,
  buttonStyles,
  defineElement,
  linkButtonStyles,
} from './base-element.ts';
export { CkFormControl, fieldStyles, type ValidationIssue } from './form-control.ts';
export { LocalizeController, registerTranslation, resolveLang } from './localize.ts';
export { tokens, installTokens } from './tokens.styles.ts';
export * from './events.ts';
export type { Translation, TermKey, TermParams } from './translations/types.ts';
export { en, enApply, enShared } from './translations/en.ts';
export * from './api-client.ts';
export {
  KIT_EVENT_TYPES,
  installReactNativeBridge,
  isReactNativeWebView,
  openExternal,
  postToHost,
} from './rn-bridge.ts';
