// Which playbook a Salesforce face runs, named as the HubSpot card and settings name it
// ("Playbook v2 · 3f9a1c2e — Default revenue playbook"), so a person can compare the two CRMs' copies.
// Given a parsed playbook (the panel's) or the stored JSON text (the admin panel's active record).
import { LightningElement, api } from 'lwc';
import { playbookFingerprint, playbookLabel, readPlaybook } from 'c/handoffCore';

export default class HandoffPlaybookStamp extends LightningElement {
  /** A parsed playbook. */
  @api playbook;
  /** Or the stored playbook text (JSON). */
  @api playbookText;
  /** Words before the label, e.g. "Active in this org:". */
  @api prefix;

  get parsed() {
    if (this.playbook) return this.playbook;
    if (this.playbookText === undefined || this.playbookText === null) return undefined;
    const result = readPlaybook(this.playbookText);
    return result.ok ? result.playbook : undefined;
  }

  get hasStamp() {
    return Boolean(this.parsed);
  }

  get label() {
    const p = this.parsed;
    const stamp = playbookLabel({ version: p.version, fingerprint: playbookFingerprint(p) });
    return `${this.prefix ? `${this.prefix} ` : ''}${stamp} — ${p.name}`;
  }
}
