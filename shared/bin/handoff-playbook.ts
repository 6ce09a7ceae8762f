#!/usr/bin/env node
// The core package's one I/O edge: it reads a playbook file and calls only the public API.
import { main } from './cli.js';

process.exitCode = await main(
  process.argv.slice(2),
  (line) => process.stdout.write(`${line}\n`),
  (line) => process.stderr.write(`${line}\n`),
);
