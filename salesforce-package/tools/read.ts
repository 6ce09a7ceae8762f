// How the scanner reads the opportunities that can have a live timer, with their stage history,
// handoffs and escalations. Always one SOQL query with child subqueries, paged by nextRecordsUrl;
// its first page says how many opportunities match (totalSize). Above the bulk threshold the rest is
// read through Bulk API 2.0 instead: Bulk 2.0 takes no child subqueries, so four flat query jobs
// (opportunities, OpportunityHistory, Handoff__c, Handoff_Escalation__c) are joined in memory into
// the very records the SOQL query returns, and the scan cannot tell the two apart.
import { fieldsOn, type Playbook } from '@handoff/shared';
import { QUERY_BATCH, soqlList, type OrgApi } from './api.js';
import { DEFAULT_POLLING, startBulkQueries, type BulkPolling } from './bulk.js';
import { candidateLeadStatuses, candidateStageNames } from './candidates.js';
import type { CsvRow } from './csv.js';
import type { OrgNames } from './names.js';
import { HANDOFF_FIELDS, LEAD_FIELDS, type SfRecord } from './snapshot.js';

/**
 * Above this many candidate opportunities the scanner reads through Bulk API 2.0. Four jobs cost at
 * least 12 requests (create, status check, results) and more while Salesforce works on them (a check
 * each 1, 2, 4 … 30 s); 25 SOQL pages of 2,000 cost 25. Below this SOQL is as cheap or cheaper and
 * has no job to wait for.
 */
export const DEFAULT_BULK_THRESHOLD = 50_000;

export interface ReadOptions {
  /** Read through Bulk API 2.0 when more opportunities than this match (at least one SOQL page). */
  bulkThreshold: number;
  polling?: BulkPolling;
}

export interface ReadStats {
  soqlPages: number;
  bulkJobs: number;
  bulkChecks: number;
}

const ESCALATION_FIELDS = ['Id', 'Escalation_Key__c', 'Executed_At__c', 'Closed_At__c'];

function opportunityFields(playbook: Playbook, names: OrgNames): string[] {
  // Name: escalation tasks name the opportunity.
  const fields = new Set(['Id', 'Name', 'StageName', 'OwnerId', 'CreatedDate']);
  for (const def of Object.values(fieldsOn(playbook, 'deal')))
    if (def.salesforce && !def.salesforce.includes('.')) fields.add(names.field(def.salesforce));
  return [...fields];
}

export function scanQuery(playbook: Playbook, names: OrgNames): string {
  const handoff = HANDOFF_FIELDS.map((f) => names.field(f)).join(', ');
  const escalation = ESCALATION_FIELDS.map((f) => names.field(f)).join(', ');
  return [
    `SELECT ${opportunityFields(playbook, names).join(', ')},`,
    '(SELECT StageName, CreatedDate FROM OpportunityHistories ORDER BY CreatedDate),',
    `(SELECT ${handoff} FROM ${names.handoffs}),`,
    `(SELECT ${escalation} FROM ${names.escalations})`,
    `FROM Opportunity WHERE StageName IN (${soqlList(candidateStageNames(playbook))}) ORDER BY Id`,
  ].join(' ');
}

/**
 * The Leads that can have a live timer (a status where some contact SLA may run, not converted),
 * with their Status history, their completed Tasks and their Events (the first touch that stops
 * speed to lead), their handoffs and their escalations (Handoff_Escalation__c.Lead__c): one SOQL
 * query, paged as the Opportunity one (no Bulk API path for Leads yet).
 */
export function leadScanQuery(playbook: Playbook, names: OrgNames): string {
  const fields = new Set(LEAD_FIELDS);
  fields.add('ConvertedDate');
  for (const def of Object.values(fieldsOn(playbook, 'contact')))
    if (def.salesforce && !def.salesforce.includes('.')) fields.add(names.field(def.salesforce));
  const handoff = HANDOFF_FIELDS.map((f) => names.field(f)).join(', ');
  const escalation = ESCALATION_FIELDS.map((f) => names.field(f)).join(', ');
  return [
    `SELECT ${[...fields].join(', ')},`,
    "(SELECT Field, OldValue, NewValue, CreatedDate FROM Histories WHERE Field = 'Status' ORDER BY CreatedDate),",
    "(SELECT Status, Description, LastModifiedDate FROM Tasks WHERE Status = 'Completed'),",
    '(SELECT ActivityDateTime FROM Events),',
    `(SELECT ${handoff} FROM ${names.handoffs}),`,
    `(SELECT ${escalation} FROM ${names.escalations})`,
    `FROM Lead WHERE IsConverted = false AND Status IN (${soqlList(candidateLeadStatuses(playbook))}) ORDER BY Id`,
  ].join(' ');
}

