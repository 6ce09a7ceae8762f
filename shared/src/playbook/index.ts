export * from './schema.js';
export { parsePlaybook, type ParseResult } from './parse.js';
export { formatPath, type PlaybookIssue } from './issues.js';
