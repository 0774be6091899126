import type { CSSResultGroup, PropertyValues } from '@lit/reactive-element';
import {
  CkReactiveElement,
  CkPayErrorEvent,
  CkPayExternalLinkEvent,
  CkPayReadyEvent,
  CkPayTokenExpiredEvent,
  CkPayViewportTooSmallEvent,
  hostStyles,
  primaryButtonStyles,
  LocalizeController,
  type TermKey,
  defineElement,
  isReactNativeWebView,
  openExternal,
} from '@checkr-kit/core';
import { payEmbedStyles } from './pay-embed.styles.ts';

/** Checkr Pay's CDN origins (seed 002 L791-793). */
export const CHECKR_PAY_ORIGINS = [
  'https://cdn.checkrpay.com',
  'https://cdn-sandbox.checkrpay.com',
];
/** Checkr Pay needs a viewport wider than 350 and taller than 460 CSS pixels (seed 002 L795-799). */
export const MIN_WIDTH = 351;
export const MIN_HEIGHT = 461;

export interface PayToken {
  token: string;
  embed_url: string;
}

type Phase = 'loading' | 'ready' | 'error' | 'expired' | 'signed-out';

/** What the status says in each phase; none once the wallet shows. */
const STATUS_TERMS: Partial<Record<Phase, TermKey>> = {
  loading: 'pay_loading',
  'signed-out': 'pay_signed_out',
  error: 'pay_error',
  expired: 'pay_expired',
};

/** A failure with the code `ck-pay-error` reports. */
const failure = (code: string): Error & { code: string } =>
  Object.assign(new Error(code), { code });

/**
 * A node of the shadow DOM, made with the DOM API: no markup is parsed, and what a token endpoint
 * or a translation supplies only ever lands in attributes and `textContent`.
 */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** Only a change: a live region may announce a replaced text node again. */
function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * Where the frame may point: Checkr Pay's CDNs, or (only on a developer's own machine, where the
 * page itself is served from localhost) the local sandbox's stand-in. Anything else a compromised
 * or misconfigured token endpoint returns is refused, never loaded.
 */
export function allowedEmbedUrl(
  embedUrl: string,
  pageHostname = location.hostname,
): URL | undefined {
  let url: URL;
  try {
    url = new URL(embedUrl);
  } catch {
    return undefined;
  }
  if (CHECKR_PAY_ORIGINS.includes(url.origin)) return url;
  const local =
    isLoopback(url.hostname) &&
    isLoopback(pageHostname) &&
    url.pathname.startsWith('/sandbox/pay-cdn/');
  return local && (url.protocol === 'http:' || url.protocol === 'https:') ? url : undefined;
}

/**
 * The Checkr Pay embeddable, done right: a fresh one-time token from your backend on every mount
 * (never reused or stored), the frame pointed only at Checkr Pay's CDN, the narrowest sandbox that
 * lets it work, loading and error states whose retry mints a new token, a guard for the minimum
 * size, and links that leave Checkr Pay opened outside (the system browser in a React Native
 * WebView).
 *
 * @tagname ck-pay-embed
 * @summary The Checkr Pay wallet in a frame, with a fresh one-time token.
 * @csspart frame - The iframe.
 * @csspart status - The loading, error and expired states.
 * @csspart notice - The too-small warning.
 * @cssprop --ck-pay-embed-height - The height of the wallet (640px).
 * @event ck-pay-ready - The wallet loaded.
 * @event ck-pay-error - No token or no wallet: `code` (`frame_blocked`: the page's
 * Content-Security-Policy refused the frame, or it did not load within `load-timeout`).
 * @event ck-pay-token-expired - The wallet said its session expired.
 * @event ck-pay-viewport-too-small - The container is too small: `width`, `height`.
 * @event ck-pay-external-link - A link leaving Checkr Pay: `url`.
 */
export class CkPayEmbed extends CkReactiveElement {
  static override styles: CSSResultGroup = [hostStyles, primaryButtonStyles, payEmbedStyles];
  static override properties = {
    tokenUrl: { attribute: 'token-url' },
    fetchToken: { attribute: false },
    fetchHostToken: { attribute: false },
    loadTimeout: { attribute: 'load-timeout', type: Number },
    phase: { state: true },
    src: { state: true },
    tooSmall: { state: true },
  };

