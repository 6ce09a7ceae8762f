// `npm run salesforce:deploy` and the playbook (issue 18 item 5): it prints the org's playbook and the
// one it pushes — version and fingerprint — says plainly when they differ, deploys the pushed
// playbook's rules with the package and then makes it the org's active record; the playbook comes from
// a file or from the HubSpot backend's export, so one playbook runs in both CRMs.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePlaybook, playbookFingerprint, type Playbook } from '@handoff/shared';
import type { CliDeps } from '../../../salesforce-package/tools/cli.js';
import { main } from '../../../salesforce-package/tools/cli.js';
import { deployCommand } from '../../../salesforce-package/tools/deploy.js';
import { writePlaybookMetadata } from '../../../salesforce-package/tools/playbook-push.js';
import { startHarness, type Harness } from '../../hubspot-app/backend/harness.js';
import { defaultPlaybookInput, type RawPlaybook } from '../../shared/fixtures.js';
import { orgApi, startTestOrg, TOOLS_USER, type TestOrg } from './org.js';

const SOURCE = fileURLToPath(
  new URL('../../../salesforce-package/force-app/main/default', import.meta.url),
);

let org: TestOrg | undefined;
let hubspot: Harness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await org?.close();
  await hubspot?.close();
  org = undefined;
  hubspot = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-deploy-playbook-'));
  dirs.push(dir);
  return dir;
}

/** The package's objects, permission sets and custom permissions (the deploy test's source). */
function copySource(): string {
  const dir = tempDir();
  for (const folder of ['objects', 'permissionsets', 'customPermissions'])
    cpSync(join(SOURCE, folder), join(dir, 'main', 'default', folder), { recursive: true });
  return dir;
}

