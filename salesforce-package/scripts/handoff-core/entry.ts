// The js-only LWC module `c/handoffCore`: everything the panels need from the core, and the
// Salesforce adapter around it. Bundled by scripts/build-handoff-core.ts; the output is generated.
import {
  evaluateRecord,
  formatPath,
  jsonPositions,
  jsonSyntaxIssue,
  locateIssues,
  parsePlaybook,
  type Playbook,
  type PlaybookIssue,
  type Viewer,
} from '@handoff/shared/runtime';

export { evaluateRecord };
export { playbookFingerprint, playbookLabel } from '@handoff/shared/runtime';
export { buildSnapshot, opportunityFields, stageOf } from './snapshot.js';
export { errorSentences, missingHandoffs, missingItems, planAction, recordKey } from './writes.js';
export { accountModel, panelModel, formatTime, stageLabels } from './display.js';
export {
  HANDOFF,
  ITEM,
  PLAYBOOK,
  OPPORTUNITY_FIELDS,
  OPPORTUNITY_OPTIONAL,
  ACCOUNT_OPPORTUNITY_FIELDS,
  STAGE_HISTORY_FIELDS,
  STAGE_HISTORY_LIST,
  STAGE_HISTORY_SORT,
  graphNodes,
  itemsByHandoff,
  peopleOf,
} from './records.js';
export { namespaceOf, orgNames } from './names.js';
// The admin panel's forms write their changes into the JSON text (not in ./runtime: cards need none).
export { editPlaybookJson } from '@handoff/shared/edit';
export { OPEN_STATUSES, opportunityIdPages, planQueueAction, queueModel } from './queue.js';

export type PlaybookResult =
  { ok: true; playbook: Playbook } | { ok: false; issues: PlaybookIssue[] };

/**
 * The stored playbook is JSON: the runtime carries no YAML parser, so the admin panel saves JSON.
 * Every issue comes back with the line and column of its path, for the panel to select.
 */
export function readPlaybook(text: string | null | undefined): PlaybookResult {
  if (text === null || text === undefined || text.trim() === '') {
    return { ok: false, issues: [{ path: '', message: 'is empty.' }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          ...jsonSyntaxIssue(text, e),
          hint: 'Handoff stores the playbook as JSON; convert YAML before pasting it.',
        },
      ],
    };
  }
  const parsed = parsePlaybook(data);
  return parsed.ok
    ? { ok: true, playbook: parsed.playbook }
    : { ok: false, issues: locateIssues(parsed.issues, jsonPositions(text)) };
}

/**
 * Salesforce has no teams: a person's roles are the playbook role ids listed in the Handoff roles
 * multi-select picklist on their User record (`a;b` through LDS). Ids the playbook does not declare
 * are ignored, as HubSpot teams the playbook maps to no role are.
 */
export function viewerFrom(
  userId: string,
  handoffRoles: unknown,
  playbook: Pick<Playbook, 'roles'>,
): Viewer {
  const listed = typeof handoffRoles === 'string' ? handoffRoles.split(';') : [];
  const roles = [...new Set(listed.map((r) => r.trim()))].filter((r) =>
    Object.prototype.hasOwnProperty.call(playbook.roles, r),
  );
  return { userId, roles };
}

export { formatPath };
// The admin panel's change preview (c/handoffChangePreview): the core's diff and preview over the org.
export { previewModel } from './preview.js';
