// The package's native reporting, declared once: custom report types on Handoff__c (alone, with its
// checklist items, with its escalations), the packaged reports over the SLA outcome fields the
// scanner and the panel write (so no report needs a formula over business hours), and a dashboard.
// Written as Metadata API source files:
//   ReportType  https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_reporttype.htm
//   Report      https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_report.htm
//   Dashboard   https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_dashboard.htm
//   Folders     https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_folder.htm
// Reports on a custom report type name it with `__c` and their fields as `Object$Field` (a child
// table as `Parent.Relationship$Field`).
import { HANDOFF, HANDOFF_ESCALATION, HANDOFF_ITEM, type ObjectModel } from './model.js';
import type { Files } from './metadata.js';
import { metadataXml, type XmlNode } from './xml.js';

export interface ReportTypeModel {
  name: string;
  label: string;
  description: string;
  base: ObjectModel;
  /** A child relationship joined to the base (outer join: handoffs without children stay). */
  join?: { object: ObjectModel; relationship: string };
}

/** Standard fields every custom object has that the report types offer. */
const STANDARD_COLUMNS = ['Name', 'CreatedDate', 'LastModifiedDate'];

export const REPORT_TYPES: readonly ReportTypeModel[] = [
  {
    name: 'Handoffs',
    label: 'Handoffs',
    description:
      'Handoffs with their status, people and the outcome of the SLA that waits for acceptance.',
    base: HANDOFF,
  },
  {
    name: 'Handoffs_with_Items',
    label: 'Handoffs with checklist items',
    description: 'Handoffs with or without checklist items: who answered what, and when.',
    base: HANDOFF,
    join: { object: HANDOFF_ITEM, relationship: 'Items__r' },
  },
  {
    name: 'Handoffs_with_Escalations',
    label: 'Handoffs with escalations',
    description: 'Handoffs with or without escalations: which SLA escalated, to whom, when.',
    base: HANDOFF,
    join: { object: HANDOFF_ESCALATION, relationship: 'Escalations__r' },
  },
];

/** The report folder and the dashboard folder the package ships. */
export const REPORT_FOLDER = 'Handoff_Reports';
export const DASHBOARD_FOLDER = 'Handoff_Dashboards';

export type FilterOperator = 'equals' | 'notEqual';

export interface ReportModel {
  name: string;
  label: string;
  description: string;
  reportType: string;
  format: 'Tabular' | 'Summary' | 'Matrix';
  /** Fields of the report type's base object (`Name`, `Status__c`, …). */
  columns: readonly { field: string; aggregate?: 'Average' | 'Maximum' | 'Minimum' | 'Sum' }[];
  groupingsDown: readonly { field: string; granularity?: 'Month' }[];
  groupingsAcross: readonly { field: string }[];
  /** All must hold; a value list is any of its comma-separated values; '' is blank. */
  filters: readonly { field: string; operator: FilterOperator; value: string }[];
  /** Whether the rows show under the groups (the handoffs to open), not only the counts. */
  details: boolean;
}

