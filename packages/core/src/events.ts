/**
 * Every kit event that the platform has no native name for. The classes have no static fields, so
 * a bundler drops the ones a page does not use. None carries PII: a host page may
 * forward all of them to analytics. Events a page must hear are `composed`.
 */
const init: EventInit = { bubbles: true, composed: true };

/** The email field's "did you mean" suggestion was accepted. Carries no address. */
export class CkSuggestionAcceptEvent extends Event {
  constructor() {
    super('ck-suggestion-accept', init);
  }
}

/** A step of the apply flow became current. */
export class CkStepChangeEvent extends Event {
  constructor(
    readonly from: string | null,
    readonly to: string,
    readonly index: number,
    readonly total: number,
  ) {
    super('ck-step-change', init);
  }
}

/**
 * The PII step passed validation. `fields` names what was filled, never the values. The
 * normalized candidate is reachable only through `candidate()`, backed by a private field, so
 * logging the event (`{ ...event }`, `JSON.stringify`, the React Native bridge) never shows it.
 */
export class CkPiiSubmitEvent extends Event {
  readonly #candidate: Readonly<Record<string, unknown>>;
  readonly fields: string;
  constructor(candidate: Record<string, unknown>) {
    super('ck-pii-submit', init);
    this.#candidate = Object.freeze({ ...candidate });
    this.fields = Object.keys(candidate).sort().join(',');
  }
  candidate(): Readonly<Record<string, unknown>> {
    return this.#candidate;
  }
}

/** The consent was stored by the BFF; `consentId` is an opaque id, not PII. */
export class CkCompleteEvent extends Event {
  constructor(readonly consentId: string) {
    super('ck-complete', init);
  }
}

/** Something failed; `code` is the stable error code, never a message with data in it. */
export class CkErrorEvent extends Event {
  constructor(
    readonly code: string,
    readonly recoverable: boolean,
  ) {
    super('ck-error', init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ck-suggestion-accept': CkSuggestionAcceptEvent;
    'ck-step-change': CkStepChangeEvent;
    'ck-pii-submit': CkPiiSubmitEvent;
    'ck-complete': CkCompleteEvent;
    'ck-error': CkErrorEvent;
  }
}

/** The Pay embeddable loaded with a fresh token. */
export class CkPayReadyEvent extends Event {
  constructor() {
    super('ck-pay-ready', init);
  }
}

/** The token could not be had or the frame could not load; `code` is the BFF's error code. */
export class CkPayErrorEvent extends Event {
  constructor(readonly code: string) {
    super('ck-pay-error', init);
  }
}

/** The embeddable said its session expired (a spent token): retry mints a new one. */
export class CkPayTokenExpiredEvent extends Event {
  constructor() {
    super('ck-pay-token-expired', init);
  }
}

/** The container is smaller than Checkr Pay needs (wider than 350 and taller than 460 px). */
export class CkPayViewportTooSmallEvent extends Event {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    super('ck-pay-viewport-too-small', init);
  }
}

/** The worker followed a link that leaves Checkr Pay (help centre, bank linking). */
export class CkPayExternalLinkEvent extends Event {
  constructor(readonly url: string) {
    super('ck-pay-external-link', init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ck-pay-ready': CkPayReadyEvent;
    'ck-pay-error': CkPayErrorEvent;
    'ck-pay-token-expired': CkPayTokenExpiredEvent;
    'ck-pay-viewport-too-small': CkPayViewportTooSmallEvent;
    'ck-pay-external-link': CkPayExternalLinkEvent;
  }
}
