// Card views under load (issue 21): 50 viewers at once, each sending signed card views one after
// another, spread round robin over 3 backend instances (each its own process and port, one
// PostgreSQL schema, one HubSpot emulator); the peer in the same run is 1 instance under the same
// load. Requests carry the v3 signature HubSpot puts on the card's hubspot.fetch, so every view
// goes through the real route: signature, tenant, viewer's role, deal read, store, core.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { POSTGRES_URL, postgresDatabase } from '../hubspot-app/backend/databases.js';
import { SECRET, signedCall } from '../hubspot-app/backend/harness.js';
import {
  startServiceHarness,
  TOKEN_KEY,
  type ServiceHarness,
} from '../hubspot-app/backend/service-harness.js';
import { line, section } from './lib.js';

const CHILD = fileURLToPath(new URL('./card-instance-child.ts', import.meta.url));
const PUBLIC_URL = 'https://api.handoff.example';
const PORTALS = 5;
const VIEWERS_PER_PORTAL = 10;
const DEALS_PER_PORTAL = 120;
/**
 * Views per viewer in a measured run. 30 (plus the warm-up) keeps every user and portal inside the
 * card API's own budgets (120 per user at once, 1,200 per portal), so no view is refused for rate.
 */
const VIEWS_PER_VIEWER = 30;
/** Runs alternate 3, 1, 3, 1 instances, so neither side gains from going second (warm database). */
const ROUNDS = 2;
/** A run stops early after this long, whatever is left (the whole bench stays under a minute). */
const RUN_CAP_MS = 20_000;
const STAGES = [
  'appointmentscheduled',
  'qualifiedtobuy',
  'presentationscheduled',
  'decisionmakerboughtin',
  'contractsent',
  'closedwon',
  'closedlost',
];
const DAY = 86_400_000;

interface Viewer {
  portalId: string;
  userId: string;
  deals: string[];
}

interface Run {
  instances: number;
  latencies: number[];
  wallMs: number;
  errors: number;
  crmCalls: number;
  /** CPU seconds spent during the measured views: this process (viewers and emulator), the instances. */
  cpu: { bench: number; instances: number; machine: number };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Portals installed through OAuth, each with its owners in teams, the default playbook and deals across the pipeline. */
async function seed(h: ServiceHarness): Promise<Viewer[]> {
  const viewers: Viewer[] = [];
  const now = h.clock.now();
  for (let p = 0; p < PORTALS; p++) {
    const { portalId } = h.emulator.portals.create();
    await h.install(portalId);
    const users = await h.setUp(portalId);
    const owners: string[] = [users.rep, users.csManager];
    for (let v = 2; v < VIEWERS_PER_PORTAL; v++) {
      const team = v % 3 === 0 ? 'Customer Success' : 'Sales';
      owners.push(
        String(
          h.emulator.seed.owner(portalId, {
            email: `viewer${v}@example.com`,
            firstName: `Viewer${v}`,
            lastName: 'Bench',
            teams: [{ name: team }],
          }).userId,
        ),
      );
    }
    const deals: string[] = [];
    for (let d = 0; d < DEALS_PER_PORTAL; d++) {
      const stage = STAGES[d % STAGES.length] as string;
      const history = STAGES.slice(0, STAGES.indexOf(stage) + 1)
        .filter((s) => s !== 'closedlost' || stage === 'closedlost')
        .map((s, i, all) => ({ stage: s, at: now - (all.length - i) * 2 * DAY - d * 60_000 }));
      const id = h.emulator.seed.deal(portalId, {
        properties: {
          dealname: `Deal ${d}`,
          amount: String(5_000 + d * 250),
          handoff_arr: String(12_000 + d * 100),
          handoff_contract_start: '2026-12-01',
          handoff_pain: d % 2 === 0 ? 'Manual reporting' : '',
          hs_next_step: 'Call back',
        },
        stageHistory: history,
      });
      deals.push(id);
      // Half the won deals have a handoff CS accepted, so their views read stored state and events.
      if (stage === 'closedwon' && d % 2 === 0)
        await h.store.applyAction(
          { portalId, objectType: 'deal', recordId: id },
          'sales_to_cs',
          `accept-${id}`,
          now - DAY,
          () => ({
            kind: 'store',
            state: {
              status: 'accepted',
              version: 1,
              items: {},
              events: [
                { type: 'accepted', at: now - DAY, by: users.csManager, actionId: id, details: {} },
              ],
            },
            response: () => ({ status: 200, body: null }),
          }),
        );
    }
    for (const userId of owners) viewers.push({ portalId, userId, deals });
  }
  return viewers;
}

function startInstance(h: ServiceHarness, schema: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: {
      PATH: process.env.PATH ?? '',
      INSTANCE_NOW: String(h.clock.now()),
      INSTANCE_DB: POSTGRES_URL,
      INSTANCE_SCHEMA: schema,
      INSTANCE_API: h.emulator.url,
      INSTANCE_PUBLIC_URL: PUBLIC_URL,
      INSTANCE_SECRET: SECRET,
      INSTANCE_TOKEN_KEY: TOKEN_KEY,
      INSTANCE_PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`instance exited (${code}): ${errors}`)));
  });
}

/** CPU seconds a process has used (Linux /proc: user + system ticks at 100 per second); NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** CPU seconds the whole machine has been busy (every process: PostgreSQL, anyone else's); NaN off Linux. */
function machineCpuSeconds(): number {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.split(/\s+/) ?? [];
    const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
    return (
      ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / 100
    );
  } catch {
    return NaN;
  }
}

const instancesCpu = (children: ChildProcess[]) =>
  children.reduce((sum, c) => sum + cpuSeconds(c.pid), 0);

