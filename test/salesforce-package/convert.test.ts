// The source converts to metadata format with a package.xml through Salesforce's own library (SDR),
// offline, as `sf project deploy` would before sending it.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { PACKAGE_DIR, SOURCE_DIRS } from './source.js';

const project = JSON.parse(readFileSync(join(PACKAGE_DIR, 'sfdx-project.json'), 'utf8')) as {
  sourceApiVersion: string;
  namespace: string;
};

const output = mkdtempSync(join(tmpdir(), 'handoff-sdr-'));
afterAll(() => rmSync(output, { recursive: true, force: true }));

describe('salesforce-package source → metadata format', () => {
  it('when converted by SDR, then package.xml lists the objects, rules, permissions and nothing ignored', async () => {
    const components = ComponentSet.fromSource({ fsPaths: SOURCE_DIRS });
    // The CLI takes the version from sfdx-project.json; the library alone would pick its own default.
    components.sourceApiVersion = project.sourceApiVersion;
    await new MetadataConverter().convert(components, 'metadata', {
      type: 'directory',
      outputDirectory: output,
      packageName: 'handoff',
    });
    const packageXml = readFileSync(join(output, 'handoff', 'package.xml'), 'utf8');
    for (const member of [
      '<members>Handoff__c</members>',
      '<members>Handoff_Item__c</members>',
      '<members>Handoff_Escalation__c</members>',
      '<members>Handoff_Playbook__c</members>',
      '<members>Handoff__c.Submit_Needs_Required_Items</members>',
      '<members>Opportunity.Exit_Qualified_Amount</members>',
      // The playbook's rules are outside the package: they name its object with the namespace.
      `<members>${project.namespace}__Handoff__c.Sdr_To_Ae_Accept_Roles</members>`,
      '<members>User.Handoff_Roles__c</members>',
      '<members>Handoff_User</members>',
      '<members>Handoff_Admin_Config</members>',
      // Native reporting: report types, the report and dashboard folders and what they hold.
      '<members>Handoffs_with_Items</members>',
      '<members>Handoffs_with_Escalations</members>',
      '<name>ReportType</name>',
      '<members>Handoff_Reports/SLA_Attainment_By_Month</members>',
      '<members>Handoff_Reports/Open_Breached_Handoffs</members>',
      '<name>Report</name>',
      '<members>Handoff_Dashboards/Handoff_SLAs</members>',
      '<name>Dashboard</name>',
      '<version>66.0</version>',
    ]) {
      expect(packageXml).toContain(member);
    }
    const converted = readdirSync(join(output, 'handoff'), { recursive: true }).map(String);
    expect(converted.filter((f) => /\.ts$|__tests__|package\.json$/.test(f))).toEqual([]);
  });
});
