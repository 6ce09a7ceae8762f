export * from './schema.js';
export * from './objects.js';
export { parsePlaybook, type ParseResult } from './parse.js';
export { formatPath, parsePath, type PathSegment, type PlaybookIssue } from './issues.js';
export {
  jsonPositions,
  jsonSyntaxIssue,
  locateIssues,
  positionAt,
  type PositionOf,
  type TextPosition,
} from './locate.js';
