// Real record views for the card's tests: the core's evaluateRecord on the default playbook, so the
// card and the core cannot drift apart.
import { evaluateRecord } from '../../../shared/src/record/index.js';
import type { HandoffEvent, RecordView, Viewer } from '../../../shared/src/index.js';
import {
  csManager,
  deal,
  HOUR,
  handoffState,
  MONDAY_10AM_NY,
  nobody,
  rep,
} from '../../shared/builders.js';
import { defaultPlaybook } from '../../shared/fixtures.js';

export const NOW = MONDAY_10AM_NY + 2 * HOUR;
export const TIME_ZONE = 'America/New_York';

function event(
  type: HandoffEvent['type'],
  at: number,
  by: string,
  details: HandoffEvent['details'] = {},
): HandoffEvent {
  return { type, at, by, actionId: `${type}-${at}`, details };
}

const submittedEvents = [event('submitted', MONDAY_10AM_NY + HOUR, rep.userId)];

export const views = {
  /** Closed won, the CS checklist untouched: Submit is offered but blocked by missing items. */
  repNotStarted: (): RecordView => evaluateRecord(defaultPlaybook(), deal(), rep, NOW),
  /** Every required item answered: the rep may submit. */
  repReady: (): RecordView =>
    evaluateRecord(
      defaultPlaybook(),
      deal({ handoffs: { sales_to_cs: handoffState('in_progress') } }),
      rep,
      NOW,
    ),
  /** Submitted and waiting: the rep may withdraw. */
  repSubmitted: (): RecordView =>
    evaluateRecord(
      defaultPlaybook(),
      deal({ handoffs: { sales_to_cs: handoffState('submitted', { events: submittedEvents }) } }),
      rep,
      NOW,
    ),
  /** Earlier in the pipeline: exit criteria failing with their reasons, no handoff open. */
  repContractSent: (): RecordView =>
    evaluateRecord(
      defaultPlaybook(),
      deal({
        stage: 'contract_sent',
        fields: { amount: '12000' },
        stageHistory: [{ stage: 'contract_sent', enteredAt: MONDAY_10AM_NY - 2 * HOUR }],
      }),
      rep,
      NOW,
    ),
  managerSubmitted: (): RecordView =>
    evaluateRecord(
      defaultPlaybook(),
      deal({ handoffs: { sales_to_cs: handoffState('submitted', { events: submittedEvents }) } }),
      csManager,
      NOW,
    ),
  managerAccepted: (): RecordView =>
    evaluateRecord(
      defaultPlaybook(),
      deal({
        handoffs: {
          sales_to_cs: handoffState('accepted', {
            version: 5,
            events: [
              ...submittedEvents,
              event('rejected', MONDAY_10AM_NY + HOUR + 5 * 60_000, csManager.userId, {
                reason: 'promises_unclear',
                comment: 'Which discount?',
              }),
              event('submitted', MONDAY_10AM_NY + HOUR + 30 * 60_000, rep.userId),
              event('accepted', MONDAY_10AM_NY + HOUR + 45 * 60_000, csManager.userId, {
                assigneeId: 'u-csm',
              }),
            ],
          }),
        },
      }),
      csManager,
      NOW,
    ),
  repRejected: (): RecordView =>
    evaluateRecord(
      defaultPlaybook(),
      deal({
        handoffs: {
          sales_to_cs: handoffState('rejected', {
            events: [
              ...submittedEvents,
              event('rejected', MONDAY_10AM_NY + HOUR + 5 * 60_000, csManager.userId, {
                reason: 'promises_unclear',
                comment: 'Which discount?',
              }),
            ],
          }),
        },
      }),
      rep,
      NOW,
    ),
  noRole: (): RecordView => evaluateRecord(defaultPlaybook(), deal(), nobody, NOW),
  asViewer: (viewer: Viewer): RecordView => evaluateRecord(defaultPlaybook(), deal(), viewer, NOW),
};
