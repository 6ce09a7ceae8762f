// The namespace prefix lives in one place, sfdx-project.json ("" in development). Metadata source never
// carries it (the platform adds it); code and SOQL outside the package qualify names through here.
import { readFileSync } from 'node:fs';

const PROJECT = new URL('../sfdx-project.json', import.meta.url);

export function namespacePrefix(): string {
  const project = JSON.parse(readFileSync(PROJECT, 'utf8')) as { namespace?: unknown };
  return typeof project.namespace === 'string' ? project.namespace : '';
}

/** `Handoff__c` → `ns__Handoff__c` once the package has a namespace; standard names stay as they are. */
export function qualify(apiName: string, namespace = namespacePrefix()): string {
  if (namespace === '' || !apiName.endsWith('__c') || apiName.startsWith(`${namespace}__`)) {
    return apiName;
  }
  return `${namespace}__${apiName}`;
}
