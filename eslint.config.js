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
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      // Generated and minified from the core (salesforce-package/scripts/build-handoff-core.ts).
      'salesforce-package/force-app/main/default/lwc/handoffCore/handoffCore.js',
    ],
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
);
