import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Files that wait minutes on other processes (a fresh clone's whole `npm ci`, Chromium walks, a
// bulk scan) start first, so the rest of the suite runs beside them. vitest's own order on a
// clean checkout (no timing cache yet, as in CI) is largest file first, which left the fresh
// clone (a small file) to run alone at the end: measured 857 s, its last 150 s in one worker.
const SLOW_FIRST = [
  'test/sandbox/fresh-clone.test.ts',
  'test/sandbox/browser-a11y.test.ts',
  'test/sandbox/salesforce-browser.test.ts',
  'test/salesforce-package/tools/scan-bulk.test.ts',
];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification): number => {
      const index = SLOW_FIRST.findIndex((slow) => file.moduleId.endsWith(slow));
      return index === -1 ? SLOW_FIRST.length : index;
    };
    // Array.prototype.sort is stable: the rest keeps vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    // vitest's default on a 2-core machine is one worker: the whole suite in series, while most
    // of its time the slow files (a fresh clone's npm install, Chromium, child services) wait on
    // other processes. Two workers overlap that waiting (three measured barely faster: the
    // machine's two cores are then the limit, and slow hooks time out).
    maxWorkers: 2,
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.{ts,tsx}'],
          // Lightning components need the LWC compiler and a DOM: their own project below.
          exclude: [...configDefaults.exclude, 'test/salesforce-package/lwc/components/**'],
          environment: 'node',
          // One module graph per worker instead of one per file: each file otherwise re-imports
          // the CRM clients, React and the core (measured on test/hubspot-app: 160 s → 105 s;
          // test/shared: 37 s → 19 s). Safe because tests keep state in what they create; the
          // spies and stubbed globals some tests use are undone after each test below.
          isolate: false,
          restoreMocks: true,
          unstubGlobals: true,
          unstubEnvs: true,
          // Many tests start emulators, services and child processes; on a 2-core CI machine under
          // the whole suite's load, vitest's 5 s default times out healthy tests (seen: the scanner
          // fault test at 5.1 s). A test that hangs still fails, after 30 s.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      'test/salesforce-package/lwc/vitest.config.ts',
    ],
  },
});
