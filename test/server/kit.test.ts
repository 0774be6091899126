import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import { kitRoutes } from '../../server/src/routes/kit.ts';

const kitDir = mkdtempSync(join(tmpdir(), 'ck-kit-'));
const source = `export const kit = ${JSON.stringify('x'.repeat(4000))};\n//# sourceMappingURL=checkr-kit.js.map\n`;
writeFileSync(join(kitDir, 'checkr-kit.js'), source);
writeFileSync(join(kitDir, 'checkr-kit.js.map'), '{"version":3,"sources":[],"mappings":""}');
const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);

const kit = kitRoutes(kitDir, '/kit', { sourceMaps: true });
const app = express();
// As the BFF's app (app.ts): no ETag of Express's own, so every one seen here is the kit's.
app.set('etag', false);
app.use('/kit', kit.router);
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
after(() => server.close());
const port = (server.address() as AddressInfo).port;

/** A raw GET (no automatic decompression), as a browser's network layer sees it. */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('the script-tag kit as the BFF serves it', () => {
  it('names the hashed file for pages, and caches it for a year as immutable', async () => {
    assert.equal(await kit.pathOf('checkr-kit.js'), `/kit/checkr-kit.${hash}.js`);
    const manifest = await get('/kit/manifest.json');
    assert.deepEqual(JSON.parse(manifest.body.toString()), {
      'checkr-kit.js': `/kit/checkr-kit.${hash}.js`,
    });
    const res = await get(`/kit/checkr-kit.${hash}.js`, { 'accept-encoding': 'br, gzip' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(res.headers['access-control-allow-origin'], '*');
  });

  it('sends brotli, else gzip, else the plain bytes, by Accept-Encoding, each with its own ETag', async () => {
    const br = await get('/kit/checkr-kit.js', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.body).toString(), source);
    assert.ok(br.body.length < source.length / 10, `${br.body.length} bytes`);
    const gz = await get('/kit/checkr-kit.js', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.body).toString(), source);
    const plain = await get('/kit/checkr-kit.js', { 'accept-encoding': 'identity' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), source);
    const noHeader = await get('/kit/checkr-kit.js');
    assert.equal(noHeader.body.toString(), source);
    for (const res of [br, gz, plain]) {
      assert.equal(res.headers.vary, 'Accept-Encoding');
      assert.equal(res.headers['cache-control'], 'public, max-age=300');
    }
    assert.equal(new Set([br, gz, plain].map((r) => r.headers.etag)).size, 3);
  });

  it('answers 304 to a cache that holds the same bytes', async () => {
    const first = await get('/kit/checkr-kit.js', { 'accept-encoding': 'br' });
    const again = await get('/kit/checkr-kit.js', {
      'accept-encoding': 'br',
      'if-none-match': first.headers.etag!,
    });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    const otherEncoding = await get('/kit/checkr-kit.js', {
      'accept-encoding': 'gzip',
      'if-none-match': first.headers.etag!,
    });
    assert.equal(otherEncoding.status, 200);
    // The manifest is revalidated on every use (no-cache), by its own ETag.
    const manifest = await get('/kit/manifest.json');
    assert.equal(manifest.headers['cache-control'], 'no-cache');
    assert.ok(manifest.headers.etag, 'the manifest has an ETag');
    const unchanged = await get('/kit/manifest.json', { 'if-none-match': manifest.headers.etag! });
    assert.equal(unchanged.status, 304);
  });

  it('sends an old hashed name to the current one, and a new build gets a new name', async () => {
    const old = await get('/kit/checkr-kit.0123456789ab.js');
    assert.equal(old.status, 302);
    assert.equal(old.headers.location, `/kit/checkr-kit.${hash}.js`);
    assert.equal(old.headers['cache-control'], 'no-store');

    const rebuilt = `${source}// rebuilt\n`;
    writeFileSync(join(kitDir, 'checkr-kit.js'), rebuilt);
    const newHash = createHash('sha256').update(rebuilt).digest('hex').slice(0, 12);
    assert.equal(await kit.pathOf('checkr-kit.js'), `/kit/checkr-kit.${newHash}.js`);
    const res = await get(`/kit/checkr-kit.${newHash}.js`, { 'accept-encoding': 'identity' });
    assert.equal(res.body.toString(), rebuilt);
    writeFileSync(join(kitDir, 'checkr-kit.js'), source);
  });

  it('serves the Pay-embed-only script the same way, and names it in the manifest', async () => {
    const payOnly = `export const payEmbed = ${JSON.stringify('y'.repeat(3000))};\n`;
    writeFileSync(join(kitDir, 'checkr-kit-pay-embed.js'), payOnly);
    const payHash = createHash('sha256').update(payOnly).digest('hex').slice(0, 12);
    try {
      const manifest = await get('/kit/manifest.json');
      assert.deepEqual(JSON.parse(manifest.body.toString()), {
        'checkr-kit.js': `/kit/checkr-kit.${hash}.js`,
        'checkr-kit-pay-embed.js': `/kit/checkr-kit-pay-embed.${payHash}.js`,
      });
      const res = await get(`/kit/checkr-kit-pay-embed.${payHash}.js`, { 'accept-encoding': 'br' });
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], 'br');
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(brotliDecompressSync(res.body).toString(), payOnly);
    } finally {
      rmSync(join(kitDir, 'checkr-kit-pay-embed.js'));
    }
  });

  it('serves no source map unless asked (live mode: the map holds the whole source)', async () => {
    const live = express().use('/kit', kitRoutes(kitDir).router);
    const liveServer = live.listen(0, '127.0.0.1');
    await new Promise((resolve) => liveServer.once('listening', resolve));
    const url = `http://127.0.0.1:${(liveServer.address() as AddressInfo).port}/kit`;
    try {
      assert.equal((await fetch(`${url}/checkr-kit.js.map`)).status, 404);
      assert.equal((await fetch(`${url}/checkr-kit.js`)).status, 200);
    } finally {
      liveServer.close();
    }
  });

  it('serves the source map, and nothing outside the kit directory', async () => {
    const map = await get('/kit/checkr-kit.js.map', { 'accept-encoding': 'identity' });
    assert.equal(map.status, 200);
    assert.equal(map.headers['content-type'], 'application/json; charset=utf-8');
    for (const path of [
      '/kit/missing.js',
      '/kit/..%2Fpackage.json',
      '/kit/%2e%2e%2fetc%2fpasswd',
      '/kit/checkr-kit.ts',
    ]) {
      assert.equal((await get(path)).status, 404, path);
    }
  });
});