/**
 * The escalations not closed yet (executed, or left half-done by a crash) whose record no page of
 * the scan holds, so no timer of theirs can be live: an Opportunity in no stage where an SLA may run (moved back, closed lost), a Lead
 * converted or in no such status, or a record deleted (its lookups set to null, as the package's
 * deleteConstraint says; Salesforce deletes its activities with it). Each comes with the Contact a
 * converted Lead became: conversion moves the Lead's Tasks to it (WhoId) and to its Opportunity
 * (https://help.salesforce.com/s/articleView?id=000385227&type=1).
 */
export function leftBehindQuery(playbook: Playbook, names: OrgNames): string {
  const opportunity = names.field('Opportunity__c');
  const lead = names.field('Lead__c');
  const rel = (lookup: string) => lookup.replace(/__c$/, '__r');
  const stages = candidateStageNames(playbook);
  const statuses = candidateLeadStatuses(playbook);
  const opportunityLeft =
    stages.length === 0
      ? `${opportunity} != null`
      : `(${opportunity} != null AND ${rel(opportunity)}.StageName NOT IN (${soqlList(stages)}))`;
  const leadLeft =
    statuses.length === 0
      ? `${lead} != null`
      : `(${lead} != null AND (${rel(lead)}.IsConverted = true OR ${rel(lead)}.Status NOT IN (${soqlList(statuses)})))`;
  const fields = ['Id', names.field('Escalation_Key__c'), opportunity, lead];
  return [
    `SELECT ${fields.join(', ')}, ${rel(lead)}.ConvertedContactId FROM ${names.escalation}`,
    `WHERE ${names.field('Closed_At__c')} = null`,
    `AND (${opportunityLeft} OR ${leadLeft} OR (${opportunity} = null AND ${lead} = null))`,
    'ORDER BY Id',
  ].join(' ');
}

/**
 * The handoffs of the Leads these Opportunities were converted from. Conversion leaves records of
 * custom objects on the Lead (Handoff__c keeps its Lead__c), so a deal finds its marketing → sales
 * handoff, with its timers' milestones, through the converted Lead's ConvertedOpportunityId.
 */
export function convertedLeadHandoffsQuery(
  names: OrgNames,
  opportunityIds: readonly string[],
): string {
  const lookup = names.field('Lead__c');
  const lead = lookup.replace(/__c$/, '__r');
  const fields = [
    ...HANDOFF_FIELDS.map((f) => names.field(f)),
    lookup,
    `${lead}.ConvertedOpportunityId`,
  ];
  return `SELECT ${fields.join(', ')} FROM ${names.handoff} WHERE ${lead}.ConvertedOpportunityId IN (${soqlList(opportunityIds)}) ORDER BY Id`;
}

/** Pages of candidate Leads; none asked for when no playbook stage reads Lead Status. */
export async function* leadPages(
  api: OrgApi,
  playbook: Playbook,
  names: OrgNames,
  stats: ReadStats,
): AsyncGenerator<SfRecord[]> {
  if (candidateLeadStatuses(playbook).length === 0) return;
  for await (const page of api.pages(leadScanQuery(playbook, names))) {
    stats.soqlPages++;
    yield page.records;
  }
}

/**
 * The flat queries for the candidates after `afterId` (those the first SOQL page did not hold), each
 * child filtered through its parent's stage as the subqueries are. No ORDER BY: it would turn off
 * Salesforce's chunking of large query jobs.
 */
