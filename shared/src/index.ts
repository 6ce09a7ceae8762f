// @handoff/shared: the whole core for Node (services, tools, tests). Browsers use ./runtime.
export * from './runtime.js';
export { parsePlaybookText } from './playbook/text.js';
export { explainPlaybook } from './playbook/explain.js';
