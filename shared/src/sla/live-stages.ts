// Where a timer can be live: the stages in which an SLA of the playbook may be running. Scanners use
// it to read only deals or opportunities that can have a live timer (each CRM maps the stages to
// its own ids); pure, the playbook decides.
import { objectOfSla, scopedPlaybook } from '../playbook/objects.js';
import { stopsOf, type Playbook, type SlaDef, type StageDef } from '../playbook/schema.js';

/** The playbook's stages in which some SLA may be running, in playbook order. */
export function stagesWithLiveTimers(playbook: Playbook): StageDef[] {
  const live = new Set(playbook.slas.flatMap((sla) => stagesWhereSlaMayRun(playbook, sla)));
  return playbook.stages.filter((stage) => live.has(stage));
}

/** The stages in which one SLA's timer may be running. */
export function stagesWhereSlaMayRun(whole: Playbook, sla: SlaDef): StageDef[] {
  // Among the stages of the SLA's own object: a deal's timer never runs in a contact stage.
  const playbook = scopedPlaybook(whole, objectOfSla(whole, sla));
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
