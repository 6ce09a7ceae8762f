// The admin panel's change preview (c/handoffChangePreview): the org's opportunities with every
// Handoff__c (accepted ones too) and their items, snapshotted as the panel snapshots one record,
// then the core's diffPlaybooks and previewPlaybookChange, in the HubSpot settings page's words
// (hubspot-app/src/app/settings/ChangePreview.tsx). The component only reads and shows.
import { previewPlaybookChange, type PlaybookPreview } from '@handoff/shared/preview';
import type { Playbook } from '@handoff/shared/runtime';
import { text, type UiRecord } from './records.js';
import { buildSnapshot } from './snapshot.js';

export interface PreviewRecords {
  /** Opportunity nodes: Name, StageName, OwnerId, AccountId, CreatedDate, LastStageChangeDate. */
  opportunities: readonly UiRecord[];
  /** Handoff__c nodes of every status, each naming its Opportunity__c. */
  handoffs: readonly UiRecord[];
  /** Item rows by the id of their header. */
  items: Readonly<Record<string, readonly UiRecord[]>>;
}

export interface PreviewLine {
  key: string;
  tag: string;
  badgeClass: string;
  text: string;
  /** The opportunities behind the count, by name, for the line's disclosure. */
  recordsText: string;
}

export interface PreviewModel {
  preview: PlaybookPreview;
  changesTitle: string;
  changes: { key: string; text: string }[];
  recordsTitle: string;
  lines: PreviewLine[];
  noChange: boolean;
  needsConfirmation: boolean;
  confirmText: string;
  escalationText: string;
}

const BADGE = {
  danger: 'slds-badge slds-theme_error',
  warning: 'slds-badge slds-theme_warning',
  info: 'slds-badge slds-theme_info',
};

/** Both playbooks over the org's records at `now`, with the records behind each count named. */
export function previewModel(
  old: Playbook,
  next: Playbook,
  records: PreviewRecords,
  now: number,
): PreviewModel {
  const headers = new Map<string, UiRecord[]>();
  for (const header of records.handoffs) {
    const id = text(header, 'Opportunity__c');
    if (id) (headers.get(id) ?? headers.set(id, []).get(id))?.push(header);
  }
  const names = new Map(records.opportunities.map((o) => [o.id, text(o, 'Name') ?? o.id]));
  // The core compares one set of snapshots; they are read through the active playbook's mapping
  // (stage names, field API names), as the scanner reads the org today.
  const snapshots = records.opportunities.map((opportunity) =>
    buildSnapshot(old, {
      opportunity,
      handoffs: headers.get(opportunity.id) ?? [],
      items: records.items,
    }),
  );
  const preview = previewPlaybookChange({ old, new: next, records: snapshots, now });
  const named = (ids: readonly string[]) =>
    `Opportunities: ${ids.map((id) => names.get(id) ?? id).join(', ')}`;
  const line = (
    key: string,
    tone: keyof typeof BADGE,
    tag: string,
    group: { text: string; recordIds: string[] },
  ) => ({
    key,
    tag,
    badgeClass: BADGE[tone],
    text: group.text,
    recordsText: named(group.recordIds),
  });
  const lines: PreviewLine[] = [
    ...preview.timers.map((g, n) =>
      line(`t${n}`, g.to === 'breached' ? 'danger' : 'warning', 'Timer', g),
    ),
    ...preview.submissions.map((g, n) => line(`s${n}`, 'danger', 'Handoff', g)),
    ...preview.criteria.map((g, n) => line(`c${n}`, 'info', 'Criterion', g)),
    ...preview.escalations.map((w, n) =>
      line(`e${n}`, 'warning', 'Escalation', {
        text: `${w.text}, reaching ${[...w.reach.roles, ...w.reach.users].join(', ')}`,
        recordIds: w.recordIds,
      }),
    ),
  ];
  const count = preview.changes.length;
  return {
    preview,
    changesTitle:
      count === 0
        ? 'No change from the saved playbook.'
        : `${count} ${count === 1 ? 'change' : 'changes'} from the saved playbook`,
    changes: preview.changes.map((c, n) => ({ key: `d${n}`, text: c.text })),
    recordsTitle: `On ${preview.records} ${preview.records === 1 ? 'opportunity' : 'opportunities'} now`,
    lines,
    noChange: lines.length === 0,
    needsConfirmation: preview.needsConfirmation,
    confirmText: `Saving raises ${preview.escalationCount} escalations at once; this playbook allows ${preview.escalationLimit} without confirmation.`,
    escalationText: `${preview.escalationCount} escalations on the next scan (confirmation needed above ${preview.escalationLimit}).`,
  };
}
