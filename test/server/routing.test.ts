import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import express, { Router } from 'express';
import { under } from '../../server/src/routes/middleware.ts';

describe('routers under their paths', () => {
  it('enter a router only for its paths, matched as Express matches them', async () => {
    const entered: string[] = [];
    const pay = Router();
    pay.use((req, _res, next) => {
      entered.push(req.path);
      next();
    });
    pay.get('/v1/pay/token', (_req, res) => void res.json({ route: 'token' }));
    const app = express();
    app.use(under(['/v1/pay'], pay));
    app.use((_req, res) => void res.status(404).json({ route: 'none' }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    after(() => server.close());
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const route = async (path: string) =>
      ((await (await fetch(base + path)).json()) as { route: string }).route;

    // Express's own matching: case-insensitive, a trailing slash, whole segments only.
    assert.equal(await route('/v1/pay/token'), 'token');
    assert.equal(await route('/V1/Pay/Token'), 'token');
    assert.equal(await route('/v1/pay/token/'), 'token');
    assert.equal(await route('/v1/pay/token?x=1'), 'token');
    assert.equal(await route('/v1/pay'), 'none');
    assert.deepEqual(entered, [
      '/v1/pay/token',
      '/V1/Pay/Token',
      '/v1/pay/token/',
      '/v1/pay/token',
      '/v1/pay',
    ]);
    entered.length = 0;
    // Not entered at all for other paths, nor for a path that only starts with the same letters.
    assert.equal(await route('/v1/payments'), 'none');
    assert.equal(await route('/v1/apply/config'), 'none');
    assert.equal(await route('/v1'), 'none');
    assert.deepEqual(entered, []);
  });
});
