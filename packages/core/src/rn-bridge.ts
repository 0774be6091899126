/**
 * React Native WebView bridge (DESIGN.md): when `window.ReactNativeWebView` exists, every kit event
 * is also posted to the host app as JSON `{ source: "checkr-kit", type, detail }` (the base
 * element's `dispatchEvent` calls `forwardToHost`), and external links become `open-external`
 * messages the host opens in the system browser.
 */
interface ReactNativeWebView {
  postMessage(message: string): void;
}

function webView(): ReactNativeWebView | undefined {
  const candidate = (globalThis as { ReactNativeWebView?: ReactNativeWebView }).ReactNativeWebView;
  return candidate && typeof candidate.postMessage === 'function' ? candidate : undefined;
}

export function isReactNativeWebView(): boolean {
  return webView() !== undefined;
}

/** Only an event's own primitive fields: the kit's events carry ids, codes and counts, no PII. */
function detailOf(event: Event): Record<string, string | number | boolean | null> {
  const detail: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(event)) {
    // `isTrusted` is the platform's own field on every event, not the kit's detail.
    if (key === 'isTrusted') continue;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      detail[key] = value as string | number | boolean | null;
    }
  }
  return detail;
}

export function postToHost(type: string, detail: Record<string, unknown> = {}): void {
  webView()?.postMessage(JSON.stringify({ source: 'checkr-kit', type, detail }));
}

/** Posts a kit event to the host app, when there is one. */
export function forwardToHost(event: Event): void {
  if (isReactNativeWebView()) postToHost(event.type, detailOf(event));
}

/**
 * Opens a link outside the kit: in a React Native WebView the host is asked to (system browser);
 * elsewhere a new tab without access back to this page. Only http(s) links are ever opened.
 */
export function openExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (isReactNativeWebView()) {
    postToHost('open-external', { url: parsed.toString() });
    return true;
  }
  window.open(parsed.toString(), '_blank', 'noopener,noreferrer');
  return true;
}
