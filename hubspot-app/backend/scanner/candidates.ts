// Which deals can have a live timer: a search narrows the portal's deals to the stages where an SLA
// may be running, so a scan reads only those (pure; the playbook decides).
import { stopsOf, type Playbook, type SlaDef } from '@handoff/shared';

/** HubSpot stage ids per pipeline where some SLA of the playbook may be running. */
export function candidateStages(playbook: Playbook): Map<string, string[]> {
  const byPipeline = new Map<string, Set<string>>();
  for (const sla of playbook.slas) {
    for (const stage of liveStages(playbook, sla)) {
      if (!stage.hubspot) continue;
      const ids = byPipeline.get(stage.hubspot.pipelineId) ?? new Set<string>();
      for (const id of stage.hubspot.stageIds) ids.add(id);
      byPipeline.set(stage.hubspot.pipelineId, ids);
    }
  }
  return new Map([...byPipeline].map(([pipeline, ids]) => [pipeline, [...ids]]));
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
