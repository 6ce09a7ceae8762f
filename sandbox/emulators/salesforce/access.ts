// Who may see and change what, as an org decides it for every API call (REST, SOQL, UI API, GraphQL):
// object permissions and field-level security from the permission sets assigned to the user, and
// record sharing from the organization-wide defaults, record ownership and the role hierarchy. The
// emulated org's simple model (documented in README.md):
// - Custom objects and custom fields are reached only through permission sets (objectPermissions,
//   fieldPermissions); standard objects and standard fields through a Standard User profile, which
//   every user has (create, read and edit on Account, Opportunity and Task; read elsewhere).
//   https://help.salesforce.com/s/articleView?id=sf.perm_sets_overview.htm
//   https://help.salesforce.com/s/articleView?id=sf.admin_fls.htm
// - "View All" / "Modify All" on an object read / edit every record whatever the sharing.
//   https://help.salesforce.com/s/articleView?id=sf.users_profiles_view_all_mod_all.htm
// - Records with an owner follow the object's organization-wide default: Private (only the owner and
//   users above the owner's role in the hierarchy), Read (everyone reads; owner and above edit) or
//   ReadWrite. https://help.salesforce.com/s/articleView?id=sf.security_owd_about.htm
//   https://help.salesforce.com/s/articleView?id=sf.admin_roles.htm
// - The detail of a master-detail relationship (ControlledByParent) has its master's access; with the
//   relationship's writeRequiresMasterRead, read access to the master is enough to edit the detail.
//   https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/relationships_among_objects.htm
//   https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm
// - A user edits their own User record and reads the others'.
// Not emulated: sharing rules, manual shares, teams, territories, implicit sharing, "View All Data".
import { SalesforceFault } from './errors.js';
import type { FieldDef, ObjectDef, Schema } from './schema.js';
import type { RecordStore, StoredRecord } from './store.js';

export type Level = 'none' | 'read' | 'edit';
export type SharingModel = 'Private' | 'Read' | 'ReadWrite' | 'ControlledByParent';

export interface ObjectPermissions {
  create: boolean;
  read: boolean;
  edit: boolean;
  delete: boolean;
  viewAll?: boolean;
  modifyAll?: boolean;
}

export interface AccessPermissionSet {
  name: string;
  objects?: Readonly<Record<string, ObjectPermissions>>;
  /** `Object.Field` → the access the set grants. */
  fields?: Readonly<Record<string, 'read' | 'edit'>>;
}

export interface AccessSetup {
  /** Organization-wide defaults of standard objects (custom objects carry their own); ReadWrite when absent. */
  organizationWideDefaults?: Readonly<Record<string, SharingModel>>;
  /** Permission sets the org made itself (e.g. View All on Opportunity for an integration user). */
  permissionSets?: readonly AccessPermissionSet[];
}

/** What the Standard User profile gives on standard objects. */
const PROFILE_EDITS = new Set(['Account', 'Opportunity', 'Task']);
const NONE: ObjectPermissions = { create: false, read: false, edit: false, delete: false };

export class Access {
  readonly #sets: ReadonlyMap<string, AccessPermissionSet>;

  constructor(
    private readonly schema: Schema,
    private readonly store: RecordStore,
    sets: readonly AccessPermissionSet[],
    private readonly setup: AccessSetup,
  ) {
    this.#sets = new Map(sets.map((s) => [s.name, s]));
  }

