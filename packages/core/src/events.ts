/**
 * Every kit event that the platform has no native name for. None carries PII: a host page may
 * forward all of them to analytics. Events a page must hear are `composed`.
 */
const init: EventInit = { bubbles: true, composed: true };

/** The email field's "did you mean" suggestion was accepted. Carries no address. */
export class CkSuggestionAcceptEvent extends Event {
  static readonly type = 'ck-suggestion-accept';
  constructor() {
    super(CkSuggestionAcceptEvent.type, init);
  }
}

/** A step of the apply flow became current. */
export class CkStepChangeEvent extends Event {
  static readonly type = 'ck-step-change';
  constructor(
    readonly from: string | null,
    readonly to: string,
    readonly index: number,
    readonly total: number,
  ) {
    super(CkStepChangeEvent.type, init);
  }
}

/**
 * The PII step passed validation. `fields` names what was filled, never the values. The
 * normalized candidate is reachable only through `candidate()`, backed by a private field, so
 * logging the event (`{ ...event }`, `JSON.stringify`, the React Native bridge) never shows it.
 */
export class CkPiiSubmitEvent extends Event {
  static readonly type = 'ck-pii-submit';
  readonly #candidate: Readonly<Record<string, unknown>>;
  readonly fields: string;
  constructor(candidate: Record<string, unknown>) {
    super(CkPiiSubmitEvent.type, init);
    this.#candidate = Object.freeze({ ...candidate });
    this.fields = Object.keys(candidate).sort().join(',');
  }
  candidate(): Readonly<Record<string, unknown>> {
    return this.#candidate;
  }
}

/** The consent was stored by the BFF; `consentId` is an opaque id, not PII. */
export class CkCompleteEvent extends Event {
  static readonly type = 'ck-complete';
  constructor(readonly consentId: string) {
    super(CkCompleteEvent.type, init);
  }
}

/** Something failed; `code` is the stable error code, never a message with data in it. */
export class CkErrorEvent extends Event {
  static readonly type = 'ck-error';
  constructor(
    readonly code: string,
    readonly recoverable: boolean,
  ) {
    super(CkErrorEvent.type, init);
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
  static readonly type = 'ck-pay-ready';
  constructor() {
    super(CkPayReadyEvent.type, init);
  }
}

/** The token could not be had or the frame could not load; `code` is the BFF's error code. */
export class CkPayErrorEvent extends Event {
  static readonly type = 'ck-pay-error';
  constructor(readonly code: string) {
    super(CkPayErrorEvent.type, init);
  }
}

/** The embeddable said its session expired (a spent token): retry mints a new one. */
export class CkPayTokenExpiredEvent extends Event {
  static readonly type = 'ck-pay-token-expired';
  constructor() {
    super(CkPayTokenExpiredEvent.type, init);
  }
}

/** The container is smaller than Checkr Pay needs (wider than 350 and taller than 460 px). */
export class CkPayViewportTooSmallEvent extends Event {
  static readonly type = 'ck-pay-viewport-too-small';
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    super(CkPayViewportTooSmallEvent.type, init);
  }
}

/** The worker followed a link that leaves Checkr Pay (help centre, bank linking). */
export class CkPayExternalLinkEvent extends Event {
  static readonly type = 'ck-pay-external-link';
  constructor(readonly url: string) {
    super(CkPayExternalLinkEvent.type, init);
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
