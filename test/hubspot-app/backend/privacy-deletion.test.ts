// HubSpot's privacy deletion of a contact (webhook `contact.privacyDeletion`, sent by the emulator
// in HubSpot's documented shape): the delivery is verified like every webhook, nothing of that
// contact is left in any row of any table, one audit line without the contact's id records it, and
// nothing else changes — other portals, other deals, the checklist answers a user typed (see
// use-cases/privacy-deletion.ts for why those stay) — on SQLite and on PostgreSQL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createStore,
  openPostgres,
  openSqlite,
  type Store,
} from '../../../hubspot-app/backend/store/index.js';
import type { Sql } from '../../../hubspot-app/backend/store/sql.js';
import { signV3 } from '../../../sandbox/emulators/hubspot/index.js';
import { CS_CHECKLIST_ANSWERS } from './answers.js';
import { POSTGRES_URL, postgresDatabase, type TestDatabase } from './databases.js';
import { SECRET } from './harness.js';
import { portalWithWonDeal, startServiceHarness, type ServiceHarness } from './service-harness.js';

/** The deleted contact: an id no other number in the data set shares, and the person's email. */
const CONTACT = '7100000042';
const EMAIL = 'dana.lee@acme.example';

let h: ServiceHarness | undefined;
let db: TestDatabase | undefined;
let raw: Sql | undefined;
afterEach(async () => {
  await h?.close().catch(() => undefined);
  await raw?.close();
  await db?.drop();
  h = undefined;
  db = undefined;
  raw = undefined;
});

const ENGINES: [string, () => Promise<{ store: Store; raw: Sql }>][] = [
  [
    'sqlite',
    async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'handoff-privacy-')), 'hubspot.db');
      return { store: createStore(openSqlite(file)), raw: openSqlite(file) };
    },
  ],
  [
    'postgres',
    async () => {
      db = await postgresDatabase();
      return {
        store: createStore(openPostgres(POSTGRES_URL, { schema: db.schema ?? '' })),
        raw: openPostgres(POSTGRES_URL, { schema: db.schema ?? '' }),
      };
    },
  ],
];

/** Every row of every table (not only those with a portal_id), as text, table by table. */
async function everything(sql: Sql): Promise<Record<string, string[]>> {
  const tables =
    sql.engine === 'postgres'
      ? (
          await sql.query<{ name: string }>(
            `SELECT table_name AS name FROM information_schema.tables
             WHERE table_schema = current_schema() ORDER BY table_name`,
          )
        ).map((r) => r.name)
      : (
          await sql.query<{ name: string }>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
          )
        ).map((r) => r.name);
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await sql.query<Record<string, unknown>>(`SELECT * FROM "${table}"`);
    // Numbers as text: PostgreSQL answers bigint columns as strings.
    out[table] = rows
      .map((row) =>
        JSON.stringify(
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [k, v === null ? null : String(v)]),
          ),
        ),
      )
      .sort();
  }
  return out;
}

/** A portal whose rep answered the Sales → CS checklist (the champion is Dana Lee), submitted, then scanned and mirrored. */
async function portalWithAnswers(harness: ServiceHarness) {
  const portal = await portalWithWonDeal(harness);
  for (const [itemId, value] of Object.entries(CS_CHECKLIST_ANSWERS))
    expect((await portal.act(portal.users.rep, { type: 'set_item', itemId, value })).status).toBe(
      200,
    );
  expect((await portal.act(portal.users.rep, { type: 'submit' })).status).toBe(200);
  harness.emulator.seed.updateDeal(portal.portalId, portal.deal, { dealstage: 'contractsent' });
  await harness.emulator.webhooks.settled();
  harness.clock.advance(24 * 60 * 60_000);
  await harness.service.scanDue();
  await harness.service.outbox.drain();
  return portal;
}

