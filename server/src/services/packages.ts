import type { CheckrClient, CheckrPackage } from '../clients/checkr.ts';
import { AppError } from '../errors.ts';

export interface PackageNeeds {
  slug: string;
  name: string;
  /** Criminal screenings need SSN and zip code (Checkr §2.1). */
  ssn: boolean;
  /** An MVR needs the licence number and state. */
  driverLicense: boolean;
}

const CRIMINAL = /criminal|ssn_trace|sex_offender|global_watchlist|federal/;
const MVR = /motor_vehicle|mvr/;

export function needsOf(pkg: CheckrPackage): PackageNeeds {
  const types = pkg.screenings.map((s) => s.type);
  return {
    slug: pkg.slug,
    name: pkg.name,
    ssn: types.some((t) => CRIMINAL.test(t)),
    driverLicense: types.some((t) => MVR.test(t)),
  };
}

/** Packages change rarely: one list call per few minutes, not one per candidate. */
export class PackageCatalog {
  private cached: { at: number; needs: Map<string, PackageNeeds> } | undefined;

  constructor(
    private readonly checkr: CheckrClient,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  async get(slug: string): Promise<PackageNeeds> {
    if (!this.cached || Date.now() - this.cached.at > this.ttlMs) {
      const packages = await this.checkr.listPackages();
      this.cached = { at: Date.now(), needs: new Map(packages.map((p) => [p.slug, needsOf(p)])) };
    }
    const needs = this.cached.needs.get(slug);
    if (!needs)
      throw new AppError(
        400,
        'package_unknown',
        'No such Checkr package on this account',
        '/package',
      );
    return needs;
  }
}
