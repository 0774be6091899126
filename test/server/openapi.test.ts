import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Express } from 'express';
import { readFileSync } from 'node:fs';
import { openApiDocument, openApiMarkdown } from '../../server/src/openapi.ts';
import { openApiProblems } from '../support/openapi-check.ts';
import { startSandbox } from './helpers.ts';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  slash?: boolean;
  handle: { stack?: Layer[] };
}

/** Every route the app answers at its root, including routers mounted without a path. */
function registeredRoutes(app: Express): Array<{ method: string; path: string }> {
  const walk = (stack: Layer[]): Array<{ method: string; path: string }> =>
    stack.flatMap((layer) => {
      if (layer.route)
        return (
          Object.keys(layer.route.methods)
            // HEAD is GET without a body; the BFF answers it 405 on two routes (see app.ts).
            .filter((m) => m !== '_all' && m !== 'head')
            .map((method) => ({ method, path: layer.route!.path }))
        );
      // A router mounted at a path (the sandbox's simulators) is not the BFF's API.
      return layer.slash && layer.handle.stack ? walk(layer.handle.stack) : [];
    });
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
}

const toOpenApi = (path: string) => path.replace(/:(\w+)/g, '{$1}');
// The sandbox demo site (a customer's pages), served by the same process in `npm start`.
const isDemo = (path: string) => path === '/' || path.startsWith('/demo');

describe('OpenAPI document', () => {
  it('is served at /openapi.json as OpenAPI 3.1, the same document the code generates', async () => {
    const bff = await startSandbox();
    const response = await fetch(`${bff.url}/openapi.json`);
    assert.equal(response.status, 200);
    const served = (await response.json()) as { openapi: string };
    assert.equal(served.openapi, '3.1.0');
    assert.deepEqual(served, JSON.parse(JSON.stringify(openApiDocument())));
  });

  it('documents every route the BFF registers, and no route it does not', async () => {
    const bff = await startSandbox();
    const document = openApiDocument() as unknown as {
      paths: Record<string, Record<string, unknown>>;
    };
    const registered = registeredRoutes(bff.app).filter((r) => !isDemo(r.path));
    assert.ok(registered.length >= 14, `${registered.length} routes found`);
    const undocumented = registered.filter(
      ({ method, path }) => !document.paths[toOpenApi(path)]?.[method],
    );
    assert.deepEqual(undocumented, [], 'routes missing from the OpenAPI document');
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => ({ method, path })),
    );
    const phantom = documented.filter(
      (d) => !registered.some((r) => r.method === d.method && toOpenApi(r.path) === d.path),
    );
    assert.deepEqual(phantom, [], 'documented operations no route answers');
  });

  it("the README's route table is the document's (npm run openapi rewrites it)", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = /<!-- openapi:start[^>]*-->\n([\s\S]*?)\n<!-- openapi:end -->/.exec(readme)?.[1];
    assert.equal(table, openApiMarkdown(), 'README.md is out of date: run npm run openapi');
  });

  it('the response check refuses what the document does not say', () => {
    assert.deepEqual(
      openApiProblems('GET', '/healthz', 200, 'application/json', { status: 'ok', mode: 'live' }),
      [],
    );
    assert.match(
      openApiProblems('GET', '/healthz', 200, 'application/json', { status: 'up' }).join(),
      /status|mode/,
    );
    assert.match(
      openApiProblems('GET', '/v1/nowhere', 200, 'application/json', {}).join(),
      /not in/,
    );
    assert.deepEqual(
      openApiProblems('GET', '/v1/consents/abc', 404, 'application/json; charset=utf-8', {
        errors: [{ code: 'consent_not_found', title: 'No such consent' }],
      }),
      [],
    );
    assert.match(
      openApiProblems('POST', '/v1/apply/consent', 400, 'application/json', { error: 'x' }).join(),
      /errors/,
    );
  });
});
