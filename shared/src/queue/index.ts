export {
  QUEUE_URGENCY,
  compareQueueEntries,
  mayAct,
  queueEntriesOf,
  urgencyOf,
  type QueueEntry,
  type QueueTimer,
} from './queue.js';
