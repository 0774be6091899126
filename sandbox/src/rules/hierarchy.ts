/**
 * Checkr's account hierarchy as the simulator reads it from the documents on its own (never from
 * the kit). `F1 Lnnn` is a line of ../shared/seeds/001_9e5f53c0d3977134.txt, `F0 Lnnn` of
 * 000_1460b6f0a3753370.txt.
 *
 * - A hierarchy is "Enabled by request" (F1 L1547) and made of nodes, each with a `custom_id`
 *   (F1 L1552), a `name`, a `tier` and a `parent_custom_id` (the POST /v1/hierarchy sample,
 *   F1 L1574). Packages are assigned to nodes in the Dashboard (F1 L1550), and a node offers the
 *   packages "assigned to that node or its ancestors" (F1 L1668, L1679).
 * - `node` on an order: "Required if any nodes exist on the account" (invitations, F1 L357, F0
 *   L438), "Required for hierarchy-enabled accounts" (reports, F1 L2382-2387). The two differ
 *   only for an account with hierarchy enabled and no node yet, which no `node` could satisfy;
 *   the simulator enforces L357's condition. A `node` naming no node of the account is refused,
 *   and so is one on an account without nodes (there is nothing it could name).
 * - The docs say packages are assigned to nodes, not in so many words that an order for a package
 *   its node does not offer is refused. The simulator refuses it: the stricter reading is the one
 *   a client must survive, and a kit that does not check is caught here rather than at Checkr.
 */

import { TEXT } from './checkr-rules.ts';

/** One node as POST /v1/hierarchy takes it (F1 L1574), plus its directly assigned packages. */
export interface HierarchyNode {
  custom_id: string;
  name: string;
  tier: string;
  parent_custom_id?: string | null;
  /** Package slugs assigned to this node itself (the Dashboard's job, F1 L1550). */
  packages?: string[];
}

/**
 * The seed's own two nodes (F1 L1574, "zpy8orej4r614ize" and its child "ocquzig4k3whppfx"), with
 * packages assigned so the inheritance shows: the department offers `tasker_standard`; its
 * division inherits that and adds the driver packages.
 */
export const EXAMPLE_HIERARCHY: readonly HierarchyNode[] = Object.freeze([
  {
    name: 'Acme Staffing',
    tier: 'department',
    custom_id: 'zpy8orej4r614ize',
    parent_custom_id: null,
    packages: ['tasker_standard'],
  },
  {
    name: 'Drivers Staffing',
    tier: 'divison', // sic, F1 L1574
    custom_id: 'ocquzig4k3whppfx',
    parent_custom_id: 'zpy8orej4r614ize',
    packages: ['driver_pro', 'mvr_only'],
  },
]);

/**
 * A hierarchy as a knob gives it (code, `SANDBOX_HIERARCHY`, `POST /__sandbox/hierarchy`):
 * checked, so a typo in a test's set-up fails loudly instead of simulating something else.
 */
export function parseHierarchy(value: unknown): HierarchyNode[] {
  if (!Array.isArray(value)) throw new Error('nodes must be an array');
  const nodes = value.map((raw: unknown, index) => {
    const node = (raw ?? {}) as Record<string, unknown>;
    const text = (key: string, fallback?: string) => {
      const field = node[key] ?? fallback;
      if (typeof field !== 'string' || field.length === 0 || field.length > 255)
        throw new Error(`nodes[${index}].${key} must be a non-empty string`);
      return field;
    };
    const customId = text('custom_id');
    const parent = node.parent_custom_id;
    if (parent !== undefined && parent !== null && typeof parent !== 'string')
      throw new Error(`nodes[${index}].parent_custom_id must be a string or null`);
    const packages = node.packages ?? [];
    if (!Array.isArray(packages) || packages.some((p) => typeof p !== 'string' || p === ''))
      throw new Error(`nodes[${index}].packages must be an array of package slugs`);
    return {
      custom_id: customId,
      name: text('name', customId),
      tier: text('tier', 'node'),
      parent_custom_id: (parent as string | null | undefined) ?? null,
      packages: [...(packages as string[])],
    };
  });
  const ids = new Set<string>();
  for (const node of nodes) {
    if (ids.has(node.custom_id)) throw new Error(`custom_id ${node.custom_id} appears twice`);
    ids.add(node.custom_id);
  }
  for (const node of nodes) {
    if (node.parent_custom_id && !ids.has(node.parent_custom_id))
      throw new Error(`parent_custom_id ${node.parent_custom_id} names no node`);
    ancestry(nodes, node.custom_id); // throws on a cycle
  }
  return nodes;
}

/** `SANDBOX_HIERARCHY`: unset (no hierarchy), `example` (the seed's two nodes) or a JSON array. */
export function hierarchyVariable(value: string | undefined): HierarchyNode[] | undefined {
  if (!value) return undefined;
  if (value === 'example') return parseHierarchy(EXAMPLE_HIERARCHY);
  try {
    return parseHierarchy(JSON.parse(value));
  } catch (problem) {
    throw new Error(
      `SANDBOX_HIERARCHY must be "example" or a JSON array of nodes: ${(problem as Error).message}`,
    );
  }
}

/** A node and its ancestors, nearest first. */
function ancestry(nodes: readonly HierarchyNode[], customId: string): HierarchyNode[] {
  const chain: HierarchyNode[] = [];
  let current = nodes.find((n) => n.custom_id === customId);
  while (current) {
    if (chain.includes(current)) throw new Error(`the parents of ${customId} form a cycle`);
    chain.push(current);
    const parent = current.parent_custom_id;
    current = parent ? nodes.find((n) => n.custom_id === parent) : undefined;
  }
  return chain;
}

/** "Packages that are assigned to that node or its ancestors" (F1 L1679), as slugs. */
export function nodePackages(nodes: readonly HierarchyNode[], customId: string): string[] {
  return [...new Set(ancestry(nodes, customId).flatMap((n) => n.packages ?? []))].sort();
}

/** What an order (report or invitation) is refused for about its `node`; see the file comment. */
export function nodeErrors(
  nodes: readonly HierarchyNode[],
  node: unknown,
  packageSlug: string,
): string[] {
  const given = node !== undefined && node !== null && node !== '';
  if (!given) return nodes.length > 0 ? [TEXT.nodeRequired] : [];
  if (typeof node !== 'string' || !nodes.some((n) => n.custom_id === node))
    return [TEXT.nodeNotFound];
  return nodePackages(nodes, node).includes(packageSlug) ? [] : [TEXT.packageNotAtNode];
}
