// What the scanner's escalation tasks say in HubSpot: each names the deal, the SLA and the level,
// says what to do, is due (hs_timestamp) when the SLA is due, goes to one owner, hangs on the deal —
// and a later level completes the earlier level's tasks.
import { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { SCANNER_PLAYBOOK_TEXT } from '../../fixtures/scanner-playbook.js';
import { startServiceHarness, type ServiceHarness } from './service-harness.js';

/** New York wall time in November 2026 (EST, UTC−5). */
const ny = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour + 5, minute);

let h: ServiceHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Task {
  id: string;
  key: string;
  subject: string;
  body: string;
  due: string;
  owner: string;
  status: string;
  priority: string;
}

async function tasksOf(harness: ServiceHarness, portalId: string): Promise<Task[]> {
  harness.emulator.resetRateLimits();
  const client = new Client({
    accessToken: (await harness.service.tokens.accessToken(portalId)) ?? '',
    basePath: harness.emulator.url,
  });
  const page = await client.crm.objects.tasks.basicApi.getPage(100, undefined, [
    'handoff_key',
    'hs_task_subject',
    'hs_task_body',
    'hs_timestamp',
    'hubspot_owner_id',
    'hs_task_status',
    'hs_task_priority',
  ]);
  return page.results.map((t) => ({
    id: t.id,
    key: t.properties.handoff_key ?? '',
    subject: t.properties.hs_task_subject ?? '',
    body: t.properties.hs_task_body ?? '',
    due: t.properties.hs_timestamp ?? '',
    owner: t.properties.hubspot_owner_id ?? '',
    status: t.properties.hs_task_status ?? '',
    priority: t.properties.hs_task_priority ?? '',
  }));
}

describe('escalation tasks in HubSpot', () => {
  it('when the CS timer turns at risk and later breaches, then each CS manager gets one task that says what to do and when, and the breach completes it', async () => {
    h = await startServiceHarness({ playbookText: SCANNER_PLAYBOOK_TEXT });
    const portalId = h.emulator.portals.create().portalId;
    await h.install(portalId);
    await h.setUp(portalId);
    const second = h.emulator.seed.owner(portalId, {
      email: 'cs2@example.com',
      firstName: 'Chris',
      lastName: 'Second',
      teams: [{ name: 'Customer Success' }],
    });
    h.emulator.resetRateLimits();
    const owners = (
      await new Client({
        accessToken: (await h.service.tokens.accessToken(portalId)) ?? '',
        basePath: h.emulator.url,
      }).crm.owners.ownersApi.getPage()
    ).results;
    const csOwners = owners
      .filter((o) => o.teams?.some((t) => t.name === 'Customer Success'))
      .map((o) => o.id)
      .sort();
    expect(csOwners).toHaveLength(2);
    expect(owners.some((o) => String(o.userId) === String(second.userId))).toBe(true);

    // Won Monday 10:00 New York: CS has one business day (8 h), due Tuesday 10:00.
    h.clock.set(ny(23, 10));
    const acme = h.emulator.seed.deal(portalId, {
      properties: { dealname: 'Acme', amount: '24000' },
      stageHistory: [{ stage: 'closedwon', at: ny(23, 10) }],
    });
    // Monday 16:30: 6.5 of 8 h used → at risk.
    h.clock.set(ny(23, 16, 30));
    h.emulator.resetRateLimits();
    await h.service.scanner.scanPortal(portalId);
    const atRisk = await tasksOf(h, portalId);
    expect(atRisk.map((t) => t.owner).sort()).toEqual(csOwners);
    for (const task of atRisk)
      expect(task).toMatchObject({
        // The calendar's zone, named: HubSpot's owners API gives no time zone.
        subject: 'At risk: CS accepts the won deal on Acme — due Nov 24, 2026, 10:00 AM EST',
        body: [
          // The ball is with the rep (nothing submitted yet): CS is told its move and who acts first.
          'Review the Sales → CS handoff: accept or reject it; it waits on the Account executive first.',
          'CS accepts the won deal is at risk: due Nov 24, 2026, 10:00 AM EST, 1 h 30 min of business time left.',
        ].join('\n'),
        // HubSpot's hs_timestamp is the task's due date: Tuesday 10:00 EST = 15:00 UTC.
        due: new Date(Date.UTC(2026, 10, 24, 15)).toISOString(),
        status: 'NOT_STARTED',
        priority: 'MEDIUM',
      });
    // Each hangs on the deal (HubSpot's task-to-deal association).
    for (const task of atRisk) {
      h.emulator.resetRateLimits();
      const linked = await new Client({
        accessToken: (await h.service.tokens.accessToken(portalId)) ?? '',
        basePath: h.emulator.url,
      }).crm.associations.v4.basicApi.getPage('tasks', task.id, 'deals');
      expect(linked.results.map((r) => String(r.toObjectId))).toEqual([acme]);
    }

    // Tuesday 15:00: 5 business hours past due → a note for CS and, 4 hours on, a task for the admin;
    // the at-risk tasks are completed (superseded).
    h.clock.set(ny(24, 15));
    h.emulator.resetRateLimits();
    await h.service.scanner.scanPortal(portalId);
    const later = await tasksOf(h, portalId);
    expect(later.filter((t) => atRisk.some((a) => a.id === t.id)).map((t) => t.status)).toEqual([
      'COMPLETED',
      'COMPLETED',
    ]);
    const admin = later.filter((t) => !atRisk.some((a) => a.id === t.id));
    expect(admin).toHaveLength(1);
    expect(admin[0]).toMatchObject({
      subject:
        'Still breached: CS accepts the won deal on Acme — was due Nov 24, 2026, 10:00 AM EST',
      body: [
        'The CS manager must review the Sales → CS handoff: accept or reject it; it waits on the Account executive first. Follow up with them.',
        'CS accepts the won deal is breached: it was due Nov 24, 2026, 10:00 AM EST.',
      ].join('\n'),
      // Due when raised: the SLA's due time has passed.
      due: new Date(ny(24, 15)).toISOString(),
      status: 'NOT_STARTED',
      priority: 'HIGH',
    });
  });
});
