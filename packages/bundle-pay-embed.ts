/**
 * The Pay-embed-only script: `<script type="module" src="checkr-kit-pay-embed.js">` registers
 * `ck-pay-embed` alone, in English and Spanish, for pages that pay workers and collect no
 * candidate details: about a third of `checkr-kit.js`, and a third of its start-up work. It may
 * share a page with `checkr-kit.js` (see `defineElement`).
 *
 * Like `checkr-kit.js`, it exports what a page without a bundler can use from it: here only
 * `registerTranslation`, a language of the page's own for `ck-pay-embed`. The element's class and
 * helpers are `@checkr-kit/pay-embed`'s API; re-exported here they would cost every phone their
 * export names, and a page moving to `checkr-kit.js` would lose them.
 */
import { registerTranslation } from '@checkr-kit/core';
import { esShared } from '@checkr-kit/core/translations/es';

import '@checkr-kit/pay-embed';

export { registerTranslation } from '@checkr-kit/core';

registerTranslation(esShared);
