// The emulator's report evaluation subset: equals / notEqual filters with value lists and blanks,
// groupings with calendar months in the user's zone, aggregates, and a sentence for what it does
// not evaluate.
import { describe, expect, it } from 'vitest';
import {
  parseReport,
  runReport,
  UnsupportedReport,
} from '../../../../sandbox/emulators/salesforce/reports.js';
import { packagedReport } from '../../../../sandbox/server/salesforce/reports.js';

const TYPE = `<?xml version="1.0" encoding="UTF-8"?>
<ReportType xmlns="http://soap.sforce.com/2006/04/metadata"><baseObject>Handoff__c</baseObject></ReportType>`;
const report = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Report xmlns="http://soap.sforce.com/2006/04/metadata">${body}<reportType>Handoffs__c</reportType></Report>`;

const rows = [
  { Id: 'a', Outcome__c: 'met', Done__c: Date.UTC(2026, 11, 1, 4, 30), Minutes__c: 60 },
  { Id: 'b', Outcome__c: 'met_late', Done__c: Date.UTC(2026, 11, 1, 5, 30), Minutes__c: 120 },
  { Id: 'c', Outcome__c: 'breached', Done__c: null, Minutes__c: null },
  { Id: 'd', Outcome__c: null, Done__c: null, Minutes__c: null },
];

describe('Salesforce emulator: running a report', () => {
  it('when filtered by a value list and grouped by month, then months are the user’s, and aggregates skip blanks', () => {
    const definition = parseReport(
      report(`<columns><aggregateTypes>Average</aggregateTypes><field>Handoff__c$Minutes__c</field></columns>
        <filter><criteriaItems><column>Handoff__c$Outcome__c</column><operator>equals</operator><value>met,met_late</value></criteriaItems></filter>
        <groupingsDown><dateGranularity>Month</dateGranularity><field>Handoff__c$Done__c</field></groupingsDown>`),
      TYPE,
    );
    const ny = runReport(definition, rows, 'America/New_York');
    // 04:30 UTC on 1 December is 23:30 on 30 November in New York.
    expect(ny.cells.map((c) => [c.down, c.rowCount, c.aggregates])).toEqual([
      [['2026-11'], 1, { 'Average!Minutes__c': 60 }],
      [['2026-12'], 1, { 'Average!Minutes__c': 120 }],
    ]);
    expect(runReport(definition, rows, 'UTC').cells.map((c) => [c.down, c.rowCount])).toEqual([
      [['2026-12'], 2],
    ]);
  });

  it('when notEqual names values or a blank, then none of them may be on the row', () => {
    const notBlank = parseReport(
      report(
        `<filter><criteriaItems><column>Handoff__c$Outcome__c</column><operator>notEqual</operator><value></value></criteriaItems></filter>`,
      ),
      TYPE,
    );
    expect(runReport(notBlank, rows, 'UTC').cells.flatMap((c) => c.rows)).toEqual(['a', 'b', 'c']);
    const neither = parseReport(
      report(
        `<filter><criteriaItems><column>Handoff__c$Outcome__c</column><operator>notEqual</operator><value>met,breached</value></criteriaItems></filter>`,
      ),
      TYPE,
    );
    expect(runReport(neither, rows, 'UTC').cells.flatMap((c) => c.rows)).toEqual(['b', 'd']);
  });

  it('when a report uses what the emulator does not evaluate, then it says what', () => {
    const child = report(`<columns><field>Handoff__c.Items__r$Done__c</field></columns>`);
    expect(() => parseReport(child, TYPE)).toThrow(UnsupportedReport);
    expect(() => parseReport(child, TYPE)).toThrow(/only fields of Handoff__c itself/);
    const contains = report(
      `<filter><criteriaItems><column>Handoff__c$Outcome__c</column><operator>contains</operator><value>met</value></criteriaItems></filter>`,
    );
    expect(() => parseReport(contains, TYPE)).toThrow(/operator contains/);
  });

  it('when the package is installed under a namespace, then its report reads the namespaced object and fields, standard ones unchanged', () => {
    const definition = packagedReport('SLA_Attainment_By_Month', 'handoff');
    expect(definition.object).toBe('handoff__Handoff__c');
    expect(definition.columns.map((c) => c.field)).toEqual(['Name']);
    expect(definition.down).toEqual([
      { field: 'handoff__SLA_Id__c', month: false },
      { field: 'handoff__SLA_Completed_At__c', month: true },
    ]);
    expect(definition.filters).toEqual([
      { field: 'handoff__SLA_Outcome__c', operator: 'equals', values: ['met', 'met_late'] },
    ]);
    expect(packagedReport('SLA_Attainment_By_Month', '').object).toBe('Handoff__c');
  });
});