  #held(userId: string): AccessPermissionSet[] {
    const held: AccessPermissionSet[] = [];
    for (const assignment of this.store.all('PermissionSetAssignment')) {
      if (assignment.AssigneeId !== userId) continue;
      const set = this.store.get('PermissionSet', String(assignment.PermissionSetId));
      // A set the org made itself (seeded, not from the package) may also carry access.
      const def = this.#sets.get(String(set?.Name));
      if (def) held.push(def);
    }
    return held;
  }

  object(userId: string, object: ObjectDef): ObjectPermissions {
    const custom = object.name.endsWith('__c');
    const base: ObjectPermissions = custom
      ? { ...NONE }
      : {
          create: PROFILE_EDITS.has(object.name),
          read: true,
          // Everyone edits their own User record (the sharing below allows no other).
          edit: PROFILE_EDITS.has(object.name) || object.name === 'User',
          delete: false,
        };
    for (const set of this.#held(userId)) {
      const granted = set.objects?.[object.name];
      if (!granted) continue;
      base.create ||= granted.create;
      base.read ||= granted.read;
      base.edit ||= granted.edit;
      base.delete ||= granted.delete;
      base.viewAll =
        base.viewAll === true || granted.viewAll === true || granted.modifyAll === true;
      base.modifyAll = base.modifyAll === true || granted.modifyAll === true;
    }
    return base;
  }

  /** Field-level security: standard fields and master-detail fields have none of their own. */
  field(userId: string, object: ObjectDef, field: FieldDef): Level {
    if (!field.name.endsWith('__c') || field.masterDetail) return 'edit';
    let level: Level = 'none';
    for (const set of this.#held(userId)) {
      const granted = set.fields?.[`${object.name}.${field.name}`];
      if (granted === 'edit') return 'edit';
      if (granted === 'read') level = 'read';
    }
    return level;
  }

  readable(userId: string, object: ObjectDef, field: FieldDef): boolean {
    return this.field(userId, object, field) !== 'none';
  }

  /** The user's access to one record: its object's permissions, then the sharing. */
  record(userId: string, object: ObjectDef, record: StoredRecord, depth = 0): Level {
    const perms = this.object(userId, object);
    if (!perms.read) return 'none';
    const edit = (level: Level): Level => (level === 'edit' && !perms.edit ? 'read' : level);
    if (perms.modifyAll) return edit('edit');
    const shared = this.#shared(userId, object, record, depth);
    if (perms.viewAll && shared === 'none') return 'read';
    return edit(shared);
  }

  #shared(userId: string, object: ObjectDef, record: StoredRecord, depth: number): Level {
    if (object.name === 'User') return record.Id === userId ? 'edit' : 'read';
    const model = object.sharingModel ?? this.setup.organizationWideDefaults?.[object.name];
    if (model === 'ControlledByParent') {
      const master = object.fields.find((f) => f.masterDetail);
      const parentObject = master?.referenceTo ? this.schema.get(master.referenceTo) : undefined;
      const parentId = master ? record[master.name] : undefined;
      const parent =
        parentObject && typeof parentId === 'string'
          ? this.store.get(parentObject.name, parentId)
          : undefined;
      if (!master || !parentObject || !parent || depth > 3) return 'none';
      const level = this.record(userId, parentObject, parent, depth + 1);
      return level === 'read' && master.masterDetail?.writeRequiresMasterRead ? 'edit' : level;
    }
    const owner = typeof record.OwnerId === 'string' ? record.OwnerId : undefined;
    if (owner === userId || (owner !== undefined && this.#above(userId, owner))) return 'edit';
    if (model === 'Private') return 'none';
    if (model === 'Read') return 'read';
    return 'edit';
  }

  /** The user's role is above the owner's in the role hierarchy. */
  #above(userId: string, ownerId: string): boolean {
    const mine = this.store.get('User', userId)?.UserRoleId;
    let role = this.store.get('User', ownerId)?.UserRoleId;
    if (typeof mine !== 'string' || typeof role !== 'string') return false;
    for (let steps = 0; steps < 50 && typeof role === 'string'; steps++) {
      const parent: unknown = this.store.get('UserRole', role)?.ParentRoleId;
      if (parent === mine) return true;
      role = typeof parent === 'string' ? parent : undefined;
    }
    return false;
  }

  /** Throws as the API does when the user may not write these fields of this object. */
  checkWrite(
    userId: string,
    object: ObjectDef,
    values: Readonly<Record<string, unknown>>,
    kind: 'create' | 'edit',
  ): void {
    const perms = this.object(userId, object);
    if (!perms.read) throw notSupported(object.name);
    if (!(kind === 'create' ? perms.create : perms.edit)) throw insufficient(object.name);
    for (const name of Object.keys(values)) {
      const field = name === 'attributes' ? undefined : this.schema.field(object, name);
      if (field && this.field(userId, object, field) !== 'edit')
        throw new SalesforceFault(
          400,
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          [field.name],
        );
    }
  }

  /** A new detail needs access to its master (read with writeRequiresMasterRead, else edit). */
  checkMaster(userId: string, object: ObjectDef, record: StoredRecord): void {
    const master = object.fields.find((f) => f.masterDetail);
    if (!master?.referenceTo) return;
    const parentObject = this.schema.get(master.referenceTo);
    const parentId = record[master.name];
    const parent =
      parentObject && typeof parentId === 'string'
        ? this.store.get(parentObject.name, parentId)
        : undefined;
    const level = parent && parentObject ? this.record(userId, parentObject, parent) : 'none';
    const needed = master.masterDetail?.writeRequiresMasterRead ? 'read' : 'edit';
    if (level === 'none' || (needed === 'edit' && level !== 'edit'))
      throw new SalesforceFault(
        400,
        'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
        'insufficient access rights on cross-reference id',
        [master.name],
      );
  }
}

/** https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm (StatusCode) */
export function insufficient(what: string): SalesforceFault {
  return new SalesforceFault(
    400,
    'INSUFFICIENT_ACCESS_OR_READONLY',
    `insufficient access rights on object id (${what})`,
  );
}

/** An object the user cannot read is answered as one that does not exist. */
export function notSupported(name: string): SalesforceFault {
  return new SalesforceFault(
    400,
    'INVALID_TYPE',
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`,
  );
}
