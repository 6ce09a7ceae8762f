// HubSpot deal properties ↔ the core's snapshot. The only place that knows HubSpot property names.
import {
  fieldsOn,
  pipelineStagesOf,
  type Playbook,
  type RecordSnapshot,
  type StageDef,
} from '@handoff/shared';

export interface HubSpotObject {
  id: string;
  properties: Record<string, string | null>;
}

/** Stage-entry timestamps: current portals name them hs_v2_date_entered_<stageId>. */
export function stageEnteredProperty(stageId: string): string {
  return `hs_v2_date_entered_${stageId}`;
}

/** HubSpot stage id → the portal's stage-entry property, as provisioning discovered (default: hs_v2_…). */
export type StageProperties = Readonly<Record<string, string>>;

export function dealProperties(
  playbook: Playbook,
  stageProperties: StageProperties = {},
): string[] {
  const names = new Set(['dealname', 'dealstage', 'pipeline', 'hubspot_owner_id', 'createdate']);
  for (const field of Object.values(fieldsOn(playbook, 'deal')))
    if (field.hubspot) names.add(field.hubspot);
  for (const stage of playbook.stages) {
    for (const id of pipelineStagesOf(stage)?.stageIds ?? [])
      names.add(stageProperties[id] ?? stageEnteredProperty(id));
  }
  return [...names];
}

export function stageOf(
  playbook: Playbook,
  pipeline: string | null,
  stageId: string | null,
): StageDef | undefined {
  if (!pipeline || !stageId) return undefined;
  return playbook.stages.find(
    (s) =>
      pipelineStagesOf(s)?.pipelineId === pipeline &&
      (pipelineStagesOf(s)?.stageIds.includes(stageId) ?? false),
  );
}

export type SnapshotResult =
  | { ok: true; snapshot: RecordSnapshot; name: string }
  | { ok: false; pipeline: string | null; stage: string | null };

export interface SnapshotOptions {
  stageProperties?: StageProperties;
  /** Stage changes HubSpot sent by webhook. Its stage-entry properties keep only the latest entry per stage; these add the re-entries. */
  transitions?: readonly { pipelineStage: string; occurredAt: number }[];
}

export function dealSnapshot(
  playbook: Playbook,
  deal: HubSpotObject,
  options: SnapshotOptions = {},
): SnapshotResult {
  const props = deal.properties;
  const pipeline = props.pipeline ?? null;
  const stage = stageOf(playbook, pipeline, props.dealstage ?? null);
  if (!stage) return { ok: false, pipeline, stage: props.dealstage ?? null };
  const fields: Record<string, unknown> = {};
  for (const [id, field] of Object.entries(fieldsOn(playbook, 'deal'))) {
    if (field.hubspot) fields[id] = props[field.hubspot] ?? null;
  }
  const stageHistory: RecordSnapshot['stageHistory'] = [];
  const add = (stageId: string, enteredAt: number) => {
    if (!stageHistory.some((e) => e.stage === stageId && e.enteredAt === enteredAt))
      stageHistory.push({ stage: stageId, enteredAt });
  };
  for (const s of playbook.stages) {
    const mapped = pipelineStagesOf(s);
    for (const id of mapped?.pipelineId === pipeline ? mapped.stageIds : []) {
      const entered = parseInstant(
        props[options.stageProperties?.[id] ?? stageEnteredProperty(id)],
      );
      if (entered !== undefined) add(s.id, entered);
    }
  }
  for (const t of options.transitions ?? []) {
    const s = stageOf(playbook, pipeline, t.pipelineStage);
    if (s) add(s.id, t.occurredAt);
  }
  stageHistory.sort((a, b) => a.enteredAt - b.enteredAt);
  const snapshot: RecordSnapshot = {
    crm: 'hubspot',
    objectType: 'deal',
    recordId: deal.id,
    stage: stage.id,
    fields,
    stageHistory,
    handoffs: {},
  };
  if (props.hubspot_owner_id) snapshot.ownerId = props.hubspot_owner_id;
  return { ok: true, snapshot, name: props.dealname ?? `Deal ${deal.id}` };
}

/** HubSpot sends datetimes as ISO strings or epoch milliseconds in strings. */
export function parseInstant(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const t = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(t) ? t : undefined;
}
