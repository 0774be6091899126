import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { until } from '../support/until.ts';

/**
 * What a page's console and network would show, for an engine whose driver shows neither:
 * WebKitWebDriver speaks classic WebDriver only (no log endpoint; Debian's WebKitGTK is built
 * without WebDriver BiDi, so `webSocketUrl` fails to match), and its remote inspector cannot run
 * beside an automation session.
 *
 * The browser is pointed at this HTTP proxy (the WebDriver `proxy` capability), so every page
 * keeps its own origin: the BFF sees the same Origin, Sec-Fetch-Site and cookies as without it.
 * The proxy
 * - records every response >= 400 and every request it could not forward, for any document,
 *   script, style, image, frame, fetch or XHR, in every frame, the favicon included;
 * - injects, as the first element of each HTML document's <head>, a same-origin
 *   `<script src="/__console-probe.js">` that it serves itself (the pages' `script-src 'self'`
 *   allows it unchanged). The probe reports console.error calls, uncaught exceptions, resources
 *   that failed to load, unhandled rejections and CSP violations back to the proxy, and says
 *   hello, so a document where it did not run (a CSP that refuses it) is a failure, not silence.
 * Not seen: console messages the engine writes itself with no DOM event behind them (WebKit's
 * own warnings), and responses served from the memory cache without a request.
 */
export interface ConsoleProxy {
  /** `host:port`, for the WebDriver proxy capability. */
  address: string;
  /**
   * Waits until the pages are quiet (nothing in flight, no request for 500 ms), then returns
   * what went wrong since the last call, in the other engines' words, and forgets it.
   */
  settled(): Promise<string[]>;
  close(): Promise<void>;
}

const probePath = '/__console-probe';

const probeSource = readFileSync(new URL('./console-probe.js', import.meta.url));

function decode(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  return body;
}

/** `html` with the probe's script tag as the first element of its head. */
function inject(html: string, doc: number): string {
  const tag = `<script src="${probePath}.js?doc=${doc}"></script>`;
  for (const opening of [/<head(\s[^>]*)?>/i, /<html(\s[^>]*)?>/i]) {
    const match = opening.exec(html);
    if (match)
      return (
        html.slice(0, match.index + match[0].length) +
        tag +
        html.slice(match.index + match[0].length)
      );
  }
  return tag + html;
}

export async function startConsoleProxy(): Promise<ConsoleProxy> {
  let seen: string[] = [];
  /** Documents the probe was put into and that have not said hello: number -> URL. */
  const unobserved = new Map<number, string>();
  let documents = 0;
  let inFlight = 0;
  let lastActivity = Date.now();

  const server: Server = createServer((req, res) => {
    inFlight++;
    lastActivity = Date.now();
    res.once('close', () => {
      inFlight--;
      lastActivity = Date.now();
    });
    const url = new URL(req.url ?? '/', 'http://invalid');
    if (url.host === 'invalid') {
      // A request for the proxy itself, not through it (a CONNECT, for HTTPS, gets no listener
      // and is closed): nothing the demo loads should be one.
      seen.push(`failed: ${req.method} ${req.url}`);
      res.writeHead(405).end();
      return;
    }
    if (url.pathname === `${probePath}.js`) {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(probeSource);
      return;
    }
    if (url.pathname === probePath && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          const { doc, kind, text } = JSON.parse(Buffer.concat(chunks).toString()) as {
            doc: string;
            kind: string;
            text: string;
          };
          if (kind === 'hello') unobserved.delete(Number(doc));
          else seen.push(`${kind}: ${text}`);
        } catch {
          seen.push('probe: an unreadable report');
        }
        res.writeHead(204).end();
      });
      return;
    }
    const headers: IncomingHttpHeaders = { ...req.headers };
    delete headers['proxy-connection'];
    const upstream = request(
      {
        // The demo listens on IPv4 loopback; Node may resolve `localhost` to ::1 first.
        hostname: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: req.method,
        headers,
      },
      (response) => {
        const status = response.statusCode ?? 502;
        if (status >= 400) seen.push(`${status}: ${url.href}`);
        const html = /^text\/html\b/i.test(response.headers['content-type'] ?? '');
        // A redirect's body (Express sends one) is never shown, nor is a HEAD's or a 204's.
        const shown = req.method !== 'HEAD' && status !== 204 && (status < 300 || status >= 400);
        if (!html || !shown) {
          res.writeHead(status, response.headers);
          response.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const doc = ++documents;
          unobserved.set(doc, url.href);
          const body = inject(
            decode(Buffer.concat(chunks), response.headers['content-encoding']).toString(),
            doc,
          );
          const out = { ...response.headers };
          delete out['content-encoding'];
          delete out['etag'];
          out['content-length'] = String(Buffer.byteLength(body));
          res.writeHead(status, out);
          res.end(body);
        });
      },
    );
    upstream.once('error', (error) => {
      seen.push(`failed: ${url.href} (${error.message})`);
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    address: `127.0.0.1:${port}`,
    async settled() {
      await until(() => inFlight === 0 && Date.now() - lastActivity >= 500, 20_000, 'quiet pages');
      const problems = [
        ...seen,
        ...[...unobserved.values()].map((href) => `unobserved: the probe did not run in ${href}`),
      ];
      seen = [];
      unobserved.clear();
      return problems;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
