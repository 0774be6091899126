/**
 * The script-tag bundle: `<script type="module" src="checkr-kit.js">` registers every element,
 * with English and Spanish available. Loading it twice is harmless (see `defineElement`).
 */
import { registerTranslation } from '@checkr-kit/core';
import { es } from '@checkr-kit/core/translations/es';

export * from '@checkr-kit/core';
export * from '@checkr-kit/apply-flow';
export * from '@checkr-kit/pay-embed';

registerTranslation(es);
