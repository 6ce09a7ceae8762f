// The default playbook as tests need it: raw (to break on purpose) and parsed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parsePlaybook } from '../../shared/src/playbook/index.js';
import type { Playbook } from '../../shared/src/playbook/index.js';

export const DEFAULT_PLAYBOOK_PATH = fileURLToPath(
  new URL('../../shared/playbooks/default.yaml', import.meta.url),
);
const text = readFileSync(DEFAULT_PLAYBOOK_PATH, 'utf8');

/** Plain playbook data that tests break on purpose, writing anywhere in it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped by design: the parser is what types it
export type RawPlaybook = Record<string, any>;

/** A fresh, mutable copy of the default playbook as plain data. */
export function defaultPlaybookInput(): RawPlaybook {
  return parse(text) as RawPlaybook;
}

let parsed: Playbook | undefined;
export function defaultPlaybook(): Playbook {
  if (!parsed) {
    const result = parsePlaybook(defaultPlaybookInput());
    if (!result.ok)
      throw new Error(`default playbook is invalid: ${JSON.stringify(result.issues)}`);
    parsed = result.playbook;
  }
  return parsed;
}

/**
 * The default playbook as it was before contacts and companies had stages (deals only), kept as
 * written then: a playbook an admin saved under the earlier schema must load and judge unchanged.
 */
export const DEALS_ONLY_PLAYBOOK_PATH = fileURLToPath(
  new URL('../fixtures/deals-only-playbook.yaml', import.meta.url),
);

export function dealsOnlyPlaybookInput(): RawPlaybook {
  return parse(readFileSync(DEALS_ONLY_PLAYBOOK_PATH, 'utf8')) as RawPlaybook;
}

export function dealsOnlyPlaybook(): Playbook {
  const result = parsePlaybook(dealsOnlyPlaybookInput());
  if (!result.ok)
    throw new Error(`deals-only playbook is invalid: ${JSON.stringify(result.issues)}`);
  return result.playbook;
}
