// The default playbook shipped with the core: used before a portal saves its own, to decide who is
// an admin and which properties to create at install.
import { parsePlaybookText, type Playbook } from '@handoff/shared';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The playbook's text, set by the backend bundle (scripts/build-backend.ts); absent from source. */
declare const HANDOFF_DEFAULT_PLAYBOOK_TEXT: string | undefined;

let cached: Playbook | undefined;

function defaultPlaybookText(): string {
  if (typeof HANDOFF_DEFAULT_PLAYBOOK_TEXT === 'string') return HANDOFF_DEFAULT_PLAYBOOK_TEXT;
  const file = createRequire(import.meta.url).resolve('@handoff/shared/playbooks/default.yaml');
  return readFileSync(file, 'utf8');
}

export function defaultPlaybook(): Playbook {
  if (!cached) {
    const result = parsePlaybookText(defaultPlaybookText());
    if (!result.ok) throw new Error('the default playbook is invalid');
    cached = result.playbook;
  }
  return cached;
}
