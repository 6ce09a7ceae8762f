// Where a handoff's decision sends its record: `onAccept` / `onReject` name a stage of the handoff's
// own object, checked with a path the admin can follow, and explained in plain words.
import { describe, expect, it } from 'vitest';
import { explainPlaybook } from '../../../shared/src/playbook/explain.js';
import { parsePlaybook } from '../../../shared/src/playbook/index.js';
import { defaultPlaybookInput, type RawPlaybook } from '../fixtures.js';

const handoffIndex = (p: RawPlaybook, id: string): number =>
  (p.handoffs as { id: string }[]).findIndex((h) => h.id === id);

function parse(change: (p: RawPlaybook) => void) {
  const input = defaultPlaybookInput();
  change(input);
  return parsePlaybook(input);
}

describe('handoff moves (onAccept / onReject)', () => {
  it('when the default playbook is read, then an accepted MQL becomes an SQL and a rejected one goes back to lead', () => {
    const result = parse(() => {});
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const mql = result.playbook.handoffs.find((h) => h.id === 'mql_to_sales');
    expect(mql?.onAccept).toEqual({ stage: 'sql' });
    expect(mql?.onReject).toEqual({ stage: 'lead' });
    // The deal handoffs move nothing: a deal's stage is the rep's to set.
    const sdr = result.playbook.handoffs.find((h) => h.id === 'sdr_to_ae');
    expect(sdr?.onAccept).toBeUndefined();
  });

  it('when a handoff has no moves (a playbook written before them), then it loads without any', () => {
    const result = parse((p) => {
      const h = p.handoffs[handoffIndex(p, 'mql_to_sales')];
      delete h.onAccept;
      delete h.onReject;
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(
      'onAccept' in (result.playbook.handoffs.find((h) => h.id === 'mql_to_sales') ?? {}),
    ).toBe(false);
  });

  it('when onReject names a stage that does not exist, then the error points at that stage', () => {
    let at = -1;
    const result = parse((p) => {
      at = handoffIndex(p, 'mql_to_sales');
      p.handoffs[at].onReject = { stage: 'recycled' };
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([`handoffs[${at}].onReject.stage`]);
    expect(result.issues[0]?.message).toContain('recycled');
  });

  it("when onAccept names another object's stage, then it is refused naming both objects", () => {
    let at = -1;
    const result = parse((p) => {
      at = handoffIndex(p, 'mql_to_sales');
      p.handoffs[at].onAccept = { stage: 'qualified' };
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      {
        path: `handoffs[${at}].onAccept.stage`,
        message:
          'names `qualified`, a deal stage; this handoff lives on contacts, so it must name a contact stage.',
      },
    ]);
  });

  it('when a move has an unknown key, then it is refused at that key', () => {
    let at = -1;
    const result = parse((p) => {
      at = handoffIndex(p, 'mql_to_sales');
      p.handoffs[at].onAccept = { stage: 'sql', owner: 'me' };
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([`handoffs[${at}].onAccept.owner`]);
  });

  it('when the default playbook is explained, then the moves are said in words', () => {
    const result = parse(() => {});
    if (!result.ok) throw new Error('invalid');
    const text = explainPlaybook(result.playbook);
    expect(text).toContain('     when accepted: the contact moves to Sales qualified (SQL)');
    expect(text).toContain('     when rejected: the contact goes back to Lead');
  });
});
