// @handoff/shared/runtime: what cards and Lightning components need. No YAML, no file access,
// zod/mini only — a test keeps this entry under its size budget.
export * from './shapes/index.js';
export * from './playbook/index.js';
export * from './rules/index.js';
export * from './handoff/index.js';
export * from './record/index.js';
export * from './escalation/index.js';
export * from './metrics/index.js';
export * from './clock/index.js';
export * from './sla/index.js';