async function stopInstance(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function run(
  h: ServiceHarness,
  schema: string,
  viewers: Viewer[],
  instances: number,
): Promise<Run> {
  const ports = await Promise.all(Array.from({ length: instances }, () => freePort()));
  const children = await Promise.all(ports.map((port) => startInstance(h, schema, port)));
  // HubSpot allows 110 calls per 10 s per portal; this load is far beyond what 5 portals may send,
  // so the emulator's windows are emptied as they fill: the bench measures the service, not the limit.
  const unlimited = setInterval(() => h.emulator.resetRateLimits(), 5);
  try {
    let next = 0;
    const view = async (viewer: Viewer, deal: string) => {
      const base = `http://127.0.0.1:${ports[next++ % ports.length]}`;
      return signedCall({
        base,
        publicUrl: PUBLIC_URL,
        clock: h.clock,
        portalId: viewer.portalId,
        method: 'GET',
        path: `/v1/hubspot/records/deals/${deal}`,
        options: { as: viewer.userId },
      });
    };
    // Warm-up: each instance has read each portal's owners (roles are cached per instance).
    for (const viewer of viewers.filter((v, i) => i % VIEWERS_PER_PORTAL === 0))
      for (let i = 0; i < instances; i++) await view(viewer, viewer.deals[0] as string);

    const latencies: number[] = [];
    let errors = 0;
    const callsBefore = h.emulator.requestLog.count();
    const benchCpu = process.cpuUsage();
    const childCpu = instancesCpu(children);
    const machineCpu = machineCpuSeconds();
    const started = performance.now();
    await Promise.all(
      viewers.map(async (viewer, v) => {
        for (let i = 0; i < VIEWS_PER_VIEWER; i++) {
          if (performance.now() - started > RUN_CAP_MS) return;
          const deal = viewer.deals[(v * 7 + i * 13) % viewer.deals.length] as string;
          const sent = performance.now();
          const answer = await view(viewer, deal).catch(() => ({ status: 0 }));
          latencies.push(performance.now() - sent);
          if (answer.status !== 200) errors++;
        }
      }),
    );
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(benchCpu);
    const cpu = {
      bench: (used.user + used.system) / 1e6,
      instances: instancesCpu(children) - childCpu,
      machine: machineCpuSeconds() - machineCpu,
    };
    return {
      cpu,
      instances,
      latencies: latencies.sort((a, b) => a - b),
      wallMs,
      errors,
      crmCalls: h.emulator.requestLog.count() - callsBefore,
    };
  } finally {
    clearInterval(unlimited);
    await Promise.all(children.map(stopInstance));
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** The runs of one configuration as one. */
function pooled(runs: Run[]): Run {
  return {
    instances: runs[0]?.instances ?? 0,
    latencies: runs.flatMap((r) => r.latencies).sort((a, b) => a - b),
    wallMs: runs.reduce((sum, r) => sum + r.wallMs, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    crmCalls: runs.reduce((sum, r) => sum + r.crmCalls, 0),
    cpu: {
      bench: runs.reduce((sum, r) => sum + r.cpu.bench, 0),
      instances: runs.reduce((sum, r) => sum + r.cpu.instances, 0),
      machine: runs.reduce((sum, r) => sum + r.cpu.machine, 0),
    },
  };
}

function report(r: Run, label: string): void {
  const views = r.latencies.length;
  const ms = (p: number) => percentile(r.latencies, p).toFixed(1);
  line(`${label}: card view p50 / p95 / p99`, `${ms(50)} / ${ms(95)} / ${ms(99)} ms`);
  line(
    `${label}: views/s, errors, CRM calls/view`,
    `${Math.round((views / r.wallMs) * 1000)} views/s (${views} views), ${r.errors} errors, ${(r.crmCalls / views).toFixed(2)} calls`,
  );
  // On a small machine the viewers and the emulator compete with the instances for the same cores.
  const cores = (seconds: number) => (seconds / (r.wallMs / 1000)).toFixed(2);
  line(
    `${label}: cores busy`,
    `instances ${cores(r.cpu.instances)}, viewers+emulator ${cores(r.cpu.bench)}, all else (PostgreSQL, other work) ${cores(r.cpu.machine - r.cpu.instances - r.cpu.bench)}, of ${availableParallelism()}`,
  );
}

export default async function cardLoad(): Promise<void> {
  const db = await postgresDatabase().catch((error: unknown) => {
    // The other benches need no database: say why this one is missing rather than stop them all.
    section('HubSpot card views under load');
    line(
      'skipped: PostgreSQL not reachable',
      `${POSTGRES_URL.replace(/\/\/[^@/]*@/, '//')} (${(error as Error).message})`,
    );
    return undefined;
  });
  if (!db) return;
  const h = await startServiceHarness({ store: db.store() });
  try {
    const viewers = await seed(h);
    const runs: Run[] = [];
    for (let round = 0; round < ROUNDS; round++)
      for (const instances of [3, 1]) runs.push(await run(h, db.schema ?? '', viewers, instances));
    const three = pooled(runs.filter((r) => r.instances === 3));
    const one = pooled(runs.filter((r) => r.instances === 1));
    section(
      `HubSpot card views under load (${viewers.length} concurrent viewers, ${PORTALS} portals × ${DEALS_PER_PORTAL} deals, PostgreSQL, emulator in the bench process)`,
    );
    report(three, '3 instances');
    report(one, 'peer, 1 instance');
    line(
      'p95 3 instances / 1 instance',
      `${(percentile(three.latencies, 95) / percentile(one.latencies, 95)).toFixed(2)}×`,
    );
  } finally {
    await h.close();
    await db.drop();
  }
}

// `npx tsx test/bench/hubspot-card-load.bench.ts` runs this bench alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) await cardLoad();
