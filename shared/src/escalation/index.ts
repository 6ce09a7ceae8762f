export { planEscalations, escalationKey, levelWord, type EscalationAction } from './plan.js';
export { nextMoveOf } from './move.js';
export {
  escalationTasks,
  escalationTask,
  moveTask,
  type MoveTaskInput,
  tasksToClose,
  taskKey,
  type EscalationTask,
  type TaskRecipient,
  type TaskRecord,
} from './task.js';
export { namedTime } from './time.js';
