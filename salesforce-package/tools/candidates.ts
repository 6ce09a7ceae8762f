// Which opportunities can have a live timer: those in a stage where some SLA of the playbook may
// be running, so the scan reads only those (pure; the playbook decides).
import { stopsOf, type Playbook, type SlaDef } from '@handoff/shared';

export function candidateStageNames(playbook: Playbook): string[] {
  const names = new Set<string>();
  for (const sla of playbook.slas)
    for (const stage of liveStages(playbook, sla))
      for (const name of stage.salesforce?.stageNames ?? []) names.add(name);
  return [...names];
}

function liveStages(playbook: Playbook, sla: SlaDef) {
  const startStage =
    sla.start.on === 'stage_entered'
      ? sla.start.stage
      : sla.start.on === 'field_date'
        ? undefined
        : playbook.handoffs.find((h) => 'handoff' in sla.start && h.id === sla.start.handoff)
            ?.opensAt;
  const from = startStage === undefined ? 0 : playbook.stages.findIndex((s) => s.id === startStage);
  const outcome = playbook.stages[from]?.outcome;
  const leftStops = new Set(stopsOf(sla).flatMap((s) => (s.on === 'stage_left' ? [s.stage] : [])));
  return playbook.stages.filter((stage, index) => {
    if (index < from) return false;
    // A timer that stops when its stage is left cannot be live in a later stage.
    if (index > from && leftStops.has(startStage ?? '')) return false;
    // A won deal's timer does not run on in a lost stage, nor the other way round.
    return (
      stage.outcome === undefined ||
      outcome === undefined ||
      stage.outcome === outcome ||
      index === from
    );
  });
}

/** The playbook handoff whose Handoff__c record carries an SLA's status, if any. */
export function handoffOfSla(sla: SlaDef): string | undefined {
  if ('handoff' in sla.start) return sla.start.handoff;
  for (const stop of stopsOf(sla)) if (stop.on === 'handoff_accepted') return stop.handoff;
  return sla.pause[0]?.handoff;
}
