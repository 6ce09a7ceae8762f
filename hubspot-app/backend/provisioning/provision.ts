// Provisioning at install and after each playbook save: idempotent, so running it twice creates
// nothing the second time. Also learns which stage-entry properties the portal names.
import { pipelineStagesOf, type Playbook, type RecordObject } from '@handoff/shared';
import { CrmError, type Crm, type PropertySpec } from '../hubspot/crm.js';
import { stageEnteredProperty } from '../hubspot/mapping.js';
import type { PortalSettings } from '../store/index.js';
import {
  ENGAGEMENT_KEY_PROPERTY,
  fieldProperties,
  GROUP,
  HUBSPOT_OBJECT_TYPE,
  mirroredObjects,
  mirrorProperties,
} from './properties.js';

export interface ProvisionResult {
  created: string[];
  settings: PortalSettings;
}

export async function provision(
  crm: Crm,
  playbook: Playbook,
  now: number,
): Promise<ProvisionResult> {
  const created: string[] = [];
  // Our own group on each object type: default group names differ between object types and portals.
  const ensureGroup = async (objectType: string) => {
    if ((await crm.groupNames(objectType)).has(GROUP)) return;
    await crm.createGroup(objectType, GROUP, 'Handoff');
    created.push(`${objectType} group ${GROUP}`);
  };
  /** Creates the specs the object type lacks; answers the names it has now. */
  const ensureProperties = async (objectType: string, specs: readonly PropertySpec[]) => {
    await ensureGroup(objectType);
    const names = await crm.propertyNames(objectType);
    for (const spec of specs) {
      if (names.has(spec.name)) continue;
      await crm.createProperty(objectType, spec);
      names.add(spec.name);
      created.push(`${objectType}.${spec.name}`);
    }
    return names;
  };
  // The key on deals tags a deal Handoff created (an accepted expansion's), so a retry finds it.
  const dealProps = await ensureProperties('deals', [
    ...mirrorProperties(playbook),
    ...fieldProperties(playbook),
    ENGAGEMENT_KEY_PROPERTY,
  ]);
  for (const type of ['notes', 'tasks'] as const) {
    if ((await crm.propertyNames(type)).has(ENGAGEMENT_KEY_PROPERTY.name)) continue;
    await ensureGroup(type);
    await crm.createProperty(type, ENGAGEMENT_KEY_PROPERTY);
    created.push(`${type}.${ENGAGEMENT_KEY_PROPERTY.name}`);
  }
  const mirrored: RecordObject[] = ['deal'];
  for (const object of mirroredObjects(playbook).filter((o) => o !== 'deal')) {
    const objectType = HUBSPOT_OBJECT_TYPE[object];
    try {
      await ensureProperties(objectType, mirrorProperties(playbook, object));
      mirrored.push(object);
    } catch (error) {
      // A portal installed before Handoff asked for this object's schema scopes keeps working:
      // its contacts (or companies) get no mirror until an admin re-authorizes the app.
      if (!(error instanceof CrmError && error.upstreamStatus === 403)) throw error;
    }
  }
  return {
    created,
    settings: {
      provisionedAt: now,
      stageProperties: discoverStageProperties(playbook, dealProps),
      mirrored,
    },
  };
}

/** Current portals name stage entry `hs_v2_date_entered_<id>`; older ones `hs_date_entered_<id>`. */
export function discoverStageProperties(
  playbook: Playbook,
  names: ReadonlySet<string>,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const stage of playbook.stages) {
    for (const id of pipelineStagesOf(stage)?.stageIds ?? []) {
      const name = [stageEnteredProperty(id), `hs_date_entered_${id}`].find((c) => names.has(c));
      if (name) found[id] = name;
    }
  }
  return found;
}
