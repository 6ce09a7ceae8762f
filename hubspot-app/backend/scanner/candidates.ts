// Which deals can have a live timer: a search narrows the portal's deals to the stages where an SLA
// may be running, so a scan reads only those (pure; the playbook decides).
import { stagesWithLiveTimers, type Playbook } from '@handoff/shared';

/** HubSpot stage ids per pipeline where some SLA of the playbook may be running. */
export function candidateStages(playbook: Playbook): Map<string, string[]> {
  const byPipeline = new Map<string, Set<string>>();
  for (const stage of stagesWithLiveTimers(playbook)) {
    if (!stage.hubspot) continue;
    const ids = byPipeline.get(stage.hubspot.pipelineId) ?? new Set<string>();
    for (const id of stage.hubspot.stageIds) ids.add(id);
    byPipeline.set(stage.hubspot.pipelineId, ids);
  }
  return new Map([...byPipeline].map(([pipeline, ids]) => [pipeline, [...ids]]));
}
