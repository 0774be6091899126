import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startSandbox } from './helpers.ts';

/** Issue 15, finding 6: a page on another localhost port read the signed-in worker's Pay token. */
describe('sandbox CORS and the demo sign-in', () => {
  it('grants CORS and a Pay token to the demo own origin only, not to another local port', async () => {
    const bff = await startSandbox({ env: { ALLOWED_ORIGINS: 'http://localhost:6006' } });
    const login = await fetch(`${bff.url}/demo/login`, { method: 'POST', redirect: 'manual' });
    const setCookie = login.headers.get('set-cookie')!;
    assert.match(setCookie, /; HttpOnly/, 'no script on any port reads it');
    const cookie = setCookie.split(';')[0]!;
    const token = (headers: Record<string, string>, method = 'GET') =>
      fetch(`${bff.url}/v1/pay/token`, { method, headers: { cookie, ...headers } });

    // SameSite=Lax sends the cookie from any localhost port: ports are one site.
    for (const origin of [`http://localhost:${bff.port + 1}`, 'http://127.0.0.1:5173']) {
      const preflight = await token(
        { origin, 'access-control-request-method': 'GET', 'sec-fetch-site': 'same-site' },
        'OPTIONS',
      );
      assert.equal(preflight.status, 403, origin);
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
      const read = await token({ origin, 'sec-fetch-site': 'same-site' });
      assert.equal(read.status, 403, origin);
      assert.equal(read.headers.get('access-control-allow-origin'), null);
      assert.equal((await read.json()).errors[0].code, 'origin_not_allowed');
    }
    // An <img> or no-cors fetch from that page: no Origin, but the browser says it came from
    // another site's page.
    const blind = await token({ 'sec-fetch-site': 'same-site' });
    assert.equal(blind.status, 403);
    assert.equal(bff.sandbox.pay.tats.size, 0, 'no token was minted');

    // The demo's own pages, however the browser names the BFF, and what ALLOWED_ORIGINS lists.
    for (const origin of [
      `http://localhost:${bff.port}`,
      `http://127.0.0.1:${bff.port}`,
      'http://localhost:6006',
    ]) {
      const granted = await token({ origin, 'sec-fetch-site': 'same-origin' });
      assert.equal(granted.status, 200, origin);
      assert.equal(granted.headers.get('access-control-allow-origin'), origin);
      assert.ok((await granted.json()).token);
    }
    // Same-origin GETs carry no Origin; neither do calls from a server.
    assert.equal((await token({ 'sec-fetch-site': 'same-origin' })).status, 200);
    assert.equal((await token({})).status, 200);
  });
});
