/**
 * The Pay-embed-only script: `<script type="module" src="checkr-kit-pay-embed.js">` registers
 * `ck-pay-embed` alone, in English and Spanish, for pages that pay workers and collect no
 * candidate details: about a third of `checkr-kit.js`, and a third of its start-up work. It may
 * share a page with `checkr-kit.js` (see `defineElement`).
 */
import { registerTranslation } from '@checkr-kit/core';
import { esShared } from '@checkr-kit/core/translations/es';

export { registerTranslation } from '@checkr-kit/core';
export * from '@checkr-kit/pay-embed';

registerTranslation(esShared);
