import type { Db } from '../plumbing/storage.js';
import {
  BUILT_IN_PROPERTIES,
  STAGE_ENTERED_PREFIX,
  STAGE_EXITED_PREFIX,
  type ObjectType,
  type PropertyDefinition,
} from './object-types.js';

export interface Stage {
  id: string;
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: Stage[];
  createdAt: number;
}

export interface Team {
  id: string;
  name: string;
  primary: boolean;
}

export interface Owner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  teams: Team[];
  archived: boolean;
  createdAt: number;
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
}

/** Every new portal starts with HubSpot's default sales pipeline. */
export const DEFAULT_DEAL_PIPELINE: Omit<Pipeline, 'createdAt'> = {
  id: 'default',
  label: 'Sales Pipeline',
  displayOrder: 0,
  stages: [
    ['appointmentscheduled', 'Appointment Scheduled', '0.2'],
    ['qualifiedtobuy', 'Qualified To Buy', '0.4'],
    ['presentationscheduled', 'Presentation Scheduled', '0.6'],
    ['decisionmakerboughtin', 'Decision Maker Bought-In', '0.8'],
    ['contractsent', 'Contract Sent', '0.9'],
    ['closedwon', 'Closed Won', '1.0'],
    ['closedlost', 'Closed Lost', '0.0'],
  ].map(([id = '', label = '', probability = '0'], displayOrder) => ({
    id,
    label,
    displayOrder,
    metadata: { isClosed: String(id.startsWith('closed')), probability },
  })),
};

const DEFAULT_GROUPS: Record<ObjectType, PropertyGroup> = {
  contacts: { name: 'contactinformation', label: 'Contact information', displayOrder: 0 },
  deals: { name: 'dealinformation', label: 'Deal information', displayOrder: 0 },
  companies: { name: 'companyinformation', label: 'Company information', displayOrder: 0 },
  notes: { name: 'engagement', label: 'Engagement', displayOrder: 0 },
  tasks: { name: 'engagement', label: 'Engagement', displayOrder: 0 },
};

/** Per-portal schema: property definitions, groups, pipelines and owners. */
export class Catalog {
  constructor(private readonly db: Db) {}

  seedPortal(portalId: string, at: number): void {
    for (const [type, group] of Object.entries(DEFAULT_GROUPS))
      this.createGroup(portalId, type as ObjectType, group);
    this.putPipeline(portalId, 'deals', { ...DEFAULT_DEAL_PIPELINE, createdAt: at });
  }

  properties(portalId: string, type: ObjectType): PropertyDefinition[] {
    const custom = (
      this.db
        .prepare(
          'SELECT definition FROM property_definitions WHERE portal_id = ? AND object_type = ? ORDER BY created_at, name',
        )
        .all(portalId, type) as Array<{ definition: string }>
    ).map((row) => JSON.parse(row.definition) as PropertyDefinition);
    return [...BUILT_IN_PROPERTIES[type], ...this.stageProperties(portalId, type), ...custom];
  }

  property(portalId: string, type: ObjectType, name: string): PropertyDefinition | undefined {
    return this.properties(portalId, type).find((definition) => definition.name === name);
  }

  createProperty(
    portalId: string,
    type: ObjectType,
    definition: PropertyDefinition,
    at: number,
  ): void {
    this.db
      .prepare(
        'INSERT INTO property_definitions (portal_id, object_type, name, definition, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(portalId, type, definition.name, JSON.stringify(definition), at);
  }

  groups(portalId: string, type: ObjectType): PropertyGroup[] {
    return (
      this.db
        .prepare(
          'SELECT name, label, display_order FROM property_groups WHERE portal_id = ? AND object_type = ? ORDER BY display_order, name',
        )
        .all(portalId, type) as Array<{ name: string; label: string; display_order: number }>
    ).map((row) => ({ name: row.name, label: row.label, displayOrder: row.display_order }));
  }

  createGroup(portalId: string, type: ObjectType, group: PropertyGroup): boolean {
    const result = this.db
      .prepare(
        'INSERT OR IGNORE INTO property_groups (portal_id, object_type, name, label, display_order) VALUES (?, ?, ?, ?, ?)',
      )
      .run(portalId, type, group.name, group.label, group.displayOrder);
    return result.changes > 0;
  }

  pipelines(portalId: string, type: ObjectType): Pipeline[] {
    return (
      this.db
        .prepare(
          'SELECT definition FROM pipelines WHERE portal_id = ? AND object_type = ? ORDER BY created_at, id',
        )
        .all(portalId, type) as Array<{ definition: string }>
    ).map((row) => JSON.parse(row.definition) as Pipeline);
  }

  putPipeline(portalId: string, type: ObjectType, pipeline: Pipeline): void {
    this.db
      .prepare(
        `INSERT INTO pipelines (portal_id, object_type, id, definition, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (portal_id, object_type, id) DO UPDATE SET definition = excluded.definition`,
      )
      .run(portalId, type, pipeline.id, JSON.stringify(pipeline), pipeline.createdAt);
  }

  owners(portalId: string): Owner[] {
    return (
      this.db
        .prepare('SELECT id, definition FROM owners WHERE portal_id = ? ORDER BY id')
        .all(portalId) as Array<{
        id: number;
        definition: string;
      }>
    ).map((row) => ({ ...(JSON.parse(row.definition) as Omit<Owner, 'id'>), id: String(row.id) }));
  }

  addOwner(portalId: string, owner: Omit<Owner, 'id'>): Owner {
    const result = this.db
      .prepare('INSERT INTO owners (portal_id, definition, created_at) VALUES (?, ?, ?)')
      .run(portalId, JSON.stringify(owner), owner.createdAt);
    return { ...owner, id: String(result.lastInsertRowid) };
  }

  /** HubSpot defines date-entered/exited properties for every deal stage of every pipeline. */
  private stageProperties(portalId: string, type: ObjectType): PropertyDefinition[] {
    if (type !== 'deals') return [];
    const template = BUILT_IN_PROPERTIES.deals.find(
      (definition) => definition.name === 'createdate',
    );
    if (!template) return [];
    return this.pipelines(portalId, 'deals').flatMap((pipeline) =>
      pipeline.stages.flatMap((stage) => [
        {
          ...template,
          name: `${STAGE_ENTERED_PREFIX}${stage.id}`,
          label: `Date entered "${stage.label} (${pipeline.label})"`,
        },
        {
          ...template,
          name: `${STAGE_EXITED_PREFIX}${stage.id}`,
          label: `Date exited "${stage.label} (${pipeline.label})"`,
        },
      ]),
    );
  }
}
