// One backend instance for the card-view load bench: the whole service (createService, as main.ts
// wires it) in its own process, on the bench's PostgreSQL schema and HubSpot emulator, serving
// real HTTP on INSTANCE_PORT with its clock fixed at INSTANCE_NOW. Prints `listening` when ready
// and exits after SIGTERM once its requests in flight are answered.
import { createLogger } from '../../hubspot-app/backend/log.js';
import { createService } from '../../hubspot-app/backend/service.js';
import { createStore, openPostgres } from '../../hubspot-app/backend/store/index.js';

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
  // Behind the round robin every instance answers for the same public URL, which the card signs.
  publicUrl: env('INSTANCE_PUBLIC_URL'),
  clientId: 'handoff-client',
  clientSecret: env('INSTANCE_SECRET'),
  tokenKey: env('INSTANCE_TOKEN_KEY'),
  authorizeUrl: 'https://app.hubspot.example/oauth/authorize',
  // Card views only: no outbox or scan timers competing for the CPU the bench measures.
  drainAfterCommit: false,
});
await service.app.listen({ host: '127.0.0.1', port: Number(env('INSTANCE_PORT')) });
process.stdout.write('listening\n');
process.on('SIGTERM', () => {
  void service
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
