// Previewing a playbook change: what it changes (diff), what it does now (preview), what it would
// have done (backtest over a history export).
export { diffPlaybooks, type ChangeArea, type PlaybookChange } from './diff.js';
export {
  previewPlaybookChange,
  type EscalationWave,
  type PlaybookPreview,
  type PreviewInput,
  type RecordGroup,
  type SubmissionBlock,
  type TimerShift,
  type VerdictShift,
} from './now.js';
export { DEFAULT_ESCALATIONS_ON_SAVE, escalationLimitOf } from './limit.js';
export {
  HISTORY_FORMAT,
  HISTORY_VERSION,
  HistoryError,
  historyLine,
  parseHistoryLine,
  recordHistories,
  type HistoryFieldLine,
  type HistoryHandoffLine,
  type HistoryHeader,
  type HistoryLine,
  type HistorySnapshotLine,
  type HistorySource,
  type HistoryStageLine,
  type RecordHistory,
} from './history.js';
export {
  DEFAULT_BACKTEST_DAYS,
  MAX_BACKTEST_DAYS,
  MAX_LISTED_RECORDS,
  TIME_TO_ACCEPT_BUCKETS_HOURS,
  backtestPlaybooks,
  windowOf,
  type BacktestHandoff,
  type BacktestInput,
  type BacktestResult,
  type BacktestSide,
  type BacktestSla,
} from './backtest.js';
export { durationWords } from './words.js';
