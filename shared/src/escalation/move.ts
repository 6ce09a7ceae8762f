// What must happen to stop an SLA's clock, as an instruction: the sentence an escalation task
// gives whoever must act. Handoff moves use the faces' own words (MOVES), so a task says what the
// card's next-step strip says.
import { MOVES } from '../display/words.js';
import { slaWaitsOn, stopsOf, type Playbook, type SlaDef } from '../playbook/schema.js';
import type { RecordView } from '../shapes/view.js';

export function nextMoveOf(playbook: Playbook, sla: SlaDef, view: RecordView): string {
  const waitsOn = slaWaitsOn(playbook, sla);
  const moves: string[] = [];
  for (const stop of stopsOf(sla)) {
    switch (stop.on) {
      case 'handoff_submitted':
      case 'handoff_accepted': {
        const handoff = view.handoffs.find((h) => h.id === stop.handoff);
        const label = handoff?.label ?? playbook.handoffs.find((h) => h.id === stop.handoff)?.label;
        if (label === undefined) break;
        // The handoff's own ball says what is due now (a rejected one needs rework, not a review)
        // when it is with the people the SLA waits on; else their move comes once the others' is done.
        const ball = handoff?.next;
        const own = stop.on === 'handoff_submitted' ? 'submit' : 'accept';
        if (ball && (waitsOn === undefined || ball.roles.includes(waitsOn)))
          moves.push(MOVES[ball.action](label));
        else if (ball) moves.push(`${MOVES[own](label)}; it waits on the ${ball.label} first`);
        else moves.push(MOVES[own](label));
        break;
      }
      case 'stage_entered':
        moves.push(`Move the ${view.record.objectType} to ${stageLabel(playbook, stop.stage)}`);
        break;
      case 'stage_left':
        moves.push(
          `Move the ${view.record.objectType} on from ${stageLabel(playbook, stop.stage)}`,
        );
        break;
      case 'field_set':
        moves.push(`Fill in ${playbook.fields[stop.field]?.label ?? stop.field}`);
        break;
    }
  }
  // Several stops: the first that happens stops the clock, so any of them will do.
  const unique = [...new Set(moves)];
  if (unique.length === 0) return `Act on the ${view.record.objectType}`;
  return unique.map((m, i) => (i === 0 ? m : m.charAt(0).toLowerCase() + m.slice(1))).join(', or ');
}

function stageLabel(playbook: Playbook, stageId: string): string {
  return playbook.stages.find((s) => s.id === stageId)?.label ?? stageId;
}
