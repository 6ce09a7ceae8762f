// The record panel (c-handoff-panel) opened on the fixtures' Closed Won opportunity, its wires
// answered as LDS answers them: the shared setup of the panel's component tests.
import Panel from 'c/handoffPanel';
import { getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { graphql } from 'lightning/graphql';
import {
  OPP_ID,
  PLAYBOOK_JSON,
  graph,
  header,
  itemNodes,
  opportunity,
  type Status,
} from './fixtures.js';
import { flush, mount, type Role } from './harness.js';

const isHeaders = (config: { relatedListId?: string }) => config.relatedListId === 'Handoffs__r';
const isHistory = (config: { relatedListId?: string }) =>
  config.relatedListId === 'OpportunityHistories';

/**
 * The panel as `role` sees it when the opportunity's Sales → CS handoff is in `status` ('none': no
 * header yet), its required items done unless `itemsDone` is false, with the Stage History rows
 * `history` when a test gives them, at Closed Won unless `stageName` says otherwise.
 */
export async function openPanel(
  role: Role,
  status: Status | 'none',
  options: { itemsDone?: boolean; history?: readonly unknown[]; stageName?: string } = {},
): Promise<HTMLElement> {
  const el = mount('c-handoff-panel', Panel, role, {
    recordId: OPP_ID,
    objectApiName: 'Opportunity',
  });
  graphql.emit(graph(PLAYBOOK_JSON, status === 'none' ? [] : itemNodes(options.itemsDone ?? true)));
  getRecord.emit(opportunity(options.stageName));
  // The related-list wires get their configs asynchronously; each list is answered on its own.
  await flush();
  getRelatedListRecords.emit({ records: status === 'none' ? [] : [header(status)] }, isHeaders);
  if (options.history) getRelatedListRecords.emit({ records: options.history }, isHistory);
  await flush();
  return el;
}
