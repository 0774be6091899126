import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { startSandbox } from './helpers.ts';

/**
 * Security headers sized to what each response is: a page (or a kit asset, or any path a
 * browser may open as a document) gets helmet's page set; the API's responses get the set
 * OWASP's REST Security Cheat Sheet gives API responses, stricter where the two overlap.
 */
const bff = await startSandbox({ env: { ALLOWED_ORIGINS: 'https://careers.example.com' } });

const headersOf = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${bff.url}${path}`, { redirect: 'manual', ...init });
  await response.arrayBuffer();
  return response;
};

const api = {
  'content-security-policy': "default-src 'none';frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};
const documentOnly = [
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];
const page = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
// The sandbox's stand-in for the Pay CDN, on a port of its own.
const pagePolicy = new RegExp(
  "^default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;connect-src 'self';" +
    "frame-src 'self' http://127\\.0\\.0\\.1:\\d+;frame-ancestors 'self';form-action 'self';base-uri 'none';object-src 'none'$",
);

function assertHeaders(response: Response, expected: Record<string, string>): void {
  for (const [name, value] of Object.entries(expected))
    assert.equal(response.headers.get(name), value, `${response.url}: ${name}`);
}

describe('security headers', () => {
  it("API responses carry OWASP's REST set, whatever their status, and nothing only a document reads", async () => {
    const responses = await Promise.all([
      headersOf('/v1/pay/token'),
      headersOf('/v1/apply/config'),
      headersOf('/V1/Apply/Config'),
      headersOf('/v1/no-such-route'),
      headersOf('/v1/pay/token', { method: 'HEAD' }),
      headersOf('/v1/apply/config', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://careers.example.com',
          'access-control-request-method': 'GET',
        },
      }),
      headersOf('/healthz'),
      headersOf('/openapi.json'),
    ]);
    assert.deepEqual(
      responses.map((response) => response.status),
      [401, 401, 401, 404, 405, 204, 200, 200],
    );
    for (const response of responses) {
      assertHeaders(response, api);
      for (const name of documentOnly)
        assert.equal(response.headers.get(name), null, `${response.url}: ${name}`);
    }
  });

  it('pages, and paths that are not the API, keep the page set with its frame-src for the Pay frame', async () => {
    const responses = await Promise.all([
      headersOf('/demo/careers'),
      headersOf('/'),
      headersOf('/no-such-page'),
      headersOf('/v1x'),
    ]);
    assert.deepEqual(
      responses.map((response) => response.status),
      [200, 302, 404, 404],
    );
    for (const response of responses) {
      assert.match(response.headers.get('content-security-policy') ?? '', pagePolicy);
      assert.equal(response.headers.get('x-powered-by'), null);
      assertHeaders(response, page);
    }
  });

  it('no ETag on API answers (one-time tokens, no-store states); what is revalidated keeps its own and its 304', async () => {
    for (const path of ['/v1/pay/token', '/v1/apply/config', '/v1/no-such-route', '/healthz'])
      assert.equal((await headersOf(path)).headers.get('etag'), null, path);
    // Not fetch: with If-None-Match it also sends Cache-Control: no-cache, as a browser's
    // reload does, which no server answers with 304.
    const raw = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; etag?: string }>((resolve, reject) =>
        request(`${bff.url}${path}`, { headers }, (response) => {
          response.resume();
          resolve({ status: response.statusCode!, etag: response.headers.etag });
        })
          .on('error', reject)
          .end(),
      );
    // /demo/wallet: the sign-in page, then the wallet at the same URL, told apart by ETag. The
    // kit's files and manifest, which need a build, keep theirs in kit.test.ts.
    for (const path of ['/openapi.json', '/demo/wallet']) {
      const first = await raw(path);
      assert.equal(first.status, 200, path);
      assert.ok(first.etag, `${path} has an ETag`);
      assert.equal((await raw(path, { 'if-none-match': first.etag })).status, 304, path);
    }
  });
});
