/**
 * @checkr-kit/sandbox: local simulators of Checkr, Checkr Pay and the Pay embeddable, and the
 * demo site. For tests:
 * - `startSandbox()`: sandbox mode in this process (simulators + a BFF pointed at them + demo).
 * - `startStandaloneSandbox()`: the simulators alone on a loopback port; its `env` is what a BFF
 *   in LIVE configuration (another process, or `startBff({ env })`) needs to use them.
 * - `startSandboxProcess()`: the same in a child process (`npm run sandbox`), so the caller
 *   shares nothing with the simulators but HTTP.
 * - `SandboxControl`: the client of the admin routes (faults, webhooks, what the simulators hold).
 */
export { startSandbox, type SandboxOptions, type SandboxedBff } from './start.ts';
export {
  startStandaloneSandbox,
  type StandaloneOptions,
  type StandaloneSandbox,
} from './standalone.ts';
export { startSandboxProcess, type SandboxProcess, type SandboxProcessOptions } from './process.ts';
export {
  CheckrControl,
  PayControl,
  SandboxControl,
  SandboxControlError,
  type FaultRequest,
  type QueuedFault,
  type Report,
  type SandboxEnv,
  type WebhookFlags,
} from './control.ts';
export {
  defaultDelivery,
  parseDeliveryVariable,
  type DeliveryOptions,
  type SentWebhook,
  type WebhookSettings,
} from './webhook-sender.ts';
export type { Outcome } from './rules/checkr-rules.ts';
export { EXAMPLE_HIERARCHY, type HierarchyNode } from './rules/hierarchy.ts';
export { CheckrSimulator } from './checkr.ts';
export { CheckrPaySimulator, type PayAccount } from './checkr-pay.ts';
export { embeddableRouter } from './embeddable.ts';
export { sandboxMailResolver } from './mail-resolver.ts';
