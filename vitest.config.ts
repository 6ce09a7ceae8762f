import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // vitest's default on a 2-core machine is one worker: the whole suite in series, while most
    // of its time the slow files (a fresh clone's npm install, Chromium, child services) wait on
    // other processes. Two workers overlap that waiting (three measured barely faster: the
    // machine's two cores are then the limit, and slow hooks time out).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.{ts,tsx}'],
          // Lightning components need the LWC compiler and a DOM: their own project below.
          exclude: [...configDefaults.exclude, 'test/salesforce-package/lwc/components/**'],
          environment: 'node',
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
