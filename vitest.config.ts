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
        },
      },
      'test/salesforce-package/lwc/vitest.config.ts',
    ],
  },
});
