// Previewing a playbook change on the settings page (issue 20): the backend computes the core's
// preview over the records the store holds, admins only; a save over the playbook's escalation
// limit needs the admin's confirmation, and every save leaves an audit line.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backtestPlaybooks,
  parsePlaybookText,
  type PlaybookPreview,
  type PlaybookResponse,
} from '@handoff/shared';
import { requiredScopes } from '../../../hubspot-app/scopes.js';
import { CS_CHECKLIST_ANSWERS } from './answers.js';
import { startHarness, type Harness } from './harness.js';

const HOUR = 3_600_000;
const current = readFileSync(
  fileURLToPath(new URL('../../../shared/playbooks/default.yaml', import.meta.url)),
  'utf8',
);
const CS_TARGET = 'target: { unit: business_days, amount: 1, mode: elapsed }';
/** "CS accepts within 1 business day" tightened to 4 business hours, as the admin types it. */
const tighter = current
  .replace(CS_TARGET, 'target: { unit: business_hours, amount: 4 }')
  .replace("version: '1'", "version: '2'");
const tighterWithLimit = `${tighter}\nguardRails: { maxEscalationsOnSave: 1 }\n`;

/** HubSpot's access tokens last 30 minutes: after moving the clock by hours, install a fresh one. */
async function renewToken(): Promise<void> {
  const installation = await h.store.getInstallation(h.portalId);
  const token = h.emulator.issueToken(h.portalId, { scopes: requiredScopes });
  if (!installation) throw new Error('the harness portal is not installed');
  await h.store.putInstallation({
    ...installation,
    accessToken: token.accessToken,
    refreshToken: token.refreshToken,
    expiresAt: h.clock.now() + 30 * 60_000,
  });
}

let h: Harness;
let deal: string;
let actions = 0;

beforeEach(async () => {
  h = await startHarness();
  // Monday 23 November 2026, 10:00 New York: the rep submits the CS handoff of a won deal.
  deal = await h.seedWonDeal();
  const act = (action: Record<string, unknown>) =>
    h.call('POST', `/v1/hubspot/records/deals/${deal}/actions`, {
      as: h.users.rep,
      body: { handoffId: 'sales_to_cs', actionId: `p-${++actions}`, action },
    });
  for (const [itemId, value] of Object.entries(CS_CHECKLIST_ANSWERS))
    expect((await act({ type: 'set_item', itemId, value })).status).toBe(200);
  expect((await act({ type: 'submit' })).status).toBe(200);
  // The card's read stores the deal's summary, which the preview reads (no CRM call).
  expect(
    (await h.call('GET', `/v1/hubspot/records/deals/${deal}`, { as: h.users.csManager })).status,
  ).toBe(200);
  // 15:00: CS has waited 5 business hours — on track against 8 (at risk from 6), breached against 4.
  h.clock.advance(5 * HOUR);
  await renewToken();
});
afterEach(async () => {
  await h.close();
});

const preview = (as: string, text: string) =>
  h.call('POST', '/v1/hubspot/playbook/preview', { as, body: { text } }) as Promise<{
    status: number;
    body: PlaybookPreview;
  }>;

