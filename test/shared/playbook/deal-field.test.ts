// A brief answer that fills the deal an accepted expansion creates: the checklist item names a deal
// field (`dealField`), checked like every other reference and said in plain words by explain.
import { describe, expect, it } from 'vitest';
import { explainPlaybook } from '../../../shared/src/playbook/explain.js';
import { parsePlaybook } from '../../../shared/src/playbook/index.js';
import { defaultPlaybookInput, type RawPlaybook } from '../fixtures.js';

type Item = { id: string; dealField?: string };
const briefItems = (p: RawPlaybook): Item[] =>
  (p.checklists as { id: string; items: Item[] }[]).find((c) => c.id === 'expansion_brief')
    ?.items ?? [];

describe('a brief answer that fills the new deal', () => {
  it("when the default playbook is read, then the expansion's estimated size fills the deal's amount, and explain says so", () => {
    const parsed = parsePlaybook(defaultPlaybookInput());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const size = parsed.playbook.checklists
      .find((c) => c.id === 'expansion_brief')
      ?.items.find((i) => i.id === 'size');
    expect(size?.dealField).toBe('amount');
    expect(explainPlaybook(parsed.playbook)).toContain(
      "[optional] Estimated size (ARR) (fills the new deal's Amount)",
    );
  });

  it('when an item names a deal field the playbook does not declare, then it is refused at that item', () => {
    const input = defaultPlaybookInput();
    const items = briefItems(input);
    const at = items.findIndex((i) => i.id === 'size');
    const size = items[at];
    if (size) size.dealField = 'amout';
    const list = (input.checklists as { id: string }[]).findIndex(
      (c) => c.id === 'expansion_brief',
    );
    const parsed = parsePlaybook(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      expect.objectContaining({
        path: `checklists[${list}].items[${at}].dealField`,
        message: 'names the field `amout`, which the playbook does not declare.',
      }),
    ]);
  });
});