function playbookOf(input: RawPlaybook): Playbook {
  const result = parsePlaybook(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.playbook;
}

const v1 = () => defaultPlaybookInput();
const v2 = () => {
  const input = defaultPlaybookInput();
  input.version = '2';
  input.slas[0].target.amount += 1;
  return input;
};
const label = (input: RawPlaybook) => {
  const p = playbookOf(input);
  return `Playbook v${p.version} · ${playbookFingerprint(p)} (${p.name})`;
};

function playbookFile(input: RawPlaybook): string {
  const file = join(tempDir(), 'playbook.json');
  writeFileSync(file, JSON.stringify(input, null, 2));
  return file;
}

async function orgWithActive(input: RawPlaybook | null): Promise<TestOrg> {
  const started = await startTestOrg();
  if (input)
    started.seed.record('Handoff_Playbook__c', {
      Name: 'Revenue playbook',
      Playbook_Text__c: JSON.stringify(input),
      Active__c: true,
    });
  return started;
}

/** The org's active playbook records, as fingerprints. */
function activeFingerprints(test: TestOrg): string[] {
  return test
    .records('Handoff_Playbook__c')
    .filter((row) => row.Active__c === true)
    .map((row) => {
      const parsed = parsePlaybook(JSON.parse(String(row.Playbook_Text__c)));
      return parsed.ok ? playbookFingerprint(parsed.playbook) : 'invalid';
    });
}

async function run(test: TestOrg, args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const deps: CliDeps = {
    env,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    clock: test.clock,
    sleep: async () => undefined,
  };
  const code = await deployCommand(
    [...args, '--source-dir', copySource()],
    await orgApi(test),
    deps,
  );
  return { code, out, err };
}

describe('deploy and the playbook', () => {
  it('when the org runs version 1 and the file holds version 2, then it says they differ, deploys, and the org runs version 2', async () => {
    org = await orgWithActive(v1());
    const file = playbookFile(v2());
    const { code, out, err } = await run(org, ['--playbook', file]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual([
      `The org runs ${label(v1())}.`,
      `This deploy pushes ${label(v2())} from file ${file}.`,
      `They differ: Salesforce runs ${label(v1())}; after this deploy Salesforce runs ${label(v2())}.`,
      expect.stringMatching(/^deploy 0Af\w+ succeeded: \d+ components$/),
      `The org now runs ${label(v2())}.`,
    ]);
    expect(activeFingerprints(org)).toEqual([playbookFingerprint(playbookOf(v2()))]);
  }, 60_000);

  it('when the pushed playbook is the one the org runs, then it says so and leaves the record alone', async () => {
    org = await orgWithActive(v1());
    const before = org.records('Handoff_Playbook__c');
    const { code, out } = await run(org, ['--playbook', playbookFile(v1())]);
    expect(code).toBe(0);
    expect(out[2]).toBe('They are the same playbook: the org keeps its record as it is.');
    expect(out).not.toContainEqual(expect.stringMatching(/differ/));
    expect(org.records('Handoff_Playbook__c')).toEqual(before);
  }, 60_000);

  it('when it is check-only, then it says they differ and the org keeps version 1', async () => {
    org = await orgWithActive(v1());
    const { code, out } = await run(org, ['--check-only', '--playbook', playbookFile(v2())]);
    expect(code).toBe(0);
    expect(out[2]).toMatch(/^They differ: /);
    expect(out[out.length - 1]).toBe(`Check-only: the org keeps ${label(v1())}.`);
    expect(activeFingerprints(org)).toEqual([playbookFingerprint(playbookOf(v1()))]);
  }, 60_000);

  it('when the org has no playbook yet, then the pushed one is created as its active record', async () => {
    org = await orgWithActive(null);
    const { code, out } = await run(org, ['--playbook', playbookFile(v2())]);
    expect(code).toBe(0);
    expect(out[0]).toBe('The org has no active Handoff playbook.');
    expect(activeFingerprints(org)).toEqual([playbookFingerprint(playbookOf(v2()))]);
  }, 60_000);

  it('when the file is not a valid playbook, then it says where and deploys nothing', async () => {
    org = await orgWithActive(v1());
    const broken = v2();
    broken.slas[0].calendar = 'nowhere';
    const file = playbookFile(broken);
    const out: string[] = [];
    const code = await main(['deploy', '--playbook', file], {
      env: {
        SF_ACCESS_TOKEN: org.emulator.issueToken(TOOLS_USER),
        SF_INSTANCE_URL: org.emulator.url,
      },
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      clock: org.clock,
      sleep: async () => undefined,
      deploy: deployCommand,
    });
    expect(code).toBe(1);
    expect(out).toEqual([
      expect.stringMatching(
        new RegExp(
          `^handoff-salesforce deploy: the playbook in ${file} is not a valid playbook: slas\\[0\\]\\.calendar `,
        ),
      ),
    ]);
    expect(org.emulator.requestLog.entries({ route: 'metadata.soap' })).toEqual([]);
  }, 60_000);
});

describe('the pushed playbook’s rules', () => {
  it('when a playbook is pushed, then its own fields, stage and role rules are laid out as a source folder, as default-playbook/ is for the default', () => {
    const dir = tempDir();
    const count = writePlaybookMetadata(playbookOf(v2()), dir);
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
    expect(files).toHaveLength(count);
    expect(files).toContainEqual(
      expect.stringMatching(
        /^main\/default\/objects\/Opportunity\/validationRules\/.+\.validationRule-meta\.xml$/,
      ),
    );
    expect(files).toContainEqual(
      expect.stringMatching(
        /^main\/default\/permissionsets\/Handoff_Playbook_Fields\.permissionset-meta\.xml$/,
      ),
    );
    const rule = files.find((f) => f.includes('validationRules')) ?? '';
    expect(readFileSync(join(dir, rule), 'utf8')).toContain('(version 2)');
  });
});

describe('deploy with the playbook from HubSpot', () => {
  it('when an admin saved version 2 in HubSpot and exported it, then the deploy names HubSpot’s copy and the org runs the same playbook', async () => {
    org = await orgWithActive(v1());
    hubspot = await startHarness();
    const text = JSON.stringify(v2(), null, 2);
    const saved = await hubspot.call('PUT', '/v1/hubspot/playbook', {
      as: hubspot.users.admin,
      body: { text },
    });
    expect(saved.status).toBe(200);
    // The harness's clock stands elsewhere; the token is checked against the backend's own clock.
    const ticket = (
      await hubspot.call('POST', '/v1/hubspot/playbook/export', {
        as: hubspot.users.admin,
        body: {},
      })
    ).body as { token: string; fingerprint: string };
    const url = `${hubspot.base}/v1/export/playbook`;
    const { code, out } = await run(org, ['--playbook-from', url], {
      HANDOFF_EXPORT_TOKEN: ticket.token,
    });
    expect(code).toBe(0);
    expect(out.slice(0, 3)).toEqual([
      `The org runs ${label(v1())}.`,
      `This deploy pushes ${label(v2())} from HubSpot portal ${hubspot.portalId}.`,
      `They differ: Salesforce runs ${label(v1())}, HubSpot runs ${label(v2())}; after this deploy Salesforce runs ${label(v2())}.`,
    ]);
    expect(activeFingerprints(org)).toEqual([ticket.fingerprint]);
  }, 60_000);

  it('when the token is missing or refused, then it says what to do and deploys nothing', async () => {
    org = await orgWithActive(v1());
    hubspot = await startHarness();
    const url = `${hubspot.base}/v1/export/playbook`;
    await expect(run(org, ['--playbook-from', url])).rejects.toThrow(
      /--playbook-from needs HANDOFF_EXPORT_TOKEN: copy the whole command from Handoff's settings page/,
    );
    await expect(
      run(org, ['--playbook-from', url], { HANDOFF_EXPORT_TOKEN: 'hpx1.forged.token' }),
    ).rejects.toThrow(
      "Handoff's HubSpot backend refused the export (401): The export token is not one Handoff issued; copy the whole command from the settings page.",
    );
    expect(org.emulator.requestLog.entries({ route: 'metadata.soap' })).toEqual([]);
  }, 60_000);
});
