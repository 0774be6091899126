import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXAMPLE_HIERARCHY, type SandboxProcess } from '@checkr-kit/sandbox';
import type { CheckrClient } from '../../server/src/clients/checkr.ts';
import { UpstreamError } from '../../server/src/clients/http.ts';
import { readHierarchy } from '../../server/src/services/nodes.ts';
import { michael, until } from './helpers.ts';
import { applyAs, checkrApi, createApplySession, startLive } from './live-helpers.ts';

/**
 * The account hierarchy (`node`, seed 001 L357, L1664-1726, L2382-2387): what Checkr would refuse
 * about a node is refused when the apply session is created, in live configuration (keys set,
 * bases pointed at the simulators), never after the candidate signed.
 */

const DEPARTMENT = 'zpy8orej4r614ize'; // tasker_standard (EXAMPLE_HIERARCHY, after F1 L1574)
const DIVISION = 'ocquzig4k3whppfx'; // its child: driver_pro, mvr_only, and tasker_standard inherited

/** How many times the BFF listed the nodes (the simulator's log of requests). */
async function nodeListings(sim: SandboxProcess): Promise<number> {
  return (await sim.control.checkr.requests()).filter(
    (r) => r.method === 'GET' && r.path === '/v1/nodes',
  ).length;
}

describe('live: account hierarchy at session creation', () => {
  it('an account without hierarchy: a node is refused (400 node_unknown) and nothing reaches Checkr', async () => {
    const { bff, sim, admin } = await startLive();
    const { status, body } = await createApplySession(bff, admin, { node: DEPARTMENT });
    assert.equal(status, 400, JSON.stringify(body));
    assert.equal(body.errors[0].code, 'node_unknown');
    assert.equal(body.errors[0].source.pointer, '/node');
    assert.equal((await createApplySession(bff, admin, {})).status, 201);
    assert.deepEqual(await sim.control.checkr.candidates(), []);
    assert.deepEqual(await sim.control.checkr.reports(), []);
  });

  it('a hierarchy account: no node, an unknown node, a package the node lacks are refused', async () => {
    const { bff, sim, admin } = await startLive();
    await sim.control.checkr.setHierarchy(EXAMPLE_HIERARCHY);
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{}, 'node_required', '/node'],
      [{ node: 'nowhere' }, 'node_unknown', '/node'],
      [{ node: DEPARTMENT, package: 'driver_pro' }, 'package_not_available_at_node', '/package'],
    ];
    for (const [fields, code, pointer] of cases) {
      const { status, body } = await createApplySession(bff, admin, fields);
      assert.equal(status, 400, `${JSON.stringify(fields)}: ${JSON.stringify(body)}`);
      assert.equal(body.errors[0].code, code);
      assert.equal(body.errors[0].source.pointer, pointer);
    }
    assert.deepEqual(await sim.control.checkr.reports(), []);
    // The simulator's reset gives the next test the account it started with: no hierarchy.
    await sim.control.checkr.reset();
    assert.deepEqual(await sim.control.checkr.hierarchy(), []);
  });

  it('a valid node: the consent leads to a report ordered with that node', async () => {
    const { bff, sim, admin } = await startLive();
    await sim.control.checkr.setHierarchy(EXAMPLE_HIERARCHY);
    // tasker_standard is the department's, inherited by the division (seed 001 L1679).
    const { sign } = await applyAs(
      bff,
      admin,
      { ...michael, email: 'michael.scott@example.com' },
      { node: DIVISION },
    );
    assert.equal((await sign()).status, 201);
    await until(async () => (await sim.control.checkr.reports()).length === 1);
    const order = (await sim.control.checkr.requests()).find(
      (r) => r.method === 'POST' && r.path === '/v1/reports',
    );
    assert.equal(order?.body.node, DIVISION);
    assert.equal(order?.body.package, 'tasker_standard');
    const failed = await fetch(`${bff.url}/v1/outbox?state=failed`, { headers: admin });
    assert.deepEqual(((await failed.json()) as { data: unknown[] }).data, []);
  });

  it('reads the node list once per cache period, not once per session', async () => {
    const { bff, sim, admin } = await startLive();
    await sim.control.checkr.setHierarchy(EXAMPLE_HIERARCHY);
    for (let i = 0; i < 3; i++)
      assert.equal((await createApplySession(bff, admin, { node: DIVISION })).status, 201);
    assert.equal(await nodeListings(sim), 1);
    // The cache is the default five minutes: a node removed meanwhile is seen after it expires.
    await sim.control.checkr.setHierarchy([]);
    assert.equal((await createApplySession(bff, admin, { node: DIVISION })).status, 201);

    const { bff: uncached, admin: admin2 } = await startLive({
      sandbox: sim,
      env: { CHECKR_NODES_CACHE_SECONDS: '0' },
    });
    const before = await nodeListings(sim);
    assert.equal((await createApplySession(uncached, admin2, { node: DIVISION })).status, 400);
    assert.equal((await createApplySession(uncached, admin2, {})).status, 201);
    assert.equal((await nodeListings(sim)) - before, 2);
  });

  it('reads every page of a large hierarchy (100 nodes a page, until next_href is null)', async () => {
    const { bff, sim, admin } = await startLive();
    const nodes = Array.from({ length: 250 }, (_, i) => ({
      custom_id: `store-${String(i).padStart(3, '0')}`,
      name: `Store ${i}`,
      tier: 'store',
      packages: ['tasker_standard'],
    }));
    await sim.control.checkr.setHierarchy(nodes);
    assert.equal((await createApplySession(bff, admin, { node: 'store-249' })).status, 201);
    const pages = (await sim.control.checkr.requests())
      .filter((r) => r.path === '/v1/nodes')
      .map((r) => r.query);
    assert.deepEqual(
      pages.map((q) => [q.page, q.per_page, q.include]),
      [
        ['1', '100', 'packages'],
        ['2', '100', 'packages'],
        ['3', '100', 'packages'],
      ],
    );
  });

  it('a node list Checkr cannot give refuses the session (502 node_lookup_failed), then recovers', async () => {
    const { bff, sim, admin, logs } = await startLive({
      env: { CHECKR_NODES_CACHE_SECONDS: '0' },
    });
    await sim.control.checkr.addFault({ route: 'GET /v1/nodes', kind: '500', count: 50 });
    const { status, body } = await createApplySession(bff, admin, {});
    assert.equal(status, 502, JSON.stringify(body));
    assert.equal(body.errors[0].code, 'node_lookup_failed');
    assert.ok(logs.some((line) => line.includes('GET /v1/nodes failed')));
    await sim.control.checkr.clearFaults();
    assert.equal((await createApplySession(bff, admin, {})).status, 201);
  });
});

