export { applyHandoffAction, INITIAL_STATE, type ActionResult } from './apply.js';
export { isHandoffOpen } from './open.js';
export {
  checklistOf,
  itemStatus,
  missingRequiredItems,
  completes,
  type ItemStatus,
} from './items.js';
export { TRANSITIONS, transitionFor, type Transition } from './transitions.js';
