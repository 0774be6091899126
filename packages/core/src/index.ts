export {
  CkBase,
  CkReactiveElement,
  defineElement,
  hostStyles,
  primaryButtonStyles,
} from './ck-base.ts';
export { CkBaseElement, CkElement, baseStyles, buttonStyles } from './base-element.ts';
export { linkButtonStyles } from './apply.styles.ts';
export { CkFormControl, fieldStyles, type ValidationIssue } from './form-control.ts';
export { LocalizeController, registerTranslation, resolveLang } from './localize.ts';
export { renderInSlice } from './slices.ts';
export { installTokens } from './tokens.styles.ts';
export { tokens } from './form-tokens.styles.ts';
export * from './events.ts';
export type { Translation, TermKey, TermParams } from './translations/types.ts';
export { en, enApply, enShared } from './translations/en.ts';
export * from './api-client.ts';
export { isReactNativeWebView, openExternal, postToHost } from './rn-bridge.ts';