export const REPORTS: readonly ReportModel[] = [
  {
    name: 'SLA_Attainment_By_Month',
    label: 'SLA attainment by month',
    description:
      'Accept SLAs that finished, by SLA and the month they stopped: met on time against met late. Attainment = Met / (Met + Met late), as the Handoff dashboard counts it. Open breaches are in Open breached handoffs.',
    reportType: 'Handoffs',
    format: 'Matrix',
    columns: [{ field: 'Name' }],
    groupingsDown: [{ field: 'SLA_Id__c' }, { field: 'SLA_Completed_At__c', granularity: 'Month' }],
    groupingsAcross: [{ field: 'SLA_Outcome__c' }],
    filters: [{ field: 'SLA_Outcome__c', operator: 'equals', value: 'met,met_late' }],
    details: false,
  },
  {
    name: 'Time_To_Accept',
    label: 'Time to accept',
    description:
      'Accepted handoffs by playbook handoff: business minutes from the first submission Salesforce recorded to the acceptance (the last submission after a rejection: Handoff__c keeps the latest).',
    reportType: 'Handoffs',
    format: 'Summary',
    columns: [
      { field: 'Name' },
      { field: 'Accepted_At__c' },
      { field: 'Business_Minutes_To_Accept__c', aggregate: 'Average' },
    ],
    groupingsDown: [{ field: 'Handoff_Id__c' }],
    groupingsAcross: [],
    filters: [
      { field: 'Status__c', operator: 'equals', value: 'accepted' },
      { field: 'Business_Minutes_To_Accept__c', operator: 'notEqual', value: '' },
    ],
    details: true,
  },
  {
    name: 'Rejection_Reasons',
    label: 'Rejection reasons',
    description:
      "Each playbook handoff's rejections by reason, never mixed across handoffs (Handoff__c keeps each handoff's latest rejection).",
    reportType: 'Handoffs',
    format: 'Summary',
    columns: [{ field: 'Name' }, { field: 'Rejected_At__c' }, { field: 'Rejection_Comment__c' }],
    groupingsDown: [{ field: 'Handoff_Id__c' }, { field: 'Rejection_Reason__c' }],
    groupingsAcross: [],
    filters: [{ field: 'Rejection_Reason__c', operator: 'notEqual', value: '' }],
    details: true,
  },
  {
    name: 'Open_Breached_Handoffs',
    label: 'Open breached handoffs',
    description:
      'Handoffs still waiting for acceptance past their SLA, by SLA, as of the last scan: the ones to act on now.',
    reportType: 'Handoffs',
    // Summary, not Tabular: a dashboard shows a tabular report only with a row limit.
    format: 'Summary',
    columns: [
      { field: 'Name' },
      { field: 'Handoff_Id__c' },
      { field: 'Status__c' },
      { field: 'Submitted_At__c' },
    ],
    groupingsDown: [{ field: 'SLA_Id__c' }],
    groupingsAcross: [],
    filters: [
      { field: 'SLA_Outcome__c', operator: 'equals', value: 'breached' },
      { field: 'Status__c', operator: 'notEqual', value: 'accepted' },
    ],
    details: true,
  },
];

export interface DashboardModel {
  name: string;
  title: string;
  description: string;
  components: readonly {
    report: string;
    header: string;
    type: 'Column' | 'Bar' | 'Table' | 'Metric';
    section: 'left' | 'middle' | 'right';
  }[];
}

export const DASHBOARD: DashboardModel = {
  name: 'Handoff_SLAs',
  title: 'Handoff SLAs',
  description:
    'The shared handoff metrics for the monthly review: SLA attainment, time to accept, rejection reasons, and the breaches open now.',
  components: [
    {
      report: 'SLA_Attainment_By_Month',
      header: 'SLA attainment by month',
      type: 'Column',
      section: 'left',
    },
    { report: 'Open_Breached_Handoffs', header: 'Breached now', type: 'Table', section: 'left' },
    {
      report: 'Time_To_Accept',
      header: 'Time to accept (business minutes)',
      type: 'Bar',
      section: 'middle',
    },
    { report: 'Rejection_Reasons', header: 'Rejection reasons', type: 'Bar', section: 'right' },
  ],
};

/** A report type's column name for a field of its base object: `Handoff__c$Status__c`. */
export function reportField(base: string, field: string): string {
  return `${base}$${field}`;
}

function columns(object: ObjectModel, table: string, checked: boolean): XmlNode[] {
  const fields = [
    ...STANDARD_COLUMNS,
    // Master-detail and lookup fields are offered like the rest; roll-ups too.
    ...object.fields.map((f) => f.name),
  ];
  return fields.map((field): XmlNode => [
    'columns',
    [
      ['checkedByDefault', checked],
      ['field', field],
      ['table', table],
    ],
  ]);
}

function reportTypeXml(type: ReportTypeModel): string {
  const base = type.base.name;
  const sections: XmlNode[] = [
    ['sections', [...columns(type.base, base, true), ['masterLabel', type.base.pluralLabel]]],
  ];
  if (type.join) {
    const table = `${base}.${type.join.relationship}`;
    sections.push([
      'sections',
      [...columns(type.join.object, table, false), ['masterLabel', type.join.object.pluralLabel]],
    ]);
  }
  return metadataXml('ReportType', [
    ['baseObject', base],
    ['category', 'other'],
    ['deployed', true],
    ['description', type.description],
    ...(type.join
      ? [
          [
            'join',
            [
              ['outerJoin', true],
              ['relationship', type.join.relationship],
            ],
          ] as XmlNode,
        ]
      : []),
    ['label', type.label],
    ...sections,
  ]);
}