  /** Your backend's token endpoint (GET, with credentials): `{ token, embed_url }`. */
  tokenUrl = '';
  /** Instead of `token-url`: a function returning `{ token, embed_url }`. */
  fetchToken: ((signal: AbortSignal) => Promise<PayToken>) | undefined;
  /**
   * With `token-url`: returns your app's short-lived sign-in JWT, sent as `Authorization: Bearer`
   * so a BFF configured with HOST_JWT_SECRET or HOST_JWKS_URL knows who the worker is. Called on
   * every mount, so an expired JWT is never sent twice.
   */
  fetchHostToken: (() => Promise<string>) | undefined;
  /**
   * Milliseconds the wallet may take to load before the element gives up with `frame_blocked`:
   * Firefox never fires `load` on a frame the page's CSP blocked, and no engine reports a frame
   * the CDN refused to be framed in.
   */
  loadTimeout = 30_000;

  private readonly localize = new LocalizeController(this);
  private phase: Phase = 'loading';
  private src: string | undefined;
  private tooSmall = false;

  // The shadow DOM: the status (a message and retry) and the notice, made once and put in the
  // shadow root by createRenderRoot, and a frame per token. update() sets their words and shows
  // what the phase needs; nothing here needs a template engine.
  private readonly status = element('div', { part: 'status' });
  private readonly message = this.status.appendChild(element('p'));
  private readonly retry = this.status.appendChild(element('button', { type: 'button' }));
  private readonly notice = element('div', { part: 'notice', role: 'status' });
  private frame: HTMLIFrameElement | undefined;

