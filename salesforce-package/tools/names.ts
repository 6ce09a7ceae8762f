// Every org name the tools use, qualified once with the package's namespace prefix (sfdx-project.json,
// or HANDOFF_SF_NAMESPACE; `handoff__Handoff__c` in a subscriber org). Only the package's own names
// take it: the playbook's Opportunity fields are the admin's and keep theirs.
import { namespacePrefix, qualify } from '../scripts/namespace.js';

export function orgNames(namespace: string = namespacePrefix()) {
  // Read once: qualify() without a namespace reads sfdx-project.json on every call.
  const q = (name: string) => qualify(name, namespace);
  return {
    namespace,
    handoff: q('Handoff__c'),
    escalation: q('Handoff_Escalation__c'),
    /** Opportunity's child relationships to the package's objects. */
    handoffs: q('Handoffs__r'),
    escalations: q('Handoff_Escalations__r'),
    field: q,
  };
}

export type OrgNames = ReturnType<typeof orgNames>;
