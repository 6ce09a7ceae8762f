// Every org name the tools use, qualified once with the package's namespace prefix (sfdx-project.json).
import { namespacePrefix, qualify } from '../scripts/namespace.js';

export function orgNames(namespace: string = namespacePrefix()) {
  // Read once: qualify() without a namespace reads sfdx-project.json on every call.
  const q = (name: string) => qualify(name, namespace);
  const r = (name: string) => q(name).replace(/__c$/, '__r');
  return {
    handoff: q('Handoff__c'),
    escalation: q('Handoff_Escalation__c'),
    handoffs: r('Handoffs__c'),
    escalations: r('Handoff_Escalations__c'),
    field: q,
  };
}

export type OrgNames = ReturnType<typeof orgNames>;