export function bulkQueries(playbook: Playbook, names: OrgNames, afterId: string): string[] {
  const stages = soqlList(candidateStageNames(playbook));
  const after = soqlList([afterId]);
  const lookup = names.field('Opportunity__c');
  const parent = lookup.replace(/__c$/, '__r');
  return [
    `SELECT ${opportunityFields(playbook, names).join(', ')} FROM Opportunity WHERE StageName IN (${stages}) AND Id > ${after}`,
    `SELECT OpportunityId, StageName, CreatedDate FROM OpportunityHistory WHERE Opportunity.StageName IN (${stages}) AND OpportunityId > ${after}`,
    `SELECT ${[...HANDOFF_FIELDS.map((f) => names.field(f)), lookup].join(', ')} FROM ${names.handoff} WHERE ${parent}.StageName IN (${stages}) AND ${lookup} > ${after}`,
    `SELECT ${[...ESCALATION_FIELDS.map((f) => names.field(f)), lookup].join(', ')} FROM ${names.escalation} WHERE ${parent}.StageName IN (${stages}) AND ${lookup} > ${after}`,
  ];
}

/** Pages of candidate opportunities in the shape of the SOQL query's records. */
export async function* candidatePages(
  api: OrgApi,
  playbook: Playbook,
  names: OrgNames,
  options: ReadOptions,
  stats: ReadStats,
): AsyncGenerator<SfRecord[]> {
  const pages = api.pages(scanQuery(playbook, names));
  let first = true;
  for await (const page of pages) {
    stats.soqlPages++;
    const last = page.records[page.records.length - 1];
    if (!first || page.done || page.totalSize <= options.bulkThreshold || !last) {
      yield page.records;
      first = false;
      continue;
    }
    // Started before the first page is worked on, so Salesforce runs the jobs meanwhile.
    const queries = bulkQueries(playbook, names, last.Id);
    const bulk = await startBulkQueries(api, queries, options.polling ?? DEFAULT_POLLING);
    stats.bulkJobs += queries.length;
    yield page.records;
    const rows = await bulk.rows();
    stats.bulkChecks += bulk.checks;
    const joined = join(playbook, names, rows);
    for (let i = 0; i < joined.length; i += QUERY_BATCH) yield joined.slice(i, i + QUERY_BATCH);
    return;
  }
}

/** Bulk rows → records as the SOQL query returns them: typed values, children under their relationships. */
export function join(playbook: Playbook, names: OrgNames, rows: readonly CsvRow[][]): SfRecord[] {
  const [opportunities = [], history = [], handoffs = [], escalations = []] = rows;
  const lookup = names.field('Opportunity__c');
  const byOpportunity = new Map<string, SfRecord>();
  const out: SfRecord[] = [];
  const numbers = new Set<string>();
  const booleans = new Set<string>();
  for (const def of Object.values(fieldsOn(playbook, 'deal'))) {
    if (!def.salesforce || def.salesforce.includes('.')) continue;
    if (def.type === 'number') numbers.add(names.field(def.salesforce));
    if (def.type === 'boolean') booleans.add(names.field(def.salesforce));
  }
  for (const row of opportunities) {
    if (!row.Id) continue;
    const record: SfRecord = { Id: row.Id };
    for (const [field, value] of Object.entries(row)) {
      if (field === 'Id') continue;
      record[field] =
        value === null
          ? null
          : numbers.has(field)
            ? Number(value)
            : booleans.has(field)
              ? value === 'true'
              : value;
    }
    record.OpportunityHistories = { records: [] };
    record[names.handoffs] = { records: [] };
    record[names.escalations] = { records: [] };
    byOpportunity.set(row.Id, record);
    out.push(record);
  }
  const childNumbers = ['Version__c', 'Business_Minutes_To_Accept__c'].map((f) => names.field(f));
  const attach = (children: readonly CsvRow[], parentField: string, relationship: string) => {
    for (const row of children) {
      const parent = byOpportunity.get(row[parentField] ?? '');
      if (!parent) continue;
      const child: Record<string, unknown> = { ...row };
      delete child[parentField];
      // The numbers among the children's fields (the rest are text, ids and times, as in SOQL's JSON).
      for (const field of childNumbers)
        if (typeof child[field] === 'string') child[field] = Number(child[field]);
      (parent[relationship] as { records: unknown[] }).records.push(child);
    }
  };
  attach(history, 'OpportunityId', 'OpportunityHistories');
  attach(handoffs, lookup, names.handoffs);
  attach(escalations, lookup, names.escalations);
  return out;
}
