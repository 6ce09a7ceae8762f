// TimerState stays in ./timer.js: the record view's zod enum of the same name is the one the
// package root exports, and the two would collide there (use TimerResult['state'] meanwhile).
export {
  evaluateTimer,
  targetToMs,
  timerCalendar,
  type Pause,
  type TimerInput,
  type TimerResult,
  type TimerTarget,
  type WarnRule,
} from './timer.js';
export {
  acceptSlaOf,
  handoffSlaOutcome,
  slaState,
  timeToAcceptMs,
  type HandoffSlaOutcome,
  type SlaOutcome,
} from './outcome.js';
