// How both faces name a playbook copy and say when two copies differ: "Playbook v2 · 3f9a1c2e".
/** A playbook copy as a face sees it: the admin's version label and the content's fingerprint. */
export interface PlaybookStamp {
  version: string;
  fingerprint: string;
}

export function playbookLabel(stamp: PlaybookStamp): string {
  // Admins write "2", "v2" or "2026-11"; "v" goes only before a bare number.
  const version = /^\d/.test(stamp.version) ? `v${stamp.version}` : stamp.version;
  return `Playbook ${version} · ${stamp.fingerprint}`;
}

export function samePlaybook(a: PlaybookStamp, b: PlaybookStamp): boolean {
  return a.fingerprint === b.fingerprint;
}

/**
 * The warning shown where two copies can be seen, or null when they are the same playbook.
 * `a` and `b` name where each copy lives ("HubSpot", "Salesforce", "this file").
 */
export function playbookDrift(
  a: { where: string; stamp: PlaybookStamp | null },
  b: { where: string; stamp: PlaybookStamp | null },
): string | null {
  if (a.stamp && b.stamp && samePlaybook(a.stamp, b.stamp)) return null;
  const runs = (side: typeof a) =>
    side.stamp
      ? `${side.where} runs ${playbookLabel(side.stamp)}`
      : `${side.where} has no playbook`;
  return `The playbooks differ: ${runs(a)}, ${runs(b)}. Push one playbook to both.`;
}
