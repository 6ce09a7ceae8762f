import type { Clock } from '../plumbing/clock.js';
import type { Catalog } from './catalog.js';
import {
  REQUIRED_ON_CREATE,
  STAGE_ENTERED_PREFIX,
  STAGE_EXITED_PREFIX,
  type ObjectType,
  type PropertyDefinition,
} from './object-types.js';
import type { ObjectStore, PropertyValues, StoredObject } from './store.js';

export interface PropertyError {
  isValid: false;
  message: string;
  error: string;
  name: string;
}

export type WriteSource = 'API' | 'CRM_UI';

export interface StageChange {
  portalId: string;
  dealId: string;
  stage: string;
  previous: string | null;
  at: number;
  source: WriteSource;
}

export interface WriteOptions {
  source: WriteSource;
  /** Seeding may set read-only values (createdate, stage dates) and backdate the write. */
  trusted?: boolean;
  at?: number;
  /** Seeding history should not fire webhooks. */
  notify?: boolean;
}

export type WriteResult =
  { ok: true; object: StoredObject } | { ok: false; errors: PropertyError[] };

const iso = (ms: number): string => new Date(ms).toISOString();

function invalid(name: string, error: string, message: string): PropertyError {
  return { isValid: false, message, error, name };
}

/** HubSpot's rules for writing records: known properties, typed values, valid stages, stage dates. */
export class Crm {
  constructor(
    private readonly store: ObjectStore,
    private readonly catalog: Catalog,
    private readonly clock: Clock,
    private readonly onStageChange: (change: StageChange) => void,
  ) {}

  create(
    portalId: string,
    type: ObjectType,
    input: Record<string, unknown>,
    options: WriteOptions,
  ): WriteResult {
    const missing = (REQUIRED_ON_CREATE[type] ?? []).filter(
      (name) => input[name] === undefined || input[name] === '',
    );
    if (missing.length > 0) {
      return {
        ok: false,
        errors: missing.map((name) =>
          invalid(name, 'REQUIRED_PROPERTY', `Property "${name}" is required`),
        ),
      };
    }
    const withPipeline =
      type === 'deals' && input.dealstage !== undefined && input.pipeline === undefined;
    const values = withPipeline ? { ...input, pipeline: 'default' } : input;
    const checked = this.check(portalId, type, values, undefined, options.trusted === true);
    if (!checked.ok) return checked;
    return {
      ok: true,
      object: this.store.transaction(() => {
        const at = options.at ?? this.clock.now();
        const created = this.store.insert(portalId, type, at);
        const base = this.store.write(
          created,
          {
            hs_object_id: created.id,
            createdate: iso(at),
            hs_lastmodifieddate: iso(this.writtenAt(at)),
          },
          at,
          'CALCULATED',
        );
        return this.apply(base, checked.values, at, options);
      }),
    };
  }

  update(object: StoredObject, asked: Record<string, unknown>, options: WriteOptions): WriteResult {
    const input = this.forwardOnly(object, asked, options);
    const checked = this.check(
      object.portalId,
      object.type,
      input,
      object,
      options.trusted === true,
    );
    if (!checked.ok) return checked;
    const at = options.at ?? this.clock.now();
    return {
      ok: true,
      object: this.store.transaction(() => this.apply(object, checked.values, at, options)),
    };
  }

  private apply(
    object: StoredObject,
    values: PropertyValues,
    at: number,
    options: WriteOptions,
  ): StoredObject {
    const changed = Object.fromEntries(
      Object.entries(values).filter(([name, value]) => object.properties[name] !== value),
    );
    let written =
      Object.keys(changed).length > 0
        ? this.store.write(object, changed, at, options.source)
        : object;
    const calculated: PropertyValues = { hs_lastmodifieddate: iso(this.writtenAt(at)) };
    const previous = object.properties.dealstage ?? null;
    const stage = changed.dealstage;
    if (object.type === 'deals' && typeof stage === 'string') {
      // Re-entering a stage overwrites its entered date, as HubSpot does after a reopen.
      if (!(options.trusted && values[`${STAGE_ENTERED_PREFIX}${stage}`]))
        calculated[`${STAGE_ENTERED_PREFIX}${stage}`] = iso(at);
      if (previous) calculated[`${STAGE_EXITED_PREFIX}${previous}`] = iso(at);
    }
    written = this.store.write(written, calculated, at, 'CALCULATED');
    if (object.type === 'deals' && typeof stage === 'string' && options.notify !== false) {
      this.onStageChange({
        portalId: object.portalId,
        dealId: object.id,
        stage,
        previous,
        at,
        source: options.source,
      });
    }
    return written;
  }

