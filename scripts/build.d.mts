/** The published packages, in build order (see build.mjs). */
export declare const PACKAGES: string[];
/** npm run build: every package, the bundle, declarations and manifests; returns the size rows. */
export declare function buildAll(options?: {
  quiet?: boolean;
}): Promise<Array<{ output: string; raw: number; gzip: number }>>;
