// The Lightning Web Component tests: compiled by @lwc/compiler (see lwc-plugin.ts), rendered by
// @lwc/engine-dom in jsdom (happy-dom fails in attachShadow).
import { defineProject } from 'vitest/config';
import { lwc } from './lwc-plugin.js';

export default defineProject({
  plugins: [lwc()],
  test: {
    name: 'lwc',
    include: ['components/**/*.test.ts'],
    environment: 'jsdom',
  },
});