function reportXml(report: ReportModel): string {
  const type = REPORT_TYPES.find((t) => t.name === report.reportType);
  const base = type?.base.name ?? 'Handoff__c';
  const f = (field: string) => reportField(base, field);
  return metadataXml('Report', [
    ...report.columns.map((c): XmlNode => [
      'columns',
      [...(c.aggregate ? [['aggregateTypes', c.aggregate] as XmlNode] : []), ['field', f(c.field)]],
    ]),
    ['description', report.description],
    ...(report.filters.length > 0
      ? [
          [
            'filter',
            report.filters.map((c): XmlNode => [
              'criteriaItems',
              [
                ['column', f(c.field)],
                ['isUnlocked', true],
                ['operator', c.operator],
                ['value', c.value],
              ],
            ]),
          ] as XmlNode,
        ]
      : []),
    ['format', report.format],
    ...report.groupingsAcross.map((g): XmlNode => [
      'groupingsAcross',
      [
        ['dateGranularity', 'Day'],
        ['field', f(g.field)],
        ['sortOrder', 'Asc'],
      ],
    ]),
    ...report.groupingsDown.map((g): XmlNode => [
      'groupingsDown',
      [
        ['dateGranularity', g.granularity ?? 'Day'],
        ['field', f(g.field)],
        ['sortOrder', 'Asc'],
      ],
    ]),
    ['name', report.label],
    ['reportType', `${report.reportType}__c`],
    ['scope', 'organization'],
    ['showDetails', report.details],
    ['showGrandTotal', true],
    ['showSubtotals', true],
  ]);
}

function dashboardXml(dashboard: DashboardModel): string {
  const section = (name: 'left' | 'middle' | 'right'): XmlNode[] => [
    ['columnSize', 'Medium'],
    ...dashboard.components
      .filter((c) => c.section === name)
      .map((c): XmlNode => [
        'components',
        [
          ['autoselectColumnsFromReport', true],
          ...(c.type === 'Table' || c.type === 'Metric'
            ? []
            : [['chartAxisRange', 'Auto'] as XmlNode]),
          ['componentType', c.type],
          ['displayUnits', 'Auto'],
          ['header', c.header],
          ['indicatorHighColor', '#54C254'],
          ['indicatorLowColor', '#C25454'],
          ['indicatorMiddleColor', '#C2C254'],
          ['report', `${REPORT_FOLDER}/${c.report}`],
          ['showPercentage', false],
          ['showValues', true],
          ['sortBy', 'RowLabelAscending'],
        ],
      ]),
  ];
  return metadataXml('Dashboard', [
    ['backgroundEndColor', '#FFFFFF'],
    ['backgroundFadeDirection', 'Diagonal'],
    ['backgroundStartColor', '#FFFFFF'],
    // Each viewer sees what their own sharing lets them see (a dynamic dashboard): the package
    // cannot name a running user of the subscriber's org.
    ['dashboardType', 'LoggedInUser'],
    ['description', dashboard.description],
    ['leftSection', section('left')],
    ['middleSection', section('middle')],
    ['rightSection', section('right')],
    ['textColor', '#000000'],
    ['title', dashboard.title],
    ['titleColor', '#000000'],
    ['titleSize', 12],
  ]);
}

export function reportingFiles(root: string): Files {
  const files: Files = new Map();
  for (const type of REPORT_TYPES)
    files.set(`${root}/reportTypes/${type.name}.reportType-meta.xml`, reportTypeXml(type));
  files.set(
    `${root}/reports/${REPORT_FOLDER}.reportFolder-meta.xml`,
    metadataXml('ReportFolder', [
      ['accessType', 'Public'],
      ['name', 'Handoff'],
      ['publicFolderAccess', 'ReadOnly'],
    ]),
  );
  for (const report of REPORTS)
    files.set(`${root}/reports/${REPORT_FOLDER}/${report.name}.report-meta.xml`, reportXml(report));
  files.set(
    `${root}/dashboards/${DASHBOARD_FOLDER}.dashboardFolder-meta.xml`,
    metadataXml('DashboardFolder', [
      ['accessType', 'Public'],
      ['name', 'Handoff'],
      ['publicFolderAccess', 'ReadOnly'],
    ]),
  );
  files.set(
    `${root}/dashboards/${DASHBOARD_FOLDER}/${DASHBOARD.name}.dashboard-meta.xml`,
    dashboardXml(DASHBOARD),
  );
  return files;
}
