import { Router, type Request, type Response } from 'express';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The script-tag files `npm run build` writes to `dist/` (vite.config.ts). */
const SCRIPTS = ['checkr-kit.js', 'checkr-kit-pay-embed.js'];

/** A year: the longest lifetime caches honour, for names that change whenever the content does. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The plain names: a page picks up a new kit within minutes, and revalidates by ETag after that. */
const SHORT = 'public, max-age=300';

interface Asset {
  /** Of the content, so a new build gets a new name. */
  hash: string;
  type: string;
  bodies: { br: Buffer; gzip: Buffer; identity: Buffer };
}

const assets = new Map<string, { version: string; asset: Promise<Asset> }>();

/**
 * A file of the kit, read, hashed and compressed (brotli at its best quality, gzip at 9) once per
 * version of the file on disk, on first request: a BFF that never serves the kit (tests, an API-only
 * deployment) never pays for it, and a rebuilt `dist/` is picked up without a restart.
 */
async function loadAsset(file: string): Promise<Asset | undefined> {
  const stats = await stat(file).catch(() => undefined);
  if (!stats?.isFile()) return undefined;
  const version = `${stats.size}:${stats.mtimeMs}`;
  const cached = assets.get(file);
  if (cached?.version === version) return cached.asset;
  const asset = (async (): Promise<Asset> => {
    const identity = await readFile(file);
    const [br, gz] = await Promise.all([
      brotli(identity, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      }),
      gzipAsync(identity, { level: 9 }),
    ]);
    return {
      hash: createHash('sha256').update(identity).digest('hex').slice(0, 12),
      type: file.endsWith('.map')
        ? 'application/json; charset=utf-8'
        : 'text/javascript; charset=utf-8',
      bodies: { br, gzip: gz, identity },
    };
  })();
  assets.set(file, { version, asset });
  asset.catch(() => assets.delete(file));
  return asset;
}

function send(req: Request, res: Response, asset: Asset, cacheControl: string): void {
  // Brotli whenever accepted (browsers list gzip first, at the same weight), then gzip.
  const encoding = req.acceptsEncodings('br')
    ? 'br'
    : req.acceptsEncodings('gzip')
      ? 'gzip'
      : 'identity';
  const body = asset.bodies[encoding];
  res.set({
    'Content-Type': asset.type,
    'Cache-Control': cacheControl,
    Vary: 'Accept-Encoding',
    // One tag per representation (RFC 9110 §8.8.3): the bytes differ with the encoding.
    ETag: `"${asset.hash}${encoding === 'identity' ? '' : `.${encoding}`}"`,
    // Public code, loaded as a module script (a CORS request) by pages on other origins.
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  });
  if (encoding !== 'identity') res.set('Content-Encoding', encoding);
  // res.send answers 304 itself when If-None-Match matches the ETag.
  res.send(body);
}

/** A strong ETag of bytes a route sends again unchanged (a file, a document built once). */
export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

export interface KitRoutes {
  router: Router;
  /** `/kit/checkr-kit.<hash>.js` for `checkr-kit.js`: the name pages should load. */
  pathOf(file: string): Promise<string | undefined>;
}

/**
 * The script-tag kit (`dist/`), served as a CDN would: brotli or gzip by the browser's
 * Accept-Encoding, the content-hashed name (`checkr-kit.<hash>.js`) cached for a year as
 * immutable, the plain name (`checkr-kit.js`) for five minutes, ETags on both. An old hashed
 * name (a page cached across a deploy) is sent to the current one, uncached.
 */
export function kitRoutes(
  kitDir: string,
  mountPath = '/kit',
  { sourceMaps = false }: { sourceMaps?: boolean } = {},
): KitRoutes {
  const router = Router();
  // Source maps carry the whole TypeScript source: served in sandbox mode only.
  const served = sourceMaps ? /^[\w.-]+\.js(\.map)?$/ : /^[\w.-]+\.js$/;
  const fileOf = (name: string) => (served.test(name) ? join(kitDir, name) : '');
  const pathOf = async (name: string) => {
    const asset = await loadAsset(fileOf(name));
    return asset && `${mountPath}/${name.replace(/\.js$/, `.${asset.hash}.js`)}`;
  };

  // For a customer's server that renders its pages: which hashed name to put in the script tag,
  // for each script-tag file built (the whole kit, and the Pay embed alone).
  router.get('/manifest.json', async (_req, res, next) => {
    const entries = await Promise.all(
      SCRIPTS.map(async (name) => [name, await pathOf(name)] as const),
    );
    const found = entries.filter(([, path]) => path !== undefined);
    if (found.length === 0) return next();
    const body = JSON.stringify(Object.fromEntries(found));
    // Revalidated on every use (no-cache): its own ETag, as the app makes none (app.ts).
    res.set({
      'Cache-Control': 'no-cache',
      'Access-Control-Allow-Origin': '*',
      ETag: etagOf(body),
    });
    res.type('json').send(body);
  });

  router.get('/:name', async (req, res, next) => {
    const name = String(req.params.name);
    const hashed = /^([\w-]+)\.([0-9a-f]{12})\.js$/.exec(name);
    const file = fileOf(hashed ? `${hashed[1]}.js` : name);
    const asset = file ? await loadAsset(file) : undefined;
    if (!asset) return next();
    if (!hashed) return send(req, res, asset, SHORT);
    if (hashed[2] === asset.hash) return send(req, res, asset, IMMUTABLE);
    res.set('Cache-Control', 'no-store');
    res.redirect(302, `${req.baseUrl}/${hashed[1]}.${asset.hash}.js`);
  });

  return { router, pathOf };
}
