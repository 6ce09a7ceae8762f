// One backend instance in its own process for the multi-instance test: the whole service on the
// shared PostgreSQL schema, its clock fixed at INSTANCE_NOW; it scans whatever portals are due and
// unclaimed until none is left, printing `start <portal>` and `scanned <portal> <escalations>`.
import { createLogger } from '../../../hubspot-app/backend/log.js';
import { SummarizingScanner } from '../../../hubspot-app/backend/scanner/summarizing.js';
import { createService } from '../../../hubspot-app/backend/service.js';
import { createStore, openPostgres } from '../../../hubspot-app/backend/store/index.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const now = Number(env('INSTANCE_NOW'));
const store = createStore(openPostgres(env('INSTANCE_DB'), { schema: env('INSTANCE_SCHEMA') }));
const service = createService({
  store,
  clock: { now: () => now },
  log: createLogger('silent'),
  apiBase: env('INSTANCE_API'),
  publicUrl: 'http://127.0.0.1:9',
  clientId: 'handoff-client',
  clientSecret: env('INSTANCE_SECRET'),
  tokenKey: env('INSTANCE_TOKEN_KEY'),
  authorizeUrl: 'https://app.hubspot.example/oauth/authorize',
  drainAfterCommit: false,
  // A portal scanned now is due again this much later (the timer never fires before the exit).
  scanIntervalMs: Number(env('INSTANCE_INTERVAL')),
});
// scanDue runs the summarizing scanner (what the scan timer runs), so its method is the one watched.
const scan = SummarizingScanner.prototype.scanPortal;
SummarizingScanner.prototype.scanPortal = async function (this: SummarizingScanner, ...args) {
  const [portalId] = args;
  process.stdout.write(`start ${portalId}\n`);
  const report = await scan.apply(this, args);
  process.stdout.write(`scanned ${portalId} ${report.escalations} ${report.skipped ?? ''}\n`);
  return report;
};
await service.scanDue();
process.stdout.write('done\n');
await store.close();
process.exit(0);
