// The package's report types, reports and dashboard, checked offline as a deploy would check them:
// each report names a report type the package ships, every field a report uses is offered by that
// report type and exists on its object, a report type joins a real child relationship of its base,
// and every dashboard component shows a packaged report a dashboard can show. Read from the XML on
// disk. Metadata API: ReportType
// https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_reporttype.htm,
// Report https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_report.htm,
// Dashboard https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_dashboard.htm.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { fields, PACKAGE_DIR } from './source.js';

const ROOT = join(PACKAGE_DIR, 'force-app/main/default');
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) =>
    [
      'columns',
      'criteriaItems',
      'groupingsDown',
      'groupingsAcross',
      'sections',
      'components',
    ].includes(name),
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- metadata XML is untyped until read
type Xml = Record<string, any>;
const read = (path: string): Xml => parser.parse(readFileSync(path, 'utf8')) as Xml;
const list = (dir: string, suffix: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .map((f) => f.slice(0, -suffix.length));

const allFields = fields();
const STANDARD = ['Id', 'Name', 'CreatedDate', 'LastModifiedDate'];

const reportTypes = Object.fromEntries(
  list(join(ROOT, 'reportTypes'), '.reportType-meta.xml').map((name) => {
    const x = read(join(ROOT, 'reportTypes', `${name}.reportType-meta.xml`)).ReportType as Xml;
    const offered = new Set<string>(
      (x.sections as Xml[]).flatMap((s) =>
        (s.columns as Xml[]).map((c) => `${String(c.table)}$${String(c.field)}`),
      ),
    );
    return [name, { base: String(x.baseObject), join: x.join as Xml | undefined, offered }];
  }),
);

const folders = list(join(ROOT, 'reports'), '.reportFolder-meta.xml');
const reports = folders.flatMap((folder) =>
  list(join(ROOT, 'reports', folder), '.report-meta.xml').map((name) => ({
    name: `${folder}/${name}`,
    xml: read(join(ROOT, 'reports', folder, `${name}.report-meta.xml`)).Report as Xml,
  })),
);

/** The fields a report uses: columns, filters, groupings. */
function usedFields(report: Xml): string[] {
  return [
    ...((report.columns ?? []) as Xml[]).map((c) => String(c.field)),
    ...((report.filter?.criteriaItems ?? []) as Xml[]).map((c) => String(c.column)),
    ...((report.groupingsDown ?? []) as Xml[]).map((g) => String(g.field)),
    ...((report.groupingsAcross ?? []) as Xml[]).map((g) => String(g.field)),
  ];
}

/** `Handoff__c$X` → object Handoff__c; `Handoff__c.Items__r$X` → the child object of Items__r. */
function objectOfTable(table: string): string | undefined {
  const [base, relationship] = table.split('.');
  if (relationship === undefined) return base;
  return allFields.find(
    (f) => f.referenceTo === base && `${f.relationshipName ?? ''}__r` === relationship,
  )?.object;
}

describe('salesforce-package reporting metadata', () => {
  it('ships report types on Handoff__c alone, with its items and with its escalations', () => {
    expect(
      Object.entries(reportTypes).map(([name, t]) => [
        name,
        t.base,
        t.join ? `${String(t.join.relationship)} outer=${String(t.join.outerJoin)}` : null,
      ]),
    ).toEqual([
      ['Handoffs', 'Handoff__c', null],
      ['Handoffs_with_Escalations', 'Handoff__c', 'Escalations__r outer=true'],
      ['Handoffs_with_Items', 'Handoff__c', 'Items__r outer=true'],
    ]);
  });

  it('when a report type joins a relationship or offers a column, then the relationship is a child of its base and the field exists on that table', () => {
    const wrong: string[] = [];
    for (const [name, type] of Object.entries(reportTypes)) {
      if (type.join && !objectOfTable(`${type.base}.${String(type.join.relationship)}`))
        wrong.push(`${name}: no child relationship ${String(type.join.relationship)}`);
      for (const column of type.offered) {
        const [table = '', field = ''] = column.split('$');
        const object = objectOfTable(table);
        const exists =
          STANDARD.includes(field) ||
          allFields.some((f) => f.object === object && f.name === field);
        if (!exists) wrong.push(`${name}: ${column}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('ships the four reports the issue names', () => {
    expect(reports.map((r) => `${r.name}: ${String(r.xml.format)}`).sort()).toEqual([
      'Handoff_Reports/Open_Breached_Handoffs: Summary',
      'Handoff_Reports/Rejection_Reasons: Summary',
      'Handoff_Reports/SLA_Attainment_By_Month: Matrix',
      'Handoff_Reports/Time_To_Accept: Summary',
    ]);
  });

  it('when a report names a report type and fields, then the type is packaged and offers every field the report uses', () => {
    const wrong: string[] = [];
    for (const { name, xml } of reports) {
      const typeName = String(xml.reportType);
      // A custom report type is named with __c in a report.
      const type = typeName.endsWith('__c') ? reportTypes[typeName.slice(0, -3)] : undefined;
      if (!type) {
        wrong.push(`${name}: report type ${typeName}`);
        continue;
      }
      for (const field of usedFields(xml))
        if (!type.offered.has(field)) wrong.push(`${name}: ${field} not in ${typeName}`);
    }
    expect(wrong).toEqual([]);
  });

  it('when a report filters a picklist, then each value is one of its values; a date grouping by month is on a date-time field', () => {
    const picklist = (field: string) => {
      const x = parser.parse(
        readFileSync(join(ROOT, 'objects/Handoff__c/fields', `${field}.field-meta.xml`), 'utf8'),
      ).CustomField as Xml;
      const values = x.valueSet?.valueSetDefinition?.value;
      return (Array.isArray(values) ? values : values ? [values] : []).map((v: Xml) =>
        String(v.fullName),
      );
    };
    const wrong: string[] = [];
    for (const { name, xml } of reports) {
      for (const c of (xml.filter?.criteriaItems ?? []) as Xml[]) {
        const field = String(c.column).split('$')[1] ?? '';
        const def = allFields.find((f) => f.object === 'Handoff__c' && f.name === field);
        if (def?.type !== 'Picklist' || String(c.value ?? '') === '') continue;
        for (const value of String(c.value).split(','))
          if (!picklist(field).includes(value)) wrong.push(`${name}: ${field} = ${value}`);
      }
      for (const g of (xml.groupingsDown ?? []) as Xml[]) {
        if (g.dateGranularity !== 'Month') continue;
        const field = String(g.field).split('$')[1] ?? '';
        const def = allFields.find((f) => f.object === 'Handoff__c' && f.name === field);
        if (def?.type !== 'DateTime') wrong.push(`${name}: month of ${field}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('when the dashboard shows a report, then the report is packaged in its folder and is not tabular (tabular needs a row limit)', () => {
    const dir = join(ROOT, 'dashboards');
    const dashboards = list(dir, '.dashboardFolder-meta.xml').flatMap((folder) =>
      list(join(dir, folder), '.dashboard-meta.xml').map(
        (name) => read(join(dir, folder, `${name}.dashboard-meta.xml`)).Dashboard as Xml,
      ),
    );
    expect(dashboards.map((d) => String(d.title))).toEqual(['Handoff SLAs']);
    const shown = ['leftSection', 'middleSection', 'rightSection'].flatMap((s) =>
      ((dashboards[0]?.[s]?.components ?? []) as Xml[]).map((c) => String(c.report)),
    );
    expect(shown.sort()).toEqual(reports.map((r) => r.name).sort());
    const tabular = reports.filter((r) => r.xml.format === 'Tabular').map((r) => r.name);
    expect(shown.filter((r) => tabular.includes(r))).toEqual([]);
  });
});
