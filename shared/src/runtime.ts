// @handoff/shared/runtime: what cards and Lightning components need — shapes, playbook parsing,
// criteria, handoff actions, the record view, the handoff queue, the clock and timers, and the words and time format
// both faces show them in. No YAML, no file access,
// zod/mini only; a test keeps this entry under its size budget. Metrics and escalation planning
// run in services and live in the Node entry.
export * from './shapes/index.js';
export * from './playbook/index.js';
export { FINGERPRINT_LENGTH, canonicalJson, playbookFingerprint } from './playbook/fingerprint.js';
export * from './rules/index.js';
export * from './handoff/index.js';
export * from './record/index.js';
export * from './clock/index.js';
export * from './sla/index.js';
export * from './api/index.js';
export * from './display/index.js';
export * from './queue/index.js';
