// One flat config for the whole workspace: TypeScript everywhere, React rules for the card sources.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { config as hubspotUiExtensions } from '@hubspot/eslint-config-ui-extensions';
import lwcRecommended from '@salesforce/eslint-config-lwc/recommended.js';

// Lightning Web Components are plain JavaScript with decorators, checked by Salesforce's own rules.
const LWC = 'salesforce-package/force-app/**/lwc/**/*.js';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': ['error', { allow: ['error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // HubSpot's own rules for UI extensions (no DOM, no native fetch, no imports from outside a
  // feature folder), on the card and settings page sources only.
  ...hubspotUiExtensions
    .filter((entry) => entry.plugins)
    .map((entry) => ({ ...entry, files: ['hubspot-app/src/app/**/*.{ts,tsx,js,jsx}'] })),
  {
    // Commands and benchmarks speak to a terminal: stdout is their interface.
    files: ['shared/bin/**', 'test/bench/**', 'salesforce-package/scripts/**'],
    rules: { 'no-console': 'off' },
  },
  ...lwcRecommended.map((entry) => ({ ...entry, files: [LWC] })),
  {
    files: [LWC],
    rules: {
      // The TypeScript rules above do not apply to LWC sources, which the platform needs as JS.
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-unused-vars': 'off',
      'no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
      // `c/…`, `lightning/…` and `@salesforce/…` are platform modules the resolver cannot see.
      'import/no-unresolved': 'off',
    },
  },
  {
    // c/handoffCore is generated, readable, from the core's TypeScript and zod/mini
    // (salesforce-package/scripts/build-handoff-core.ts). Every security and LWC platform rule of
    // the recommended config still applies to it; off are only style rules that flag the bundler's
    // output form or idioms of its sources, which are fixed there, not here:
    files: ['salesforce-package/force-app/main/default/lwc/handoffCore/handoffCore.js'],
    rules: {
      // esbuild hoists each module's top-level declarations to `var` and prints `undefined` as `void 0`.
      'vars-on-top': 'off',
      'no-void': 'off',
      // esbuild's helpers and zod's lazy initialisers: `a ?? (a = b)`, `(o, k, v) => k in o ? … : (o[k] = v)`.
      'no-unused-expressions': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      'no-return-assign': 'off',
      'no-confusing-arrow': 'off',
      // TypeScript's exhaustive switches over unions need no default and no trailing return.
      'default-case': 'off',
      'consistent-return': 'off',
      // zod/mini's internals (for…in over its own records, ignored catch bindings, callbacks
      // built in loops) and the core's (recursive z.lazy schemas, a `new RegExp` that only checks
      // a pattern compiles, a schema kept by a module the bundle takes a function from).
      'no-use-before-define': 'off',
      'guard-for-in': 'off',
      'no-empty': 'off',
      'no-unused-vars': 'off',
      'no-loop-func': 'off',
      'no-new': 'off',
    },
  },
);
