// `npm run bench`: every benchmark of the project, one after another, in one process.
// `npm run bench -- preview clock`: only the suites whose file name contains one of the words.
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

const only = process.argv.slice(2);
const chosen = suites.filter((s) => only.length === 0 || only.some((word) => s.includes(word)));
if (chosen.length === 0) throw new Error(`no bench suite matches ${only.join(', ')}`);

for (const suite of chosen) {
  const mod = (await import(suite)) as { default: () => Promise<void> | void };
  await mod.default();
}
