// Which deals can have a live timer: a search narrows the portal's deals to the stages where an SLA
// may be running, so a scan reads only those (pure; the playbook decides).
import { pipelineStagesOf, stagesWithLiveTimers, type Playbook } from '@handoff/shared';

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
