// `npm run bench`: every benchmark of the project, one after another, in one process.
const suites = [
  './playbook.bench.ts',
  './record.bench.ts',
  './preview.bench.ts',
  './clock.bench.ts',
  './hubspot-backend.bench.ts',
  './hubspot-card-load.bench.ts',
  './hubspot-scanner.bench.ts',
  './hubspot-queue.bench.ts',
  './hubspot-scan-scale.bench.ts',
  './salesforce-scan.bench.ts',
  './hubspot-card.bench.ts',
  './salesforce-panel.bench.ts',
  './sandbox-start.bench.ts',
];

for (const suite of suites) {
  const mod = (await import(suite)) as { default: () => Promise<void> | void };
  await mod.default();
}