describe('kit = simulator: the node of a report order', () => {
  it('the BFF creates the session exactly when the simulator orders the report', async () => {
    const { bff, sim, admin } = await startLive({ env: { CHECKR_NODES_CACHE_SECONDS: '0' } });
    let serial = 0;
    const simulatorOrders = async (fields: Record<string, unknown>) => {
      const candidate = await checkrApi(sim, '/v1/candidates', {
        ...michael,
        last_name: `Scott${serial++}`,
        email: 'michael.scott@example.com',
      });
      assert.equal(candidate.status, 201, JSON.stringify(candidate.body));
      const report = await checkrApi(sim, '/v1/reports', {
        candidate_id: candidate.body.id,
        package: 'tasker_standard',
        work_locations: [{ country: 'US', state: 'PA' }],
        ...fields,
      });
      return report.status;
    };
    const hierarchies = [
      [],
      EXAMPLE_HIERARCHY,
      [{ custom_id: 'solo', name: 'Solo', tier: 'site', packages: ['driver_pro'] }],
    ];
    const orders: Array<Record<string, unknown>> = [
      {},
      { node: DEPARTMENT },
      { node: DIVISION },
      { node: 'solo' },
      { node: 'nowhere' },
      { node: DIVISION, package: 'mvr_only' },
      { node: DEPARTMENT, package: 'mvr_only' },
      { node: 'solo', package: 'driver_pro' },
    ];
    for (const nodes of hierarchies) {
      await sim.control.checkr.setHierarchy(nodes);
      for (const fields of orders) {
        const kit = await createApplySession(bff, admin, fields);
        const atCheckr = await simulatorOrders(fields);
        assert.equal(
          kit.status === 201,
          atCheckr === 201,
          `${nodes.length} node(s), ${JSON.stringify(fields)}: kit ${kit.status} ${JSON.stringify(kit.body)}, simulator ${atCheckr}`,
        );
      }
    }
  });
});

describe('readHierarchy', () => {
  const failingWith = (status: number) =>
    ({
      listNodes: () => Promise.reject(new UpstreamError('checkr', status, ['refused'])),
    }) as unknown as CheckrClient;

  it('reads a 403 or 404 from GET /v1/nodes as an account without hierarchy', async () => {
    for (const status of [403, 404]) {
      const hierarchy = await readHierarchy(failingWith(status));
      assert.equal(hierarchy.nodes.size, 0);
      assert.equal(hierarchy.notEnabledStatus, status);
    }
  });

  it('passes any other failure on, so the session is refused rather than created blind', async () => {
    for (const status of [401, 500, 400])
      await assert.rejects(readHierarchy(failingWith(status)), UpstreamError);
  });
});
