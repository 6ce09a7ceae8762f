#!/usr/bin/env node
// The `handoff-playbook` command as npm links it: a small committed file, because npm links a
// package's bins before `prepare` builds dist/, and a bin pointing into dist/ is left unlinked on a
// fresh clone. It runs the built command (handoff-playbook.ts); without a build it says what to run.
try {
  await import('../dist/bin/handoff-playbook.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('/dist/bin/')) {
    throw error;
  }
  process.stderr.write(
    'handoff-playbook: the core package is not built yet; run `npm run build` (npm ci runs it).\n',
  );
  process.exitCode = 2;
}