const auditLines = (harness: ServiceHarness) =>
  harness
    .logs()
    .split('\n')
    .filter((l) => l.includes('"audit":"privacy_deletion"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe.each(ENGINES)("a contact's privacy deletion in HubSpot (%s)", (_engine, open) => {
  it('when HubSpot sends contact.privacyDeletion, then no row of any table holds that contact, one audit line without its id records it, and every other row is as it was', async () => {
    const opened = await open();
    raw = opened.raw;
    h = await startServiceHarness({ store: opened.store });
    const leaving = await portalWithAnswers(h);
    await portalWithAnswers(h);
    const before = await everything(opened.raw);
    expect(JSON.stringify(before)).toContain('Dana Lee');

    h.emulator.webhooks.privacyDeletion(leaving.portalId, CONTACT);
    await h.emulator.webhooks.settled();

    // HubSpot's documented shape reached the service and was accepted.
    const delivery = h.emulator.webhooks.deliveries.at(-1);
    expect(delivery?.events).toEqual([
      expect.objectContaining({
        subscriptionType: 'contact.privacyDeletion',
        portalId: Number(leaving.portalId),
        objectId: Number(CONTACT),
      }),
    ]);
    expect(delivery?.status).toBe(200);

    const after = await everything(opened.raw);
    const text = JSON.stringify(after);
    expect(text).not.toContain(CONTACT);
    expect(text).not.toContain(EMAIL);
    // Nothing else changed: other portals and contacts, this portal's deals, handoffs and the
    // answers typed on them (the champion's name included: the event names only an id).
    expect(after).toEqual(before);

    const audit = auditLines(h);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      portalId: leaving.portalId,
      eventId: String(delivery?.events[0]?.eventId),
      erasedRows: 0,
    });
    expect(h.logs()).not.toContain(CONTACT);
  }, 60_000);

  it('when the deleted contact has an MQL handoff, then its handoff, actions, escalations and queued writes go, counted in the audit line, and nothing else changes', async () => {
    const opened = await open();
    raw = opened.raw;
    h = await startServiceHarness({ store: opened.store });
    const harness = h;
    await portalWithAnswers(harness);
    const portalId = harness.emulator.portals.create().portalId;
    const marketer = harness.emulator.seed.owner(portalId, {
      email: 'mia@example.com',
      firstName: 'Mia',
      lastName: 'Marketer',
      teams: [{ name: 'Marketing' }],
    });
    harness.emulator.seed.owner(portalId, {
      email: 'sid@example.com',
      firstName: 'Sid',
      lastName: 'Sdr',
      teams: [{ name: 'SDR' }],
    });
    await harness.install(portalId);
    const { admin } = await harness.setUp(portalId);
    const queued = async () => {
      const answer = await harness.call('GET', '/v1/hubspot/queue?scope=everyone', portalId, {
        as: admin,
      });
      return (answer.body as { rows: { recordId: string }[] }).rows.map((r) => r.recordId);
    };
    const contact = (email: string) =>
      harness.emulator.seed.contact(portalId, {
        properties: { email, jobtitle: 'VP Operations', company: 'Acme' },
        lifecycle: [{ stage: 'marketingqualifiedlead', at: harness.clock.now() }],
      });
    const leaving = contact(EMAIL);
    const staying = contact('sam.stays@acme.example');
    for (const id of [leaving, staying]) {
      let n = 0;
      const act = (action: Record<string, unknown>) =>
        harness.call('POST', `/v1/hubspot/records/contacts/${id}/actions`, portalId, {
          as: String(marketer.userId),
          body: { handoffId: 'mql_to_sales', actionId: `${id}-${++n}`, action },
        });
      for (const [itemId, value] of Object.entries({
        source: 'Webinar',
        engaged_with: 'Pricing',
        fit: 'Good',
      }))
        expect((await act({ type: 'set_item', itemId, value })).status).toBe(200);
      expect((await act({ type: 'submit' })).status).toBe(200);
    }
    // A day later nobody has called: the scanner escalates speed to lead on both contacts.
    harness.clock.advance(24 * 60 * 60_000);
    await harness.service.scanDue();

    const about = (line: string) => line.includes(leaving) && /contact/.test(line);
    const before = await everything(opened.raw);
    const held = Object.fromEntries(
      Object.entries(before).map(([table, rows]) => [table, rows.filter(about).length]),
    );
    // The contact really is held in these tables, so the erasure below has something to do.
    for (const table of ['handoffs', 'handoff_actions', 'escalations', 'outbox'])
      expect(held[table], table).toBeGreaterThan(0);

    // Request logs written before the deletion name the contact in their paths (as they name deals);
    // what the deletion itself logs must not.
    // The queue holds both MQLs (its picture of the portal is built and kept in memory).
    expect(await queued()).toEqual(expect.arrayContaining([leaving, staying]));
    const logged = harness.logs().length;
    harness.emulator.webhooks.privacyDeletion(portalId, leaving);
    await harness.emulator.webhooks.settled();
    // At once, not after the picture's 30 seconds: the contact is gone from the queue.
    const rows = await queued();
    expect(rows).not.toContain(leaving);
    expect(rows).toContain(staying);

    const after = await everything(opened.raw);
    expect(JSON.stringify(after)).not.toContain(EMAIL);
    for (const [table, rows] of Object.entries(after))
      expect(
        rows.filter((line) => line.includes(`"${leaving}"`) || line.includes(`:${leaving}:`)),
        table,
      ).toEqual([]);
    // Everything else, the other contact's handoff included, is as it was.
    expect(after).toEqual(
      Object.fromEntries(
        Object.entries(before).map(([t, rows]) => [t, rows.filter((l) => !about(l))]),
      ),
    );
    const audit = auditLines(harness);
    expect(audit.at(-1)).toMatchObject({
      portalId,
      erasedRows: Object.values(held).reduce((a, b) => a + b, 0),
    });
    expect(harness.logs().slice(logged)).not.toContain(leaving);
  }, 60_000);

  it('when a privacy deletion is not signed by HubSpot, then 401 and no audit line', async () => {
    const opened = await open();
    raw = opened.raw;
    h = await startServiceHarness({ store: opened.store });
    const portal = await portalWithWonDeal(h);
    const body = JSON.stringify([
      {
        eventId: 1,
        subscriptionId: 2,
        portalId: Number(portal.portalId),
        appId: 1,
        occurredAt: h.clock.now(),
        subscriptionType: 'contact.privacyDeletion',
        attemptNumber: 0,
        objectId: Number(CONTACT),
        changeSource: 'CRM_UI',
      },
    ]);
    const url = `${h.publicUrl}/webhooks`;
    const timestamp = h.clock.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hubspot-signature-v3': signV3(`${SECRET}-other`, 'POST', url, body, timestamp),
        'x-hubspot-request-timestamp': String(timestamp),
      },
      body,
    });
    expect(response.status).toBe(401);
    expect(auditLines(h)).toEqual([]);
  }, 60_000);
});
