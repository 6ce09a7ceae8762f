// A playbook's fingerprint: a short digest of its content, the same wherever the playbook is read
// (HubSpot's backend, the Salesforce panel, the deploy tool), so two copies can be compared at a glance.
// Read from the parsed playbook with its keys sorted: formatting, comments, key order and YAML vs JSON
// do not change it; any change of content, the version label included, does.
import type { Playbook } from './schema.js';
import { sha256Hex } from './sha256.js';

/** Hex digits shown: 32 bits, enough to tell an admin's revisions apart at a glance. */
export const FINGERPRINT_LENGTH = 8;

/** JSON with every object's keys in code-point order; `undefined` members are left out, as JSON does. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .sort()
      .flatMap((key) => {
        const member = (value as Record<string, unknown>)[key];
        return member === undefined ? [] : [`${JSON.stringify(key)}:${canonicalJson(member)}`];
      });
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

// Views are evaluated many times per playbook (a scan, a company card): digest each playbook once.
const digests = new WeakMap<Playbook, string>();

export function playbookFingerprint(playbook: Playbook): string {
  let digest = digests.get(playbook);
  if (digest === undefined) {
    digest = sha256Hex(canonicalJson(playbook)).slice(0, FINGERPRINT_LENGTH);
    digests.set(playbook, digest);
  }
  return digest;
}
