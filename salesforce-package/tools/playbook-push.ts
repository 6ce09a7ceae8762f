// The playbook half of `deploy`: which playbook the org runs (its active Handoff_Playbook__c), which
// one this deploy pushes (a file, or the HubSpot backend's export), said side by side and plainly when
// they differ; the pushed playbook's generated rules go into the same metadata deploy, and after it
// succeeds the pushed playbook becomes the org's active record — so one playbook runs in both CRMs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  parsePlaybookText,
  playbookFingerprint,
  playbookLabel,
  PlaybookExportSchema,
  type Playbook,
} from '@handoff/shared';
import { generateAll, PLAYBOOK_ROOT } from '../scripts/files.js';
import type { OrgApi } from './api.js';
import { ConfigError } from './config.js';
import { orgNames } from './names.js';

/** The org's active playbook record; `playbook` is absent when there is none or it does not parse. */
export interface OrgPlaybook {
  id?: string;
  playbook?: Playbook;
  /** Why the record's text is not a playbook, when it is not. */
  problem?: string;
}

export interface PushedPlaybook {
  playbook: Playbook;
  /** Where it came from, for the output: "file my.yaml", "HubSpot portal 123". */
  source: string;
  fromHubSpot: boolean;
}

export const EXPORT_TOKEN_VARIABLE = 'HANDOFF_EXPORT_TOKEN';

export function named(playbook: Playbook): string {
  return `${playbookLabel({ version: playbook.version, fingerprint: playbookFingerprint(playbook) })} (${playbook.name})`;
}

export async function readOrgPlaybook(api: OrgApi): Promise<OrgPlaybook> {
  const names = orgNames();
  const text = names.field('Playbook_Text__c');
  const [row] = await api.queryAll(
    `SELECT Id, ${text} FROM ${names.field('Handoff_Playbook__c')} WHERE ${names.field('Active__c')} = true ORDER BY LastModifiedDate DESC LIMIT 1`,
  );
  if (!row) return {};
  const id = String(row.Id);
  const parsed = parsePlaybookText(typeof row[text] === 'string' ? row[text] : '');
  return parsed.ok
    ? { id, playbook: parsed.playbook }
    : { id, problem: parsed.issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ') };
}

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** `--playbook <file>` or `--playbook-from <url>` (with HANDOFF_EXPORT_TOKEN); neither: no push. */
export async function loadPushedPlaybook(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<PushedPlaybook | undefined> {
  const file = option(args, '--playbook');
  const url = option(args, '--playbook-from');
  if (file !== undefined && url !== undefined)
    throw new ConfigError('give --playbook <file> or --playbook-from <url>, not both');
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError(`--playbook ${file}: the file cannot be read`);
    }
    return {
      playbook: parsed(text, `the playbook in ${file}`),
      source: `file ${file}`,
      fromHubSpot: false,
    };
  }
  if (url !== undefined) return fromHubSpot(url, env[EXPORT_TOKEN_VARIABLE]);
  return undefined;
}

function parsed(text: string, what: string): Playbook {
  const result = parsePlaybookText(text);
  if (!result.ok)
    throw new ConfigError(
      `${what} is not a valid playbook: ${result.issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`,
    );
  return result.playbook;
}

async function fromHubSpot(url: string, token: string | undefined): Promise<PushedPlaybook> {
  if (!token)
    throw new ConfigError(
      `--playbook-from needs ${EXPORT_TOKEN_VARIABLE}: copy the whole command from Handoff's settings page in HubSpot (Push to Salesforce…)`,
    );
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new ConfigError(`--playbook-from ${url}: Handoff's HubSpot backend cannot be reached`);
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) {
    const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
    throw new ConfigError(
      `Handoff's HubSpot backend refused the export (${response.status}): ${typeof message === 'string' ? message : 'no reason given'}`,
    );
  }
  const exported = PlaybookExportSchema.safeParse(body);
  if (!exported.success)
    throw new ConfigError(`--playbook-from ${url}: the answer is not a Handoff playbook export`);
  const playbook = parsed(exported.data.text, 'the playbook HubSpot exported');
  // The text must be the playbook HubSpot named: a copy altered on the way is not pushed.
  if (playbookFingerprint(playbook) !== exported.data.fingerprint)
    throw new ConfigError(
      `the exported text's fingerprint is ${playbookFingerprint(playbook)}, not the ${exported.data.fingerprint} HubSpot named; nothing was deployed`,
    );
  return { playbook, source: `HubSpot portal ${exported.data.portalId}`, fromHubSpot: true };
}

/** What the org runs and what this deploy pushes, with a plain sentence when they differ. */
export function compareLines(org: OrgPlaybook, pushed: PushedPlaybook | undefined): string[] {
  const runs = org.playbook
    ? `The org runs ${named(org.playbook)}.`
    : org.problem
      ? `The org's active playbook record is not a valid playbook (${org.problem}).`
      : 'The org has no active Handoff playbook.';
  if (!pushed)
    return [
      `${runs} This deploy leaves it as it is (--playbook <file> or --playbook-from <url> pushes one).`,
    ];
  const lines = [runs, `This deploy pushes ${named(pushed.playbook)} from ${pushed.source}.`];
  if (samePlaybook(org, pushed))
    lines.push('They are the same playbook: the org keeps its record as it is.');
  else if (org.playbook)
    lines.push(
      `They differ: Salesforce runs ${named(org.playbook)}${pushed.fromHubSpot ? `, HubSpot runs ${named(pushed.playbook)}` : ''}; after this deploy Salesforce runs ${named(pushed.playbook)}.`,
    );
  return lines;
}

export function samePlaybook(org: OrgPlaybook, pushed: PushedPlaybook): boolean {
  return (
    org.playbook !== undefined &&
    playbookFingerprint(org.playbook) === playbookFingerprint(pushed.playbook)
  );
}

/** The pushed playbook's own rules and fields (what `default-playbook/` holds for the default one). */
export function writePlaybookMetadata(playbook: Playbook, dir: string): number {
  // 'default-playbook/main/default/objects/…' → '<dir>/main/default/objects/…', a source folder of its own.
  const folder = `${PLAYBOOK_ROOT.split('/')[0] ?? ''}/`;
  let count = 0;
  for (const [path, content] of generateAll(playbook).files) {
    if (!path.startsWith(`${PLAYBOOK_ROOT}/`)) continue;
    const target = join(dir, path.slice(folder.length));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    count++;
  }
  return count;
}

/** Makes the pushed playbook the org's active record (JSON: the panels carry no YAML parser). */
export async function activatePlaybook(
  api: OrgApi,
  org: OrgPlaybook,
  playbook: Playbook,
): Promise<void> {
  const names = orgNames();
  const text = JSON.stringify(playbook, null, 2);
  const results = org.id
    ? await api.update(names.field('Handoff_Playbook__c'), [
        { Id: org.id, [names.field('Playbook_Text__c')]: text },
      ])
    : await api.create(names.field('Handoff_Playbook__c'), [
        {
          Name: playbook.name.slice(0, 80),
          [names.field('Playbook_Text__c')]: text,
          [names.field('Active__c')]: true,
        },
      ]);
  const failed = results.find((r) => !r.success);
  if (failed)
    throw new ConfigError(
      `the metadata deployed, but the org refused the playbook record: ${failed.errors.map((e) => e.message).join('; ')}`,
    );
}
