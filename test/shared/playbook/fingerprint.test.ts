// A playbook's fingerprint: the same for the same content however it is written, different for any
// change of content; the hash under it is SHA-256, checked against FIPS 180-4 vectors and node:crypto.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parsePlaybookText } from '../../../shared/src/playbook/text.js';
import {
  canonicalJson,
  FINGERPRINT_LENGTH,
  parsePlaybook,
  playbookFingerprint,
  type Playbook,
} from '../../../shared/src/runtime.js';
import { sha256Hex } from '../../../shared/src/playbook/sha256.js';
import { playbookDrift, playbookLabel } from '../../../shared/src/display/index.js';
import { evaluateRecord } from '../../../shared/src/record/index.js';
import { deal, rep, MONDAY_10AM_NY } from '../builders.js';
import { DEFAULT_PLAYBOOK_PATH, defaultPlaybookInput, type RawPlaybook } from '../fixtures.js';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function parsed(input: RawPlaybook): Playbook {
  const result = parsePlaybook(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.playbook;
}

function parsedText(text: string): Playbook {
  const result = parsePlaybookText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.playbook;
}

/** The same data with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  return value;
}

describe('sha256Hex', () => {
  it('when given the FIPS 180-4 example messages, then it answers their published digests', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('when given text of every length around a block edge and beyond the Basic Multilingual Plane, then it agrees with node:crypto', () => {
    const samples = [
      ...Array.from({ length: 130 }, (_, n) => 'x'.repeat(n)),
      'Zoë → CS ✓',
      'emoji 🚀 and 𝄞',
      'a lone surrogate \ud800 here',
      readFileSync(DEFAULT_PLAYBOOK_PATH, 'utf8'),
    ];
    for (const text of samples)
      expect(sha256Hex(text), JSON.stringify(text)).toBe(nodeSha256(text));
  });
});

describe('playbookFingerprint', () => {
  const base = defaultPlaybookInput();
  const fingerprint = playbookFingerprint(parsed(base));

  it('is the first hex digits of the SHA-256 of the playbook’s canonical JSON', () => {
    expect(fingerprint).toMatch(new RegExp(`^[0-9a-f]{${FINGERPRINT_LENGTH}}$`));
    expect(fingerprint).toBe(nodeSha256(canonicalJson(parsed(base))).slice(0, FINGERPRINT_LENGTH));
  });

  it('when the same playbook is written with other key order, formatting, comments or as JSON, then the fingerprint is the same', () => {
    const yamlText = readFileSync(DEFAULT_PLAYBOOK_PATH, 'utf8');
    expect(playbookFingerprint(parsedText(yamlText))).toBe(fingerprint);
    expect(playbookFingerprint(parsedText(`# a new comment\n${yamlText}\n\n`))).toBe(fingerprint);
    expect(playbookFingerprint(parsedText(JSON.stringify(base, null, 2)))).toBe(fingerprint);
    expect(playbookFingerprint(parsedText(stringify(reversedKeys(base))))).toBe(fingerprint);
    // A default written out is the same content as a default left out.
    expect(
      playbookFingerprint(parsed({ ...defaultPlaybookInput(), calendars: base.calendars ?? {} })),
    ).toBe(fingerprint);
  });

  it('when any content changes — a target, an item label, the order of stages, the version label — then the fingerprint changes', () => {
    const changes: ((p: RawPlaybook) => void)[] = [
      (p) => (p.slas[0].target.amount += 1),
      (p) => (p.checklists[0].items[0].label = `${p.checklists[0].items[0].label} (new)`),
      (p) => p.stages.reverse(),
      (p) => (p.version = '2'),
    ];
    for (const change of changes) {
      const input = defaultPlaybookInput();
      change(input);
      const result = parsePlaybook(input);
      // A change that breaks the playbook has nothing to fingerprint; these all keep it valid.
      expect(result.ok, String(change)).toBe(true);
      if (result.ok)
        expect(playbookFingerprint(result.playbook), String(change)).not.toBe(fingerprint);
    }
  });

  it('when a record is evaluated, then its view names the playbook’s version and fingerprint', () => {
    const playbook = parsed(base);
    const view = evaluateRecord(playbook, deal({ stage: 'closed_won' }), rep, MONDAY_10AM_NY);
    expect(view.playbook).toEqual({ name: playbook.name, version: playbook.version, fingerprint });
  });
});

describe('playbookLabel and playbookDrift', () => {
  it('when the version is a bare number, then the label reads "Playbook v2 · <fingerprint>"; a worded version stays as written', () => {
    expect(playbookLabel({ version: '2', fingerprint: '3f9a1c2e' })).toBe('Playbook v2 · 3f9a1c2e');
    expect(playbookLabel({ version: 'v2', fingerprint: '3f9a1c2e' })).toBe(
      'Playbook v2 · 3f9a1c2e',
    );
    expect(playbookLabel({ version: 'Q4 rollout', fingerprint: 'aa' })).toBe(
      'Playbook Q4 rollout · aa',
    );
  });

  it('when two copies share a fingerprint, then there is no warning; when they differ or one is missing, the warning names both', () => {
    const v1 = { version: '1', fingerprint: '11111111' };
    const v2 = { version: '2', fingerprint: '22222222' };
    expect(
      playbookDrift({ where: 'HubSpot', stamp: v1 }, { where: 'Salesforce', stamp: { ...v1 } }),
    ).toBeNull();
    expect(playbookDrift({ where: 'HubSpot', stamp: v2 }, { where: 'Salesforce', stamp: v1 })).toBe(
      'The playbooks differ: HubSpot runs Playbook v2 · 22222222, Salesforce runs Playbook v1 · 11111111. Push one playbook to both.',
    );
    expect(
      playbookDrift({ where: 'HubSpot', stamp: v2 }, { where: 'Salesforce', stamp: null }),
    ).toBe(
      'The playbooks differ: HubSpot runs Playbook v2 · 22222222, Salesforce has no playbook. Push one playbook to both.',
    );
  });
});
