/**
 * The script-tag bundle: `<script type="module" src="checkr-kit.js">` registers every element,
 * with English and Spanish available. Loading it twice is harmless (see `defineElement`).
 *
 * It exports only what a page without a bundler can use from it: `registerTranslation` (a
 * language of its own, for these very elements), and `BffClient` and `BffError` (an `api` of its
 * own for ck-apply-flow, whose errors the flow must recognise as its own class). The classes,
 * styles and helpers for building on the kit are the npm packages' API: re-exported here they
 * cost every phone about 500 B gzip of export names (the module's whole export list was 471 B).
 */
import { registerTranslation } from '@checkr-kit/core';
import { es } from '@checkr-kit/core/translations/es';
import '@checkr-kit/apply-flow';
import '@checkr-kit/pay-embed';

export { registerTranslation, BffClient, BffError } from '@checkr-kit/core';

registerTranslation(es);
