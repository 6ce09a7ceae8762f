// The managed package's namespace: sfdx-project.json carries it with the 2GP settings, and every
// name the package defines is spelled with it outside the package — by the tools, the admin's
// playbook metadata and the panels' LDS strings — never in the package's own source.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  namespacePrefix,
  qualify,
  qualifyFormula,
  qualifyGraphql,
  unqualify,
  unqualifyFormula,
} from '../../salesforce-package/scripts/namespace.js';
import { generateAll } from '../../salesforce-package/scripts/files.js';
import { orgNames as toolNames } from '../../salesforce-package/tools/names.js';
import { namespaceOf, orgNames } from '../../salesforce-package/scripts/handoff-core/entry.js';
import { defaultPlaybook } from '../../sandbox/server/salesforce/package.js';
import { PACKAGE_DIR } from './source.js';

interface Project {
  namespace: string;
  packageDirectories: {
    path: string;
    package?: string;
    versionNumber?: string;
    versionName?: string;
  }[];
  packageAliases: Record<string, string>;
}
const project = JSON.parse(readFileSync(join(PACKAGE_DIR, 'sfdx-project.json'), 'utf8')) as Project;

describe('sfdx-project.json', () => {
  it('when committed, then it is the managed package: a namespace, the package directory with its version and aliases', () => {
    expect(project.namespace).toBe('handoff');
    const [force] = project.packageDirectories;
    // https://developer.salesforce.com/docs/atlas.en-us.pkg2_dev.meta/pkg2_dev/sfdx_dev2gp_config_file.htm
    expect(force).toMatchObject({
      path: 'force-app',
      package: 'Handoff',
      versionName: 'Handoff 0.1',
    });
    expect(force?.versionNumber).toMatch(/^\d+\.\d+\.\d+\.NEXT$/);
    // Filled by `sf package create` (0Ho…) and `sf package version create` (04t…).
    expect(project.packageAliases).toEqual({});
    // The admin's playbook metadata is deployed from source, never packaged.
    expect(project.packageDirectories[1]).toEqual({ path: 'default-playbook', default: false });
  });

  it('when HANDOFF_SF_NAMESPACE is set, then it overrides the project (empty: a namespace-free scratch org); a bad one is refused with a sentence', () => {
    expect(namespacePrefix({})).toBe('handoff');
    expect(namespacePrefix({ HANDOFF_SF_NAMESPACE: '' })).toBe('');
    expect(namespacePrefix({ HANDOFF_SF_NAMESPACE: 'acme' })).toBe('acme');
    expect(() => namespacePrefix({ HANDOFF_SF_NAMESPACE: 'two__parts' })).toThrow(
      /HANDOFF_SF_NAMESPACE is "two__parts": a namespace is 1–15 letters/,
    );
  });
});

describe('qualify', () => {
  it.each([
    ['Handoff__c', 'handoff__Handoff__c'],
    ['Status__c', 'handoff__Status__c'],
    ['Handoffs__r', 'handoff__Handoffs__r'],
    ['Opportunity__r', 'handoff__Opportunity__r'],
    ['Handoff_Roles__c', 'handoff__Handoff_Roles__c'],
    ['Handoff_Admin_Config', 'handoff__Handoff_Admin_Config'],
    // Standard names and the admin's own playbook fields keep theirs.
    ['StageName', 'StageName'],
    ['ARR__c', 'ARR__c'],
    // Never twice.
    ['handoff__Status__c', 'handoff__Status__c'],
  ])('when %s is named outside the package, then it is %s', (name, org) => {
    expect(qualify(name, 'handoff')).toBe(org);
    expect(unqualify(org, 'handoff')).toBe(name.startsWith('handoff__') ? 'Status__c' : name);
    expect(qualify(name, '')).toBe(name);
  });

  it('when a formula is qualified, then paths, $User and $Permission take the prefix, strings and the admin’s fields do not, and a second pass changes nothing', () => {
    const formula =
      'AND(ISCHANGED(Action_Id__c), ISPICKVAL(Handoff__r.Status__c, "Status__c"), INCLUDES($User.Handoff_Roles__c, \'sales_rep\'), NOT($Permission.Handoff_Admin_Config), ARR__c > 0 /* Status__c */, Opportunity__r.StageName = "Closed Won")';
    const org = qualifyFormula(formula, 'handoff');
    expect(org).toBe(
      'AND(ISCHANGED(handoff__Action_Id__c), ISPICKVAL(handoff__Handoff__r.handoff__Status__c, "Status__c"), INCLUDES($User.handoff__Handoff_Roles__c, \'sales_rep\'), NOT($Permission.handoff__Handoff_Admin_Config), ARR__c > 0 /* Status__c */, handoff__Opportunity__r.StageName = "Closed Won")',
    );
    expect(qualifyFormula(org, 'handoff')).toBe(org);
    expect(unqualifyFormula(org, 'handoff')).toBe(formula);
  });

  it('when a gql query is rewritten as the platform does for a namespaced package, then selections keep their names as aliases and arguments take the prefixed names', () => {
    const query = `query q($id: ID) { uiapi { query {
      Handoff_Item__c(where: { Handoff__r: { Opportunity__c: { eq: $id } } }, first: 200) {
        edges { node { Id Item_Id__c { value } done: Done__c { value } Done_By__r { Name { value } } } } } } } }`;
    expect(qualifyGraphql(query, 'handoff')).toBe(`query q($id: ID) { uiapi { query {
      Handoff_Item__c: handoff__Handoff_Item__c(where: { handoff__Handoff__r: { handoff__Opportunity__c: { eq: $id } } }, first: 200) {
        edges { node { Id Item_Id__c: handoff__Item_Id__c { value } done: handoff__Done__c { value } Done_By__r: handoff__Done_By__r { Name { value } } } } } } } }`);
    expect(qualifyGraphql(query, '')).toBe(query);
  });

  it('when the tools name the org, then the package’s names carry the prefix and the playbook’s fields do not', () => {
    const names = toolNames('handoff');
    expect([names.handoff, names.escalation, names.handoffs, names.escalations]).toEqual([
      'handoff__Handoff__c',
      'handoff__Handoff_Escalation__c',
      'handoff__Handoffs__r',
      'handoff__Handoff_Escalations__r',
    ]);
    expect(names.field('Pain__c')).toBe('Pain__c');
    expect(toolNames('').handoffs).toBe('Handoffs__r');
  });
});

