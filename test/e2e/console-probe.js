// Served by test/e2e/console-proxy.ts as /__console-probe.js, the first script of every HTML
// document the proxied browser loads (a classic script, so it runs before the page's modules).
// It reports, by beacon to the proxy, what the other engines' drivers read from the console:
// console.error calls, uncaught exceptions, resources that failed to load, unhandled rejections
// and CSP violations; and says hello, so a document where it never ran is seen too.
(() => {
  const doc = new URL(document.currentScript.src).searchParams.get('doc');
  const send = (kind, text) =>
    navigator.sendBeacon('/__console-probe', JSON.stringify({ doc, kind, text }));
  const format = (value) => {
    if (value instanceof Error) return value.message;
    if (typeof value === 'string') return value;
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  };
  const error = console.error;
  console.error = (...args) => {
    send('console', args.map(format).join(' '));
    error.apply(console, args);
  };
  // Capturing: a failed <img>, <script> or <link> fires a plain `error` event that does not bubble.
  addEventListener(
    'error',
    (event) => {
      if (event instanceof ErrorEvent) return send('exception', event.message);
      const target = event.target;
      send('failed', target?.src || target?.href || String(target?.localName));
    },
    true,
  );
  addEventListener('unhandledrejection', (event) =>
    send('exception', `unhandled rejection: ${format(event.reason)}`),
  );
  document.addEventListener(
    'securitypolicyviolation',
    (event) => send('csp', `${event.effectiveDirective} refused ${event.blockedURI || 'inline'}`),
    true,
  );
  send('hello', location.href);
})();
