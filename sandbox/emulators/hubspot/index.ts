export {
  startHubSpotEmulator,
  type CreatedPortal,
  type HubSpotEmulator,
  type HubSpotEmulatorOptions,
} from './emulator.js';
export { signV3, type Delivery, type WebhookEvent } from './webhooks.js';
export { DEFAULT_DEAL_PIPELINE } from './catalog.js';
export type { DealSeed, OwnerSeed, PipelineSeed } from './seed.js';
