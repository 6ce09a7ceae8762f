import type { HandoffDef, Playbook } from '../playbook/schema.js';
import type { RecordSnapshot } from '../shapes/snapshot.js';

/**
 * A handoff exists once the record has reached its opening stage: it entered that stage, or it
 * stands at a later stage of the same path (a deal created straight into a later stage still
 * owes the handoff; a lost deal does not owe the won deal's handoff). Whether the card shows it
 * is isHandoffShown's answer: not if it was never due there.
 */
export function isHandoffOpen(
  playbook: Playbook,
  handoff: HandoffDef,
  snapshot: Pick<RecordSnapshot, 'stage' | 'stageHistory' | 'handoffs'>,
): boolean {
  if (snapshot.handoffs[handoff.id] !== undefined) return true;
  if (snapshot.stage === handoff.opensAt) return true;
  if (snapshot.stageHistory.some((entry) => entry.stage === handoff.opensAt)) return true;
  const opening = playbook.stages.findIndex((s) => s.id === handoff.opensAt);
  const current = playbook.stages.findIndex((s) => s.id === snapshot.stage);
  if (opening < 0 || current <= opening) return false;
  const currentOutcome = playbook.stages[current]?.outcome;
  return currentOutcome === undefined || currentOutcome === playbook.stages[opening]?.outcome;
}