  /**
   * A contact's lifecycle stage only moves forward through the API: "you can only set the value
   * forward in the stage order. To set the lifecycle stage backward, you'll first need to clear the
   * record's existing lifecycle stage value"
   * (https://developers.hubspot.com/docs/api-reference/latest/crm/objects/contacts/guide; the
   * order is the property's options, https://knowledge.hubspot.com/contacts/use-lifecycle-stages).
   * A backward value is left unwritten and the call succeeds (our reading: HubSpot keeps the stage
   * without an error); a cleared stage may then be set to any value. People in HubSpot's UI may
   * set any stage.
   */
  private forwardOnly(
    object: StoredObject,
    input: Record<string, unknown>,
    options: WriteOptions,
  ): Record<string, unknown> {
    const next = input.lifecyclestage;
    const current = object.properties.lifecyclestage;
    if (object.type !== 'contacts' || options.source !== 'API' || options.trusted) return input;
    if (typeof next !== 'string' || next === '' || !current) return input;
    const order = (
      this.catalog
        .properties(object.portalId, 'contacts')
        .find((definition) => definition.name === 'lifecyclestage')?.options ?? []
    )
      .slice()
      .sort((a, b) => a.displayOrder - b.displayOrder)
      .map((option) => option.value);
    const from = order.indexOf(current);
    const to = order.indexOf(next);
    if (from === -1 || to === -1 || to >= from) return input;
    return Object.fromEntries(Object.entries(input).filter(([name]) => name !== 'lifecyclestage'));
  }

  /**
   * When a write happens for hs_lastmodifieddate: the clock's time. A seed may date a record's
   * stage history in the past, but it is written now, and HubSpot's last-modified time (what a
   * `hs_lastmodifieddate GTE` search finds changes by) is when a record was last written.
   */
  private writtenAt(at: number): number {
    return Math.max(at, this.clock.now());
  }

  /** Checks values without writing, so a batch can be refused as a whole. */
  check(
    portalId: string,
    type: ObjectType,
    input: Record<string, unknown>,
    current: StoredObject | undefined,
    trusted: boolean,
  ): { ok: true; values: PropertyValues } | { ok: false; errors: PropertyError[] } {
    const definitions = new Map(
      this.catalog.properties(portalId, type).map((definition) => [definition.name, definition]),
    );
    const errors: PropertyError[] = [];
    const values: PropertyValues = {};
    for (const [name, raw] of Object.entries(input)) {
      const definition = definitions.get(name);
      if (!definition) {
        errors.push(invalid(name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`));
        continue;
      }
      if (definition.readOnlyValue && !trusted) {
        errors.push(
          invalid(
            name,
            'READ_ONLY_VALUE',
            `"${name}" is a read only property; its value cannot be set.`,
          ),
        );
        continue;
      }
      const result = this.normalise(portalId, definition, raw, {
        ...current?.properties,
        ...input,
      });
      if (typeof result === 'object' && result !== null) errors.push(result);
      else values[name] = result;
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
  }

  private normalise(
    portalId: string,
    definition: PropertyDefinition,
    raw: unknown,
    merged: Record<string, unknown>,
  ): string | null | PropertyError {
    const { name } = definition;
    if (raw === null || raw === '') return null;
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      return invalid(
        name,
        'INVALID_VALUE',
        `${JSON.stringify(raw)} is not a valid value for "${name}"`,
      );
    }
    const value = String(raw);
    switch (definition.type) {
      case 'number':
        return Number.isFinite(Number(value))
          ? value
          : invalid(name, 'INVALID_DECIMAL', `${value} is not a valid number.`);
      case 'bool':
        return value === 'true' || value === 'false'
          ? value
          : invalid(name, 'INVALID_BOOLEAN', `${value} is not a boolean.`);
      case 'datetime':
      case 'date': {
        const ms = /^-?\d+$/.test(value) ? Number(value) : Date.parse(value);
        return Number.isFinite(ms)
          ? iso(ms)
          : invalid(name, 'INVALID_DATE', `${value} is not a valid date.`);
      }
      case 'enumeration':
        return this.checkOption(portalId, definition, value, merged);
      default:
        return value;
    }
  }

  private checkOption(
    portalId: string,
    definition: PropertyDefinition,
    value: string,
    merged: Record<string, unknown>,
  ): string | PropertyError {
    const { name } = definition;
    const bad = (what: string) =>
      invalid(name, 'INVALID_OPTION', `${value} was not one of the allowed options: ${what}`);
    if (name === 'pipeline') {
      const ids = this.catalog.pipelines(portalId, 'deals').map((pipeline) => pipeline.id);
      return ids.includes(value) ? value : bad(ids.join(', '));
    }
    if (name === 'dealstage') {
      const pipelineId = String(merged.pipeline ?? 'default');
      const pipeline = this.catalog
        .pipelines(portalId, 'deals')
        .find((candidate) => candidate.id === pipelineId);
      const ids = pipeline?.stages.map((stage) => stage.id) ?? [];
      return ids.includes(value) ? value : bad(ids.join(', '));
    }
    if (name === 'hubspot_owner_id') {
      const ids = this.catalog.owners(portalId).map((owner) => owner.id);
      return ids.includes(value) ? value : bad("the portal's owner ids");
    }
    if (definition.options.length === 0) return value;
    const allowed = definition.options.map((option) => option.value);
    return allowed.includes(value) ? value : bad(allowed.join(', '));
  }
}
