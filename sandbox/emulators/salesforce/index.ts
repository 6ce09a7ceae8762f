export {
  startSalesforceEmulator,
  type SalesforceEmulator,
  type SalesforceEmulatorOptions,
} from './emulator.js';
export type { ConnectedApp } from './oauth.js';
export type { FieldDef, FieldKind, ObjectDef } from './schema.js';
export { OPPORTUNITY_STAGES } from './schema.js';
export type { PermissionSetDef, ValidationRuleDef, ValidationSetup } from './validation.js';
