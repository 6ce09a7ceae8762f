// The package's packaged reports run in the sandbox's org: the report and report-type metadata read
// from the package source (salesforce-package/force-app), named as the org has them installed
// (its namespace), evaluated by the emulator over the records (emulators/salesforce/reports.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SalesforceEmulator } from '../../emulators/salesforce/index.js';
import {
  parseReport,
  runReport,
  type ReportDefinition,
  type ReportResult,
} from '../../emulators/salesforce/reports.js';
import { namespacePrefix, qualify } from '../../../salesforce-package/scripts/namespace.js';
import { REPORT_FOLDER } from '../../../salesforce-package/scripts/reports.js';

const SOURCE = fileURLToPath(
  new URL('../../../salesforce-package/force-app/main/default/', import.meta.url),
);

/** A packaged report (`SLA_Attainment_By_Month`, …) as the org with the package installed reads it. */
export function packagedReport(name: string, namespace = namespacePrefix()): ReportDefinition {
  const report = readFileSync(`${SOURCE}reports/${REPORT_FOLDER}/${name}.report-meta.xml`, 'utf8');
  const typeName = /<reportType>([^<]+)__c<\/reportType>/.exec(report)?.[1];
  if (!typeName) throw new Error(`${name} names no custom report type`);
  const type = readFileSync(`${SOURCE}reportTypes/${typeName}.reportType-meta.xml`, 'utf8');
  return parseReport(report, type, (n) => qualify(n, namespace));
}

/** Runs a packaged report over every record of its object, for a user in `timeZone`. */
export function runPackagedReport(
  emulator: Pick<SalesforceEmulator, 'records'>,
  name: string,
  timeZone: string,
  namespace = namespacePrefix(),
): ReportResult {
  const definition = packagedReport(name, namespace);
  return runReport(definition, emulator.records(definition.object), timeZone);
}
