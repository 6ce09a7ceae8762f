#!/usr/bin/env node
// The tools' one entry point: wires the process (environment, streams, system clock, signals).
import { main } from './cli.js';
import { systemClock } from './clock.js';

// A signal ends a scheduled scan between rounds (never mid-scan) and cuts the wait short.
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  clock: systemClock,
  sleep: (ms) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      stop.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    }),
  running: () => !stop.signal.aborted,
  // Salesforce's conversion library takes a second to load: only deploy pays for it.
  deploy: async (args, api, deps) => (await import('./deploy.js')).deployCommand(args, api, deps),
});
