// A scanner in its own process, for the crash test: it scans one portal and is killed (SIGKILL)
// by the test the moment HubSpot has created a task.
import { createLogger } from '../../../hubspot-app/backend/log.js';
import { createService } from '../../../hubspot-app/backend/service.js';
import { createStore, openSqlite } from '../../../hubspot-app/backend/store/index.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const now = Number(env('SCAN_NOW'));
const store = createStore(openSqlite(env('SCAN_DB')));
const service = createService({
  store,
  clock: { now: () => now },
  log: createLogger('silent'),
  apiBase: env('SCAN_API'),
  publicUrl: 'http://127.0.0.1:9',
  clientId: 'handoff-client',
  clientSecret: env('SCAN_SECRET'),
  tokenKey: env('SCAN_TOKEN_KEY'),
  authorizeUrl: 'https://app.hubspot.example/oauth/authorize',
  drainAfterCommit: false,
});
await service.scanner.scanPortal(env('SCAN_PORTAL'));
process.stdout.write('scan finished\n');
await store.close();
