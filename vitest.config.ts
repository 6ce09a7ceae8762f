import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
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
