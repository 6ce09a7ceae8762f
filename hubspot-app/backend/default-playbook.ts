// The default playbook shipped with the core: used before a portal saves its own, to decide who is
// an admin and which properties to create at install.
import { parsePlaybookText, type Playbook } from '@handoff/shared';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let cached: Playbook | undefined;

export function defaultPlaybook(): Playbook {
  if (!cached) {
    const file = createRequire(import.meta.url).resolve('@handoff/shared/playbooks/default.yaml');
    const result = parsePlaybookText(readFileSync(file, 'utf8'));
    if (!result.ok) throw new Error('the default playbook is invalid');
    cached = result.playbook;
  }
  return cached;
}