  private controller: AbortController | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private embedOrigin: string | undefined;
  private loadTimer: ReturnType<typeof setTimeout> | undefined;

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    // A failed load or a spent token is retried with a new token.
    this.retry.addEventListener('click', () => void this.mount());
    root.append(this.status, this.notice);
    return root;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.handleMessage);
    document.addEventListener('securitypolicyviolation', this.handleViolation);
    this.resizeObserver = new ResizeObserver(
      ([entry]) => entry && this.checkSize(entry.contentRect),
    );
    this.resizeObserver.observe(this);
    if (this.tokenUrl || this.fetchToken) void this.mount();
  }

  /** A page that sets `token-url` or `fetchToken` after connecting starts then. */
  protected override updated(): void {
    if (!this.controller && this.isConnected && (this.tokenUrl || this.fetchToken))
      void this.mount();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('message', this.handleMessage);
    document.removeEventListener('securitypolicyviolation', this.handleViolation);
    this.resizeObserver?.disconnect();
    clearTimeout(this.loadTimer);
    // Abort a token request still in flight and drop the frame: a re-connect starts afresh.
    this.controller?.abort();
    this.controller = undefined;
    this.src = undefined;
    super.disconnectedCallback();
  }

  /** Fetches a new token and loads the wallet with it. Called on connect and by retry. */
  async mount(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.phase = 'loading';
    this.src = undefined;
    clearTimeout(this.loadTimer);
    try {
      const token = await this.requestToken(controller.signal);
      if (controller.signal.aborted || this.controller !== controller) return;
      const url = allowedEmbedUrl(token.embed_url);
      if (!url) throw failure('embed_url_refused');
      this.embedOrigin = url.origin;
      this.src = url.toString();
      this.loadTimer = setTimeout(() => this.frameBlocked(), this.loadTimeout);
    } catch (error) {
      if (controller.signal.aborted || this.controller !== controller) return;
      const code = (error as { code?: string }).code ?? 'network_error';
      this.phase = code === 'host_session_required' ? 'signed-out' : 'error';
      this.dispatchEvent(new CkPayErrorEvent(code));
    }
  }

  private async requestToken(signal: AbortSignal): Promise<PayToken> {
    if (this.fetchToken) return this.fetchToken(signal);
    if (!this.tokenUrl) throw failure('token_url_missing');
    const hostToken = await this.fetchHostToken?.();
    const response = await fetch(this.tokenUrl, {
      credentials: 'include',
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        ...(hostToken ? { authorization: `Bearer ${hostToken}` } : {}),
      },
      signal,
    });
    const body = (await response.json().catch(() => ({}))) as Partial<PayToken> & {
      errors?: Array<{ code?: string }>;
    };
    if (!response.ok) throw failure(body.errors?.[0]?.code ?? `http_${response.status}`);
    if (typeof body.token !== 'string' || typeof body.embed_url !== 'string')
      throw failure('token_response_invalid');
    return { token: body.token, embed_url: body.embed_url };
  }

  private checkSize({ width, height }: { width: number; height: number }): void {
    const tooSmall = width < MIN_WIDTH || height < MIN_HEIGHT;
    if (tooSmall && !this.tooSmall)
      this.dispatchEvent(new CkPayViewportTooSmallEvent(Math.round(width), Math.round(height)));
    this.tooSmall = tooSmall;
  }

  /** Messages are trusted only from the frame's own origin and window. */
  private handleMessage = (event: MessageEvent): void => {
    if (
      !this.embedOrigin ||
      event.origin !== this.embedOrigin ||
      event.source !== this.frame?.contentWindow
    )
      return;
    const data = event.data as { source?: unknown; type?: unknown; url?: unknown } | null;
    if (!data || data.source !== 'checkr-pay-embeddable') return;
    if (data.type === 'ready') this.ready();
    if (data.type === 'expired') this.expire();
    if (data.type === 'external-link' && typeof data.url === 'string') {
      this.dispatchEvent(new CkPayExternalLinkEvent(data.url));
      // In a browser the link opens a new tab by itself; a WebView must hand it to the system browser.
      if (isReactNativeWebView()) openExternal(data.url);
    }
  };

  /**
   * The page's CSP refused the frame. Every engine reports it here (the event is composed, so it
   * reaches the document from inside this shadow root); a report-only policy blocks nothing.
   */
  private handleViolation = (event: SecurityPolicyViolationEvent): void => {
    if (this.phase !== 'loading' || !this.src || event.disposition !== 'enforce') return;
    // blockedURI holds the token: only its origin is compared (a report may give the origin
    // alone), and it is never logged.
    if (`${event.blockedURI}/`.startsWith(`${this.embedOrigin}/`))
      this.frameBlocked(event.violatedDirective);
  };

  /** No wallet will show: say so, with the one line a developer needs to fix the page. */
  private frameBlocked(directive?: string): void {
    if (this.phase !== 'loading') return;
    console.warn(
      `ck-pay-embed: frame_blocked (${directive ?? `no load in ${this.loadTimeout} ms`}): the page's Content-Security-Policy needs "frame-src ${this.embedOrigin}"`,
    );
    this.phase = 'error';
    this.src = undefined;
    this.dispatchEvent(new CkPayErrorEvent('frame_blocked'));
  }

  private ready(): void {
    // A timer still running after this finds the phase changed and does nothing.
    if (this.phase !== 'loading' || !this.src) return;
    this.phase = 'ready';
    this.dispatchEvent(new CkPayReadyEvent());
  }

  private expire(): void {
    if (this.phase === 'expired') return;
    this.phase = 'expired';
    this.src = undefined;
    this.dispatchEvent(new CkPayTokenExpiredEvent());
  }

  /**
   * Checkr Pay's CDN documents no message, so `load` is the only sign the wallet loaded, and
   * Chromium and WebKit fire it on a frame the CSP blocked too. A blocked frame that WebKit left
   * at about:blank is readable from here (Checkr Pay's never is): that is no wallet. Chromium's
   * error page is not readable; its `securitypolicyviolation` arrives first (handleViolation).
   */
  private handleLoad = (event: Event): void => {
    if ((event.target as HTMLIFrameElement).contentDocument?.URL === 'about:blank')
      this.frameBlocked('frame-src');
    else this.ready();
  };

  /** Where a LitElement would render: the frame for this token, and each node's words and state. */
  protected override update(changed: PropertyValues): void {
    super.update(changed);
    if (changed.has('src')) this.replaceFrame();
    if (this.frame) {
      this.frame.title = this.localize.term('pay_title');
      this.frame.setAttribute('aria-busy', String(this.phase === 'loading'));
    }
    const key = STATUS_TERMS[this.phase];
    this.status.hidden = !key;
    if (key) {
      this.status.setAttribute('role', this.phase === 'loading' ? 'status' : 'alert');
      setText(this.message, this.localize.term(key));
    }
    // Signed out, there is nothing to retry.
    this.retry.hidden = this.phase !== 'error' && this.phase !== 'expired';
    setText(this.retry, this.localize.term('retry'));
    this.notice.hidden = !this.tooSmall;
    setText(this.notice, this.localize.term('pay_too_small'));
  }

  /**
   * A new frame for every token, never one navigated from the last: the spent token's page is
   * gone with its frame. None while there is no token.
   */
  private replaceFrame(): void {
    this.frame?.remove();
    this.frame = undefined;
    if (!this.src) return;
    this.frame = element('iframe', {
      part: 'frame',
      sandbox:
        'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox',
      referrerpolicy: 'no-referrer',
      loading: 'eager',
      src: this.src,
    });
    this.frame.addEventListener('load', this.handleLoad);
    this.renderRoot.prepend(this.frame);
  }
}

defineElement('ck-pay-embed', CkPayEmbed);

declare global {
  interface HTMLElementTagNameMap {
    'ck-pay-embed': CkPayEmbed;
  }
}
