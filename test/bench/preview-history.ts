// A generated history export for the preview benches: deals across 90 days, each with its stage
// entries, both handoffs' events and a few field changes, written line by line (never held whole).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const EXPORTED_AT = Date.UTC(2026, 11, 3, 22);

const PATH = [
  'appointment_scheduled',
  'qualified',
  'presentation_scheduled',
  'decision_maker_bought_in',
  'contract_sent',
  'closed_won',
];

function ev(
  type: string,
  at: number,
  by: string,
  actionId: string,
  details: Record<string, unknown> = {},
) {
  return { type, at, by, actionId, details };
}

/** The lines of one deal: snapshot, 6 stage entries, 2–3 handoff events each side, 2 field changes. */
export function dealLines(i: number): string[] {
  const id = `d${i}`;
  // Starts spread over the 90 days before the export; each deal runs about a week, in business hours.
  const start = EXPORTED_AT - 90 * DAY + ((i * 7919) % (83 * 24)) * HOUR;
  const entries = PATH.map((stage, k) => ({ stage, at: start + k * (20 + (i % 5)) * HOUR }));
  const won = entries[entries.length - 1]!.at;
  const lines: unknown[] = [
    {
      type: 'snapshot',
      record: {
        crm: 'hubspot',
        objectType: 'deal',
        recordId: id,
        stage: 'closed_won',
        fields: { amount: 1000 + i, arr: 12000, contract_start: '2027-01-01', pain: 'Reporting' },
        stageHistory: [],
        handoffs: {},
        ownerId: `u${i % 40}`,
      },
    },
    ...entries.map((e) => ({ type: 'stage', recordId: id, stage: e.stage, at: e.at })),
    {
      type: 'handoff',
      recordId: id,
      handoff: 'sdr_to_ae',
      event: ev('submitted', start + 2 * HOUR, 'sdr', `a${i}`),
    },
    {
      type: 'handoff',
      recordId: id,
      handoff: 'sdr_to_ae',
      event: ev('accepted', start + (3 + (i % 9)) * HOUR, 'ae', `b${i}`),
    },
    {
      type: 'handoff',
      recordId: id,
      handoff: 'sales_to_cs',
      event: ev('item_set', won + HOUR, 'rep', `c${i}`, { itemId: 'champion', value: 'Dana' }),
    },
    {
      type: 'handoff',
      recordId: id,
      handoff: 'sales_to_cs',
      event: ev('submitted', won + (2 + (i % 6)) * HOUR, 'rep', `d${i}`),
    },
    ...(i % 4 === 0
      ? []
      : [
          {
            type: 'handoff',
            recordId: id,
            handoff: 'sales_to_cs',
            event: ev('accepted', won + (4 + (i % 17)) * HOUR, 'cs', `e${i}`),
          },
        ]),
    { type: 'field', recordId: id, field: 'amount', value: 500 + i, at: start },
    { type: 'field', recordId: id, field: 'amount', value: 1000 + i, at: won - HOUR },
  ];
  return lines.map((l) => JSON.stringify(l));
}

/** Writes the export of `count` deals to `path`; resolves with the number of lines. */
export async function writeHistory(path: string, count: number): Promise<number> {
  const out = createWriteStream(path);
  let lines = 1;
  out.write(
    `${JSON.stringify({ type: 'export', format: 'handoff-history', version: 1, crm: 'hubspot', exportedAt: EXPORTED_AT })}\n`,
  );
  for (let i = 0; i < count; i++) {
    const chunk = dealLines(i);
    lines += chunk.length;
    if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return lines;
}
