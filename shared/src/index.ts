// @handoff/shared: the whole core for Node (services, tools, tests). Browsers use ./runtime.
export * from './runtime.js';
export * from './escalation/index.js';
export * from './metrics/index.js';
export * from './preview/index.js';
export * from './queue/index.js';
export { stagesWhereSlaMayRun, stagesWithLiveTimers } from './sla/live-stages.js';
export { nextTimerChangeAt } from './sla/next-change.js';
export { parsePlaybookText } from './playbook/text.js';
// Form edits: Node and the Lightning admin panel (./edit); not in ./runtime, which cards load.
export * from './playbook/edit.js';
export { editPlaybookText } from './playbook/edit-text.js';
export { explainPlaybook } from './playbook/explain.js';
