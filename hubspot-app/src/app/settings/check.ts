// The live check of the admin's text: read YAML or JSON, then the core's own parsePlaybook, so the
// page reports exactly the issues (with paths) the server will. js-yaml rather than the core's
// `yaml`-based parsePlaybookText: it is 43 KB instead of 97 KB, which keeps this page under
// HubSpot's bundle budget. The server re-checks with the core's parser on save.
import { load } from 'js-yaml';
import { parsePlaybook, type ParseResult } from '@handoff/shared/runtime';

export function checkPlaybookText(text: string): ParseResult {
  if (text.trim() === '') {
    return { ok: false, issues: [{ path: '', message: 'is empty: paste or write a playbook.' }] };
  }
  let data: unknown;
  try {
    data = text.trimStart().startsWith('{') ? JSON.parse(text) : load(text);
  } catch (error) {
    const kind = text.trimStart().startsWith('{') ? 'JSON' : 'YAML';
    const first = ((error as Error).message.split('\n')[0] ?? '').trim();
    return { ok: false, issues: [{ path: '', message: `is not valid ${kind}: ${first}` }] };
  }
  return parsePlaybook(data);
}
