// The handoff-salesforce commands as a scheduler or a developer runs them: settings from the
// environment, one line per scan, exit codes, and no secret in anything printed.
import { afterEach, describe, expect, it } from 'vitest';
import { main, type CliDeps } from '../../../salesforce-package/tools/cli.js';
import { NOW, seedOpportunities } from './dataset.js';
import { SCANNER_PLAYBOOK_TEXT } from '../../fixtures/scanner-playbook.js';
import { API_VERSION, CONSUMER_KEY, startTestOrg, TOOLS_USER, type TestOrg } from './org.js';

let org: TestOrg | undefined;
afterEach(async () => {
  await org?.close();
  org = undefined;
});

function run(
  t: TestOrg | undefined,
  args: string[],
  env: NodeJS.ProcessEnv,
  extra: Partial<CliDeps> = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const promise = main(args, {
    env,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    clock: t?.clock ?? { now: () => NOW },
    sleep: async (ms) => {
      t?.clock.advance(ms);
    },
    ...extra,
  });
  return promise.then((code) => ({ code, out, err, all: [...out, ...err].join('\n') }));
}

const jwtEnv = (t: TestOrg): NodeJS.ProcessEnv => ({
  SF_LOGIN_URL: t.emulator.url,
  SF_CLIENT_ID: CONSUMER_KEY,
  SF_USERNAME: TOOLS_USER,
  SF_JWT_KEY: t.auth.privateKey.replace(/\n/g, '\\n'),
  SF_API_VERSION: API_VERSION,
});

describe('handoff-salesforce', () => {
  it('when the command is unknown, then it prints the usage and exits 2', async () => {
    const result = await run(undefined, ['frobnicate'], {});
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toMatch(/usage: handoff-salesforce scan/);
  });

  it('when sign-in is not configured, then it names the missing settings and exits 1', async () => {
    const result = await run(undefined, ['scan'], { SF_CLIENT_ID: 'x' });
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      'handoff-salesforce scan: Sign-in is not configured: set SF_USERNAME, SF_JWT_KEY_FILE (or SF_JWT_KEY) for the JWT bearer flow, or SF_ACCESS_TOKEN and SF_INSTANCE_URL',
    ]);
  });

  /** The playbook the expected numbers were worked out on, as the org's active playbook record. */
  const activateScannerPlaybook = (target: TestOrg) =>
    target.seed.record('Handoff_Playbook__c', {
      Name: 'Scanner tests',
      Active__c: true,
      Playbook_Text__c: SCANNER_PLAYBOOK_TEXT,
    });

  it('scan signs in with the JWT bearer flow, scans once, prints one line and exits 0 — without printing the key or token', async () => {
    org = await startTestOrg();
    seedOpportunities(org, 100);
    activateScannerPlaybook(org);
    org.clock.set(NOW);
    const result = await run(org, ['scan'], jwtEnv(org));
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      'scanned 80 opportunities: 80 escalations (70 tasks), 70 SLA status updates, 7 API calls',
    ]);
    expect(result.all).not.toContain('PRIVATE KEY');
    expect(result.all).not.toMatch(/00D000000000001EAA!/);
  });

  it('scan reads through Bulk API 2.0 above HANDOFF_SCAN_BULK_THRESHOLD and says so in its line', async () => {
    org = await startTestOrg();
    seedOpportunities(org, 3000);
    activateScannerPlaybook(org);
    org.clock.set(NOW);
    const result = await run(org, ['scan'], {
      ...jwtEnv(org),
      HANDOFF_SCAN_BULK_THRESHOLD: '2000',
    });
    expect(result.err).toEqual([]);
    expect(result.out).toEqual([
      'scanned 2400 opportunities: 2400 escalations (2100 tasks), 2100 SLA status updates, 61 API calls (4 Bulk API 2.0 jobs)',
    ]);
  }, 60_000);

  it('when HANDOFF_SCAN_BULK_THRESHOLD is not a number of opportunities, then scan names it and exits 1', async () => {
    const result = await run(undefined, ['scan'], {
      SF_ACCESS_TOKEN: 'token',
      SF_INSTANCE_URL: 'https://example.my.salesforce.com',
      HANDOFF_SCAN_BULK_THRESHOLD: '10k',
    });
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      'handoff-salesforce scan: HANDOFF_SCAN_BULK_THRESHOLD must be a whole number of opportunities, 2000 or more, not "10k"',
    ]);
    expect(result.all).not.toContain('token');
  });

  it('scan reads the playbook from the active Handoff_Playbook__c record', async () => {
    org = await startTestOrg();
    seedOpportunities(org, 10);
    org.seed.record('Handoff_Playbook__c', {
      Name: 'Broken',
      Active__c: true,
      Playbook_Text__c: 'schemaVersion: 1\nstages: 3\n',
    });
    const result = await run(org, ['scan'], jwtEnv(org));
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(
      /^handoff-salesforce scan: the active Handoff playbook record is not a valid playbook: /,
    );
  });

  it('scan --every runs on a schedule until told to stop; the second round finds nothing new', async () => {
    org = await startTestOrg();
    seedOpportunities(org, 20);
    org.clock.set(NOW);
    let rounds = 0;
    const result = await run(org, ['scan', '--every', '15'], jwtEnv(org), {
      running: () => ++rounds < 3,
    });
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out).toHaveLength(2);
    expect(result.out[1]).toMatch(/^scanned 16 opportunities: 0 escalations \(0 tasks\)/);
    expect(org.clock.now()).toBe(NOW + 15 * 60_000);
  });

  it('with an access token and instance URL (a developer), import-calendar prints the calendars as YAML', async () => {
    org = await startTestOrg();
    org.seed.record('BusinessHours', {
      Name: 'Default',
      IsActive: true,
      TimeZoneSidKey: 'America/Chicago',
      MondayStartTime: '08:00:00.000Z',
      MondayEndTime: '16:00:00.000Z',
    });
    const token = org.emulator.issueToken(TOOLS_USER);
    const result = await run(org, ['import-calendar'], {
      SF_ACCESS_TOKEN: token,
      SF_INSTANCE_URL: org.emulator.url,
    });
    expect(result.code).toBe(0);
    expect(result.out.join('\n')).toBe(
      [
        'calendars:',
        '  default:',
        '    timeZone: "America/Chicago"',
        '    weekly:',
        '      mon: [["08:00", "16:00"]]',
        '    hoursPerDay: 8',
      ].join('\n'),
    );
    expect(result.all).not.toContain(token);
  });

  it('when the JWT sign-in is refused, then the error names the cause and not the key', async () => {
    org = await startTestOrg();
    const result = await run(org, ['scan'], { ...jwtEnv(org), SF_USERNAME: 'nobody@example.com' });
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(
      /Salesforce refused the JWT sign-in for nobody@example.com: invalid_grant/,
    );
    expect(result.all).not.toContain('PRIVATE KEY');
  });
});
