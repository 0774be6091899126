import type { CheckrClient, CheckrNode } from '../clients/checkr.ts';
import { UpstreamError } from '../clients/http.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** The Checkr account's hierarchy as the BFF knows it. */
export interface AccountHierarchy {
  /** The nodes by `custom_id`; empty for an account without hierarchy. */
  nodes: ReadonlyMap<string, CheckrNode>;
  /** GET /v1/nodes answered this (403 or 404): read as an account without hierarchy enabled. */
  notEnabledStatus?: number;
}

/**
 * GET /v1/nodes, read. The seeds only say the endpoint serves accounts with hierarchy enabled
 * ("If hierarchy is enabled for your Checkr Account, this endpoint may be used", seed 001 L1660;
 * "Enabled by request", L1547), not what it answers to the others. A 403 or 404 there, from a key
 * that just listed the packages, is read as "no hierarchy" rather than as a broken key: read the
 * other way, every account without hierarchy could create no session at all. Either way a session
 * naming a node is then refused (there is no node it could name); only "nodes exist and none was
 * sent" would pass unseen, which needs a hierarchy account whose key cannot list its nodes.
 * `npm run doctor` prints which reading applies.
 */
export async function readHierarchy(checkr: CheckrClient): Promise<AccountHierarchy> {
  try {
    const nodes = await checkr.listNodes();
    return { nodes: new Map(nodes.map((node) => [node.custom_id, node])) };
  } catch (error) {
    if (error instanceof UpstreamError && (error.status === 403 || error.status === 404))
      return { nodes: new Map(), notEnabledStatus: error.status };
    throw error;
  }
}

/**
 * The hierarchy checks of a report order, made when an apply session is created: what Checkr
 * would refuse about `node` is refused before a candidate signs, never after. The node list
 * changes rarely, so it is read once per `ttlMs` (CHECKR_NODES_CACHE_SECONDS), one call for
 * however many sessions ask at once; a failed read is not cached, and refuses the session.
 */
export class NodeDirectory {
  private cached: { at: number; hierarchy: AccountHierarchy } | undefined;
  private loading: Promise<AccountHierarchy> | undefined;

  constructor(
    private readonly checkr: CheckrClient,
    private readonly logger: Logger,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  private hierarchy(): Promise<AccountHierarchy> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs)
      return Promise.resolve(this.cached.hierarchy);
    this.loading ??= readHierarchy(this.checkr)
      .then((hierarchy) => {
        this.cached = { at: Date.now(), hierarchy };
        if (hierarchy.notEnabledStatus)
          this.logger.warn(
            'Checkr GET /v1/nodes refused: read as an account without hierarchy; sessions naming a node are refused',
            { status: hierarchy.notEnabledStatus },
          );
        return hierarchy;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  /**
   * `node` "Required for hierarchy-enabled accounts" on reports (seed 001 L2382-2387), "Required
   * if any nodes exist on the account" on invitations (L357, seed 000 L438): an account with
   * hierarchy enabled and no node could satisfy neither, so both read as "required when nodes
   * exist". A node offers the packages "assigned to that node or its ancestors" (L1668, L1679);
   * the seeds do not say in so many words that Checkr refuses an order for another package, and
   * the safer reading is taken: refused now, since ordering it could fail only after the
   * candidate signed, while a refusal here reaches the customer's backend at once.
   */
  async refuseUnorderable(node: string | null, packageSlug: string): Promise<void> {
    let hierarchy: AccountHierarchy;
    try {
      hierarchy = await this.hierarchy();
    } catch (error) {
      if (error instanceof UpstreamError && error.failure === 'auth') throw error;
      this.logger.warn('Checkr GET /v1/nodes failed: apply session refused', {
        status: error instanceof UpstreamError ? error.status : undefined,
      });
      throw new AppError(
        502,
        'node_lookup_failed',
        "Checkr's account hierarchy (GET /v1/nodes) could not be read, so no session was created; try again",
      );
    }
    if (node === null) {
      if (hierarchy.nodes.size > 0)
        throw new AppError(
          400,
          'node_required',
          "This Checkr account has a hierarchy: name the node's custom_id in `node`",
          '/node',
        );
      return;
    }
    const found = hierarchy.nodes.get(node);
    if (!found)
      throw new AppError(
        400,
        'node_unknown',
        hierarchy.nodes.size > 0
          ? 'No node with this custom_id on the Checkr account'
          : 'The Checkr account has no hierarchy: leave `node` out',
        '/node',
      );
    if (found.packages && !found.packages.includes(packageSlug))
      throw new AppError(
        400,
        'package_not_available_at_node',
        'This package is not assigned to the node or its ancestors in Checkr',
        '/package',
      );
  }
}
