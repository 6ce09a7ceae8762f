// The references zod cannot see across objects: each SLA and handoff lives on one object (see
// objects.ts), so what it names — stages, handoffs — must live there too. A deal's SLA stopped by a
// contact's stage would never stop; a stage gated on another object's handoff would never open.
import type { PathSegment } from './issues.js';

/** An issue before the parser places it: the path still as segments. */
export interface ObjectIssue {
  path: PathSegment[];
  message: string;
}
import { objectOfHandoff, objectOfSla, objectOfStage } from './objects.js';
import { stopsOf, type Playbook, type RecordObject, type Rule } from './schema.js';

export function objectIssues(playbook: Playbook): ObjectIssue[] {
  const issues: ObjectIssue[] = [];
  const stageObject = new Map(playbook.stages.map((s) => [s.id, objectOfStage(s)]));
  const handoffObject = new Map(playbook.handoffs.map((h) => [h.id, objectOfHandoff(playbook, h)]));
  // Unknown names are reported by the reference checks; here only known ones on the wrong object.
  const check = (
    path: PathSegment[],
    kind: 'stage' | 'handoff',
    id: string,
    expected: RecordObject,
    owner: string,
  ) => {
    const actual = (kind === 'stage' ? stageObject : handoffObject).get(id);
    if (actual === undefined || actual === expected) return;
    issues.push({
      path,
      message: `names \`${id}\`, a ${actual} ${kind}; ${owner} lives on ${expected}s, so it must name a ${expected} ${kind}.`,
    });
  };

  playbook.slas.forEach((sla, i) => {
    // Started by a handoff not in the playbook (unknown, or dropped by an issue of its own): its
    // object is not known, so nothing it names can be said to be on the wrong one.
    if ('handoff' in sla.start && !handoffObject.has(sla.start.handoff)) return;
    const object = objectOfSla(playbook, sla);
    const owner = `this SLA starts on a ${object} and`;
    const stops = stopsOf(sla);
    stops.forEach((stop, s) => {
      const at: PathSegment[] = Array.isArray(sla.stop)
        ? ['slas', i, 'stop', s]
        : ['slas', i, 'stop'];
      if ('stage' in stop) check([...at, 'stage'], 'stage', stop.stage, object, owner);
      if ('handoff' in stop) check([...at, 'handoff'], 'handoff', stop.handoff, object, owner);
      if (stop.on === 'first_activity' && object !== 'contact')
        issues.push({
          path: [...at, 'on'],
          message: `\`first_activity\` stops a speed-to-lead timer on contacts (sales activities on a contact or Lead); this SLA runs on ${object}s.`,
        });
    });
    sla.pause.forEach((pause, p) =>
      check(['slas', i, 'pause', p, 'handoff'], 'handoff', pause.handoff, object, owner),
    );
  });

  playbook.stages.forEach((stage, s) => {
    const object = objectOfStage(stage);
    for (const side of ['entry', 'exit'] as const)
      stage[side].forEach((criterion, c) =>
        handoffsIn(criterion.rule, ['stages', s, side, c, 'rule']).forEach(([path, id]) =>
          check(path, 'handoff', id, object, `this stage`),
        ),
      );
  });

  playbook.handoffs.forEach((handoff, h) => {
    const object = objectOfHandoff(playbook, handoff);
    // A handoff moves its own record: an accepted MQL cannot land in a deal stage.
    for (const key of ['onAccept', 'onReject'] as const) {
      const move = handoff[key];
      if (move) check(['handoffs', h, key, 'stage'], 'stage', move.stage, object, `this handoff`);
    }
    handoff.criteria.forEach((criterion, c) =>
      handoffsIn(criterion.rule, ['handoffs', h, 'criteria', c, 'rule']).forEach(([path, id]) =>
        check(path, 'handoff', id, object, `this handoff`),
      ),
    );
  });
  return issues;
}

/** The handoffs a rule names, with the path of each mention. */
function handoffsIn(rule: Rule, path: PathSegment[]): [PathSegment[], string][] {
  switch (rule.op) {
    case 'all':
    case 'any':
      return rule.rules.flatMap((r, i) => handoffsIn(r, [...path, 'rules', i]));
    case 'not':
      return handoffsIn(rule.rule, [...path, 'rule']);
    case 'checklist_complete':
    case 'handoff_status':
    case 'item_done':
      return [[[...path, 'handoff'], rule.handoff]];
    default:
      return [];
  }
}
