#!/usr/bin/env node
// The `handoff-salesforce` bin: the tools are TypeScript, run through tsx as the root's npm scripts do.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