describe('the panels’ names (c/handoffCore orgNames)', () => {
  it('when the schema import says handoff__Handoff__c, then LDS strings are qualified, records read back in the source’s names and writes go out qualified', () => {
    expect(namespaceOf('handoff__Handoff__c')).toBe('handoff');
    expect(namespaceOf('Handoff__c')).toBe('');
    const org = orgNames('handoff__Handoff__c');
    expect(org.handoffsList).toBe('handoff__Handoffs__r');
    expect(org.handoffFields).toContain('handoff__Handoff__c.handoff__Status__c');
    expect(org.handoffFields).toContain('handoff__Handoff__c.LastModifiedDate');
    expect(org.handoffPeopleFields).toContain('handoff__Handoff__c.handoff__Submitted_By__r.Name');
    expect(
      org.local({
        id: 'a00',
        fields: { handoff__Status__c: { value: 'submitted' }, LastModifiedDate: { value: 'x' } },
      }).fields,
    ).toEqual({ Status__c: { value: 'submitted' }, LastModifiedDate: { value: 'x' } });
    expect(
      org.input({
        apiName: 'Handoff_Item__c',
        fields: { Id: 'a01', Done__c: true, Item_Id__c: 'x' },
      }),
    ).toEqual({
      apiName: 'handoff__Handoff_Item__c',
      fields: { Id: 'a01', handoff__Done__c: true, handoff__Item_Id__c: 'x' },
    });
  });

  it('when the org has no namespace, then every name is the source’s', () => {
    const org = orgNames('Handoff__c');
    expect(org.handoffsList).toBe('Handoffs__r');
    const input = { fields: { Id: 'a01', Status__c: 'submitted' } };
    expect(org.input(input)).toBe(input);
  });
});

describe('the playbook’s metadata (outside the package)', () => {
  it('when generated for the managed package, then its rules name the package’s objects and fields with the prefix; for a namespace-free org, without', () => {
    const managed = generateAll(defaultPlaybook(), 'handoff').files;
    const free = generateAll(defaultPlaybook(), '').files;
    const rulePath = (root: string) =>
      `default-playbook/main/default/objects/${root}/validationRules/Sdr_To_Ae_Accept_Roles.validationRule-meta.xml`;
    expect(managed.get(rulePath('handoff__Handoff__c'))).toContain(
      'INCLUDES($User.handoff__Handoff_Roles__c',
    );
    expect(free.get(rulePath('Handoff__c'))).toContain('INCLUDES($User.Handoff_Roles__c');
    // The package's own source is the same either way: packaging adds the prefix.
    const own = (files: Map<string, string>) =>
      [...files].filter(([path]) => path.startsWith('force-app/'));
    expect(own(managed)).toEqual(own(free));
    for (const [path, content] of own(managed))
      expect(`${path}\n${content}`).not.toContain('handoff__');
  });
});
