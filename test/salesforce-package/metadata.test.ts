// Offline checks a deploy would otherwise be the first to make: XML well-formed, every name a rule or
// permission set uses exists, every field has field-level security, least privilege, nothing stale.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { GENERATED_DIRS, generateAll } from '../../salesforce-package/scripts/files.js';
import { defaultPlaybook } from '../shared/fixtures.js';
import { references } from './formula.js';
import { knownReferences, STANDARD_FIELDS } from './org.js';
import {
  customObjects,
  fields,
  listFiles,
  metaFiles,
  PACKAGE_DIR,
  permissionSets,
  readXml,
  SOURCE_DIRS,
  validationRules,
} from './source.js';

const allFields = fields();
const sets = permissionSets();
const fieldExists = (qualified: string) => {
  const [object, name] = qualified.split('.');
  return (
    allFields.some((f) => f.object === object && f.name === name) ||
    (STANDARD_FIELDS[object ?? ''] ?? []).includes(name ?? '')
  );
};

describe('salesforce-package metadata', () => {
  it('when any -meta.xml is read, then it is well-formed XML', () => {
    const files = metaFiles();
    expect(files.length).toBeGreaterThan(80);
    const broken = files
      .map((f) => [relative(PACKAGE_DIR, f), XMLValidator.validate(readFileSync(f, 'utf8'))])
      .filter(([, result]) => result !== true);
    expect(broken).toEqual([]);
  });

  it('when a Lightning bundle exists, then it has its meta file', () => {
    const missing = SOURCE_DIRS.flatMap((dir) => {
      const lwc = join(dir, 'main/default/lwc');
      if (!existsSync(lwc)) return [];
      return readdirSync(lwc, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('__'))
        .filter((e) => !existsSync(join(lwc, e.name, `${e.name}.js-meta.xml`)))
        .map((e) => e.name);
    });
    expect(missing).toEqual([]);
  });

  it('when a validation rule names a field or permission, then it exists', () => {
    const unknown = validationRules().flatMap((rule) => {
      const known = knownReferences(rule.object);
      return references(rule.formula)
        .filter((ref) => !known.has(ref))
        .map((ref) => `${rule.path}: ${ref}`);
    });
    expect(unknown).toEqual([]);
  });

  it('when a permission set names an object, field or custom permission, then it exists', () => {
    const objects = new Set([...customObjects(), ...Object.keys(STANDARD_FIELDS)]);
    const permissions = new Set(
      metaFiles()
        .filter((f) => f.endsWith('.customPermission-meta.xml'))
        .map((f) => f.split('/').at(-1)?.replace('.customPermission-meta.xml', '')),
    );
    const unknown = sets.flatMap((set) => [
      ...set.objects.filter((o) => !objects.has(o.object)).map((o) => `${set.name}: ${o.object}`),
      ...set.fields.filter((f) => !fieldExists(f.field)).map((f) => `${set.name}: ${f.field}`),
      ...set.customPermissions.filter((p) => !permissions.has(p)).map((p) => `${set.name}: ${p}`),
    ]);
    expect(unknown).toEqual([]);
  });

  it('when a custom field can take field-level security, then some permission set grants it', () => {
    const granted = new Set(sets.flatMap((s) => s.fields.map((f) => f.field)));
    const withoutFls = allFields
      // Salesforce refuses FLS on master-detail and required fields: they are always visible.
      .filter((f) => f.type !== 'MasterDetail' && !f.required)
      .map((f) => `${f.object}.${f.name}`)
      .filter((name) => !granted.has(name));
    expect(withoutFls).toEqual([]);
  });

  it('when field-level security is given, then computed fields stay read-only and hidden ones unset', () => {
    const computed = new Set(
      allFields.filter((f) => f.type === 'Summary').map((f) => `${f.object}.${f.name}`),
    );
    const refused = new Set(
      allFields
        .filter((f) => f.type === 'MasterDetail' || f.required)
        .map((f) => `${f.object}.${f.name}`),
    );
    const wrong = sets.flatMap((s) =>
      s.fields
        .filter((f) => (computed.has(f.field) && f.editable) || refused.has(f.field))
        .map((f) => `${s.name}: ${f.field}`),
    );
    expect(wrong).toEqual([]);
  });

  it("when a report counts SLA outcomes, then Handoff__c holds the core's outcome, its stop and the wait, and both sets can write them", () => {
    const dir = join(PACKAGE_DIR, 'force-app/main/default/objects/Handoff__c/fields');
    const outcome = readXml(join(dir, 'SLA_Outcome__c.field-meta.xml')).CustomField;
    const values = (
      outcome.valueSet.valueSetDefinition.value as { fullName: string; label: string }[]
    ).map((v) => `${v.fullName}=${v.label}`);
    // The values handoffSlaOutcome returns; a value the core adds must be added here too.
    expect(values).toEqual(['met=Met', 'met_late=Met late', 'breached=Breached']);
    expect(outcome.valueSet.restricted).toBe('true');
    const typeOf = (name: string) =>
      allFields.find((f) => f.object === 'Handoff__c' && f.name === name)?.type;
    expect({
      SLA_Id__c: typeOf('SLA_Id__c'),
      SLA_Completed_At__c: typeOf('SLA_Completed_At__c'),
      Business_Minutes_To_Accept__c: typeOf('Business_Minutes_To_Accept__c'),
    }).toEqual({
      SLA_Id__c: 'Text',
      SLA_Completed_At__c: 'DateTime',
      Business_Minutes_To_Accept__c: 'Number',
    });
    // The panel writes them with the acceptance as the accepting user; the scanner as the admin.
    for (const set of ['Handoff_User', 'Handoff_Admin']) {
      const granted = sets
        .find((s) => s.name === set)
        ?.fields.filter((f) =>
          /^Handoff__c\.(SLA_Id|SLA_Outcome|SLA_Completed_At|Business_Minutes_To_Accept)__c$/.test(
            f.field,
          ),
        )
        .map((f) => `${f.field}:${f.editable ? 'edit' : 'read'}`);
      expect(granted?.sort()).toEqual([
        'Handoff__c.Business_Minutes_To_Accept__c:edit',
        'Handoff__c.SLA_Completed_At__c:edit',
        'Handoff__c.SLA_Id__c:edit',
        'Handoff__c.SLA_Outcome__c:edit',
      ]);
    }
  });

  it('when people hold a permission set, then they get access, and only admins the playbook and roles', () => {
    const byName = Object.fromEntries(sets.map((s) => [s.name, s]));
    const users = byName.Handoff_User;
    // Roles are on the User record now; the one custom permission left guards the playbook.
    expect(users?.customPermissions).toEqual([]);
    expect(byName.Handoff_Admin?.customPermissions).toEqual(['Handoff_Admin_Config']);
    // Everyone reads their Handoff roles (the panel does); only admins assign them.
    const roles = (set: (typeof sets)[number] | undefined) =>
      set?.fields.find((f) => f.field === 'User.Handoff_Roles__c');
    expect(roles(users)).toEqual({
      field: 'User.Handoff_Roles__c',
      readable: true,
      editable: false,
    });
    expect(roles(byName.Handoff_Admin)).toMatchObject({ readable: true, editable: true });
    // Any Handoff user may create a handoff's header and item rows (the validation rules decide answers).
    for (const object of ['Handoff__c', 'Handoff_Item__c'])
      expect(users?.objects.find((o) => o.object === object)).toMatchObject({
        read: true,
        create: true,
        edit: true,
        delete: false,
      });
    // Nobody bypasses the sharing of handoffs (it follows the opportunity); admins see every
    // escalation (Private, owned by the tools) and edit the playbook (Public Read Only). Only admins
    // delete (deleting skips validation rules).
    const wide = sets.flatMap((s) =>
      s.objects.filter((o) => o.viewAll || o.modifyAll).map((o) => `${s.name}: ${o.object}`),
    );
    expect(wide).toEqual([
      'Handoff_Admin: Handoff_Escalation__c',
      'Handoff_Admin: Handoff_Playbook__c',
    ]);
    const deleters = sets.flatMap((s) => s.objects.filter((o) => o.delete).map(() => s.name));
    expect(new Set(deleters)).toEqual(new Set(['Handoff_Admin']));
    // SLA status is written only by Handoff's tools, which run with the admin set.
    const slaEditors = sets
      .filter((s) => s.fields.some((f) => f.field === 'Handoff__c.SLA_Status__c' && f.editable))
      .map((s) => s.name);
    expect(slaEditors).toEqual(['Handoff_Admin']);
    expect(users?.objects.find((o) => o.object === 'Handoff_Playbook__c')).toMatchObject({
      read: true,
      edit: false,
    });
  });

  it('when the objects are deployed, then none is Public Read/Write: handoffs follow their opportunity, the playbook is read by all', () => {
    const sharing = Object.fromEntries(
      customObjects().map((name) => [
        name,
        String(
          readXml(
            join(PACKAGE_DIR, 'force-app/main/default/objects', name, `${name}.object-meta.xml`),
          ).CustomObject.sharingModel,
        ),
      ]),
    );
    expect(sharing).toEqual({
      Handoff__c: 'ControlledByParent',
      Handoff_Item__c: 'ControlledByParent',
      Handoff_Escalation__c: 'Private',
      Handoff_Playbook__c: 'Read',
    });
    const master = readXml(
      join(
        PACKAGE_DIR,
        'force-app/main/default/objects/Handoff__c/fields/Opportunity__c.field-meta.xml',
      ),
    ).CustomField;
    expect(master).toMatchObject({
      type: 'MasterDetail',
      referenceTo: 'Opportunity',
      writeRequiresMasterRead: 'true',
    });
  });

  it('when the panel is offered on Leads, then Handoff__c looks up the Lead with the same access as its Account, fixed once created', () => {
    const meta = readXml(
      join(PACKAGE_DIR, 'force-app/main/default/lwc/handoffPanel/handoffPanel.js-meta.xml'),
    ).LightningComponentBundle;
    expect(meta.targetConfigs.targetConfig.objects.object).toEqual([
      'Opportunity',
      'Account',
      'Lead',
    ]);
    const lead = readXml(
      join(PACKAGE_DIR, 'force-app/main/default/objects/Handoff__c/fields/Lead__c.field-meta.xml'),
    ).CustomField;
    expect(lead).toMatchObject({ type: 'Lookup', referenceTo: 'Lead', required: 'false' });
    const grants = (field: string) =>
      sets.map((s) => {
        const f = s.fields.find((g) => g.field === field);
        return `${s.name}:${f ? (f.editable ? 'edit' : 'read') : 'none'}`;
      });
    expect(grants('Handoff__c.Lead__c')).toEqual(grants('Handoff__c.Account__c'));
    const fixed = validationRules().find(
      (r) => r.object === 'Handoff__c' && r.name === 'Keys_Are_Fixed',
    );
    expect(fixed && references(fixed.formula)).toContain('Lead__c');
  });

  it('when the default playbook is deployed, then Lead Status holds every status its contact stages name, one of them converted', () => {
    const set = readXml(
      join(
        PACKAGE_DIR,
        'default-playbook/main/default/standardValueSets/LeadStatus.standardValueSet-meta.xml',
      ),
    ).StandardValueSet;
    const values = (set.standardValue as { fullName: string; converted: string }[]).map(
      (v) => `${v.fullName}${v.converted === 'true' ? ' (converted)' : ''}`,
    );
    expect(values).toEqual([
      'Open - Not Contacted',
      'Recycled',
      'Marketing Qualified',
      'Working - Contacted',
      'Sales Accepted',
      'Closed - Converted (converted)',
      'Closed - Not Converted',
    ]);
  });

  it('when the generators run again, then the committed metadata is identical (npm run generate:salesforce)', () => {
    const { files } = generateAll(defaultPlaybook());
    const onDisk = GENERATED_DIRS.flatMap((dir) =>
      existsSync(join(PACKAGE_DIR, dir)) ? listFiles(join(PACKAGE_DIR, dir)) : [],
    ).map((f) => relative(PACKAGE_DIR, f));
    const stale = [
      ...[...files]
        .filter(
          ([path, text]) =>
            !onDisk.includes(path) || readFileSync(join(PACKAGE_DIR, path), 'utf8') !== text,
        )
        .map(([p]) => p),
      ...onDisk.filter((p) => !files.has(p)),
    ];
    expect(stale).toEqual([]);
  });
});
