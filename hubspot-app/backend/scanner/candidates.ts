// Which records can have a live timer: a search narrows the portal's deals to the stages where an SLA
// may be running, and its contacts to the values of their stage property where one may (MQLs waiting
// for a first touch or a decision), so a scan reads only those (pure; the playbook decides).
import {
  objectOfSla,
  objectOfStage,
  pipelineStagesOf,
  stagesWithLiveTimers,
  type Playbook,
  type RecordObject,
  type StageDef,
} from '@handoff/shared';

/** HubSpot stage ids per pipeline where some SLA of the playbook may be running. */
export function candidateStages(playbook: Playbook): Map<string, string[]> {
  const byPipeline = new Map<string, Set<string>>();
  for (const stage of stagesWithLiveTimers(playbook)) {
    const pipeline = pipelineStagesOf(stage);
    if (!pipeline) continue;
    const ids = byPipeline.get(pipeline.pipelineId) ?? new Set<string>();
    for (const id of pipeline.stageIds) ids.add(id);
    byPipeline.set(pipeline.pipelineId, ids);
  }
  return new Map([...byPipeline].map(([pipeline, ids]) => [pipeline, [...ids]]));
}

/**
 * Values per contact property (lifecyclestage by default) of the contact stages where some SLA may
 * be running: the default playbook's MQL and SQL, where speed to lead and the MQL decision run.
 */
export function candidateContactValues(playbook: Playbook): Map<string, string[]> {
  return candidateValues(playbook, 'contact', stagesWithLiveTimers(playbook));
}

/**
 * Values per company property of the company stages where an SLA that starts on entering a
 * company stage may be running. Empty when every company SLA starts on a handoff's event (the
 * default playbook's AE answer clock starts when CS raises the expansion): then only companies
 * holding an open handoff can have a live clock, and the store names them without a search.
 */
export function candidateCompanyValues(playbook: Playbook): Map<string, string[]> {
  const byStage = playbook.slas.some(
    (sla) => sla.start.on === 'stage_entered' && objectOfSla(playbook, sla) === 'company',
  );
  return byStage ? candidateValues(playbook, 'company', stagesWithLiveTimers(playbook)) : new Map();
}

function candidateValues(
  playbook: Playbook,
  object: RecordObject,
  stages: readonly StageDef[],
): Map<string, string[]> {
  const byProperty = new Map<string, Set<string>>();
  for (const stage of stages) {
    if (objectOfStage(stage) !== object || !stage.hubspot || !('property' in stage.hubspot))
      continue;
    const values = byProperty.get(stage.hubspot.property) ?? new Set<string>();
    for (const value of stage.hubspot.values) values.add(value);
    byProperty.set(stage.hubspot.property, values);
  }
  return new Map([...byProperty].map(([property, values]) => [property, [...values]]));
}
