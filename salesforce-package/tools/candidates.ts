// Which opportunities can have a live timer: those in a stage where some SLA of the playbook may
// be running, so the scan reads only those (pure; the playbook decides).
import {
  opportunityStageNamesOf,
  stagesWithLiveTimers,
  stopsOf,
  type Playbook,
  type SlaDef,
} from '@handoff/shared';

export function candidateStageNames(playbook: Playbook): string[] {
  return [
    ...new Set(stagesWithLiveTimers(playbook).flatMap((stage) => opportunityStageNamesOf(stage))),
  ];
}

/** The Lead statuses where some contact SLA of the playbook may be running. */
export function candidateLeadStatuses(playbook: Playbook): string[] {
  return [
    ...new Set(
      stagesWithLiveTimers(playbook).flatMap((stage) =>
        stage.salesforce && 'field' in stage.salesforce && stage.salesforce.field === 'Status'
          ? stage.salesforce.values
          : [],
      ),
    ),
  ];
}

/** The playbook handoff whose Handoff__c record carries an SLA's status, if any. */
export function handoffOfSla(sla: SlaDef): string | undefined {
  if ('handoff' in sla.start) return sla.start.handoff;
  for (const stop of stopsOf(sla)) if (stop.on === 'handoff_accepted') return stop.handoff;
  return sla.pause[0]?.handoff;
}
