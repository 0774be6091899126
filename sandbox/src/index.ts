/**
 * @checkr-kit/sandbox: local simulators of Checkr, Checkr Pay and the Pay embeddable, and the
 * demo site. For tests:
 * - `startSandbox()`: sandbox mode in this process (simulators + a BFF pointed at them + demo).
 * - `startStandaloneSandbox()`: the simulators alone on a loopback port; its `env` is what a BFF
 *   in LIVE configuration (another process, or `startBff({ env })`) needs to use them.
 */
export { startSandbox, type SandboxOptions, type SandboxedBff } from './start.ts';
export {
  startStandaloneSandbox,
  type StandaloneOptions,
  type StandaloneSandbox,
} from './standalone.ts';
export { defaultDelivery, parseDeliveryVariable, type DeliveryOptions } from './webhook-sender.ts';
export type { Outcome } from './rules/checkr-rules.ts';
export { EXAMPLE_HIERARCHY, type HierarchyNode } from './rules/hierarchy.ts';
export { CheckrSimulator } from './checkr.ts';
export { CheckrPaySimulator, type PayAccount } from './checkr-pay.ts';
export { embeddableRouter } from './embeddable.ts';
export { sandboxMailResolver } from './mail-resolver.ts';