describe('the playbook preview route', () => {
  it('when an admin previews the tighter CS SLA, then the deal goes from on track to breached and two escalations would fire', async () => {
    const { status, body } = await preview(h.users.admin, tighter);
    expect(status).toBe(200);
    expect(body.changes.map((c) => c.text)).toContain(
      'CS accepts the handoff: 1 business day → 4 business hours',
    );
    expect(body.timers).toEqual([
      expect.objectContaining({
        slaId: 'cs_accepts_won_deal',
        from: 'running',
        to: 'breached',
        count: 1,
        recordIds: [deal],
      }),
    ]);
    // At risk (a task) and breached (a note), both to every CS manager; 4 hours after the breach is not reached.
    expect(body.escalations.map((e) => [e.level, e.count, e.reach.roles])).toEqual([
      [1, 1, ['every CS manager']],
      [2, 1, ['every CS manager']],
    ]);
    expect(body).toMatchObject({
      escalationCount: 2,
      escalationLimit: 25,
      needsConfirmation: false,
    });
  });

  it('when someone who is not an admin asks, or the text is not a playbook, then it is refused with a sentence', async () => {
    expect(await preview(h.users.rep, tighter)).toMatchObject({
      status: 403,
      body: {
        error: { code: 'forbidden', message: 'Only Handoff admins may preview playbook changes.' },
      },
    });
    const broken = await h.call('POST', '/v1/hubspot/playbook/preview', {
      as: h.users.admin,
      body: { text: 'schemaVersion: 2' },
    });
    expect(broken.status).toBe(422);
    expect((broken.body as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
  });
});

describe('saving with the guard rail', () => {
  it('when a save would raise more escalations than the playbook allows, then it needs an explicit confirmation', async () => {
    const refused = await h.call('PUT', '/v1/hubspot/playbook', {
      as: h.users.admin,
      body: { text: tighterWithLimit },
    });
    expect(refused).toMatchObject({
      status: 409,
      body: {
        error: {
          code: 'confirmation_needed',
          message:
            'Saving would raise 2 escalations at once, more than this playbook allows without confirmation (1). Review the preview and confirm to save.',
        },
      },
    });
    expect((await h.store.getPlaybook(h.portalId))?.version).toBe('1');
    const saved = await h.call('PUT', '/v1/hubspot/playbook', {
      as: h.users.admin,
      body: { text: tighterWithLimit, confirm: true },
    });
    expect(saved.status).toBe(200);
  });

  it('when the admin saves, then the playbook lists who saved it, when, and what the preview said', async () => {
    h.clock.advance(60_000);
    const at = h.clock.now();
    expect(
      (await h.call('PUT', '/v1/hubspot/playbook', { as: h.users.admin, body: { text: tighter } }))
        .status,
    ).toBe(200);
    const { body } = (await h.call('GET', '/v1/hubspot/playbook', { as: h.users.admin })) as {
      body: PlaybookResponse;
    };
    expect(body.saves).toEqual([
      {
        savedAt: at,
        savedBy: h.users.admin,
        version: '2',
        fingerprint: body.fingerprint,
        summary: [
          '1 record goes from on track to breached: CS accepts the handoff',
          '1 escalation on the next scan: level 1 of CS accepts the handoff (at risk)',
          '1 escalation on the next scan: level 2 of CS accepts the handoff (breached)',
        ],
        escalations: 2,
        confirmed: false,
      },
    ]);
  });
});

describe('the history export', () => {
  it('when an admin exports the history, then the JSON Lines replay under the tighter SLA shows the deal breaching', async () => {
    const { status, body } = (await h.call('GET', '/v1/hubspot/history', {
      as: h.users.admin,
    })) as {
      status: number;
      body: { filename: string; jsonl: string };
    };
    expect(status).toBe(200);
    expect(body.filename).toBe(`handoff-history-${h.portalId}-2026-11-23.jsonl`);
    const lines = body.jsonl.trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      type: 'export',
      format: 'handoff-history',
      version: 1,
      crm: 'hubspot',
      exportedAt: h.clock.now(),
    });
    const parsedCurrent = parsePlaybookText(current);
    const parsedTighter = parsePlaybookText(tighter);
    if (!parsedCurrent.ok || !parsedTighter.ok) throw new Error('test playbooks are invalid');
    const result = await backtestPlaybooks({
      old: parsedCurrent.playbook,
      new: parsedTighter.playbook,
      history: lines,
    });
    expect(result.records).toBe(1);
    // Submitted at 10:00, exported at 15:00: 5 business hours, on track against 8, breached against 4
    // (at risk and breached: two more escalations). Under both, the SDR's timer from the appointment
    // stage 30 days ago ran until the deal was won and had raised its two levels.
    expect(result.changes).toEqual([
      {
        recordId: deal,
        changes: ['CS accepts the handoff: On track → Breached', 'escalations raised: 2 → 4'],
      },
    ]);
  });

  it('when someone who is not an admin asks, then it is refused', async () => {
    expect(await h.call('GET', '/v1/hubspot/history', { as: h.users.rep })).toMatchObject({
      status: 403,
      body: {
        error: { code: 'forbidden', message: 'Only Handoff admins may export the history.' },
      },
    });
  });
});
