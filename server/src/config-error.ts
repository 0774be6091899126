/**
 * A configuration problem: one line naming the variable, never its value. On its own, so an entry
 * point (serve.ts) can recognise it without loading the whole configuration schema.
 */
export class ConfigError extends Error {}
