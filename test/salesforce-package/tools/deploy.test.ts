// deploy: the package source converted by Salesforce's library, deployed through jsforce's metadata
// API (SOAP deploy + checkDeployStatus) to the emulator, which runs our package checks on the zip.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../salesforce-package/tools/cli.js';
import { deploy, deployCommand } from '../../../salesforce-package/tools/deploy.js';
import { orgApi, startTestOrg, TOOLS_USER, type TestOrg } from './org.js';

const SOURCE = fileURLToPath(
  new URL('../../../salesforce-package/force-app/main/default', import.meta.url),
);

let org: TestOrg | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await org?.close();
  org = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The package's objects, permission sets and custom permissions, copied so a test may break them. */
function copySource(): string {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-deploy-'));
  dirs.push(dir);
  for (const folder of ['objects', 'permissionsets', 'customPermissions'])
    cpSync(join(SOURCE, folder), join(dir, 'main', 'default', folder), { recursive: true });
  return dir;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, deps: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('deploy', () => {
  it('when the package is sound, then a check-only deploy succeeds through SOAP deploy and checkDeployStatus', async () => {
    org = await startTestOrg();
    const { out, err, deps } = capture();
    const code = await deploy(
      await orgApi(org),
      { sourceDirs: [copySource()], checkOnly: true, pollIntervalMs: 10 },
      deps,
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^check-only deploy 0Af\w+ succeeded: \d+ components$/);
    expect(
      org.emulator.requestLog.entries({ route: 'metadata.soap' }).map((e) => e.status),
    ).toEqual([200, 200]);
  }, 30_000);

  it('when a permission set is broken, then each failure is printed with its source file and line, and it exits 1', async () => {
    org = await startTestOrg();
    const dir = copySource();
    const admin = join(
      dir,
      'main',
      'default',
      'permissionsets',
      'Handoff_Admin.permissionset-meta.xml',
    );
    // A field the package does not have, and (in another set) a closing tag that does not match.
    writeFileSync(
      admin,
      readFileSync(admin, 'utf8').replace(
        '<field>Handoff__c.Status__c</field>',
        '<field>Handoff__c.Nope__c</field>',
      ),
    );
    const rep = join(
      dir,
      'main',
      'default',
      'permissionsets',
      'Handoff_User.permissionset-meta.xml',
    );
    writeFileSync(rep, readFileSync(rep, 'utf8').replace('</label>', '</labell>'));
    const { err, deps } = capture();
    const code = await deploy(
      await orgApi(org),
      { sourceDirs: [dir], checkOnly: false, pollIntervalMs: 10 },
      deps,
    );
    expect(code).toBe(1);
    expect(err).toContainEqual(
      expect.stringMatching(
        /permissionsets\/Handoff_Admin\.permissionset-meta\.xml:\d+:\d+: PermissionSet Handoff_Admin: In field: field - no CustomField named Handoff__c\.Nope__c found$/,
      ),
    );
    expect(err).toContainEqual(
      expect.stringMatching(
        /permissionsets\/Handoff_User\.permissionset-meta\.xml:\d+:\d+: PermissionSet Handoff_User: Error parsing file: The element type "label" must be terminated by the matching end-tag "<\/label>"\.$/,
      ),
    );
    expect(err[err.length - 1]).toMatch(
      /^deploy 0Af\w+ failed \(Failed\): 2 component failure\(s\)$/,
    );
  }, 30_000);

  it('runs as `handoff-salesforce deploy --check-only --source-dir <dir>` with a developer token', async () => {
    org = await startTestOrg();
    const out: string[] = [];
    const code = await main(['deploy', '--check-only', '--source-dir', copySource()], {
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
    expect(out).toEqual([
      'The org has no active Handoff playbook. This deploy leaves it as it is (--playbook <file> or --playbook-from <url> pushes one).',
      expect.stringMatching(/^check-only deploy 0Af\w+ succeeded/),
    ]);
    expect(code).toBe(0);
  }, 30_000);
});
