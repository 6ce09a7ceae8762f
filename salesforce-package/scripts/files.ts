// Everything the generators own, as path → content relative to salesforce-package/. The command writes
// it; the staleness test regenerates it in memory and compares.
import type { Playbook } from '@handoff/shared';
import { checklistRules } from './checklist-rules.js';
import { handoffRules } from './handoff-rules.js';
import { leadStatusFiles } from './lead-status.js';
import {
  customPermissionFiles,
  objectFiles,
  permissionSetFile,
  validationRuleFiles,
  type Files,
} from './metadata.js';
import { OBJECTS, PERMISSION_SETS, userObject } from './model.js';
import { namespacePrefix, qualify, qualifyFormula } from './namespace.js';
import { playbookFieldObject, playbookFieldSet } from './playbook-fields.js';
import { reportingFiles } from './reports.js';
import type { ValidationRuleModel } from './rules.js';
import { roleRules } from './role-rules.js';
import { stageRules, type SkippedCriterion } from './stage-rules.js';

/** The managed package's source. */
export const PACKAGE_ROOT = 'force-app/main/default';
/**
 * The default playbook's fields and stage rules: deployed from source, not packaged, since admins
 * change the playbook. Being outside the package, they name its objects and fields with the
 * namespace (`handoff__Handoff__c`), as the subscriber org does; the package's own source never does.
 */
export const PLAYBOOK_ROOT = 'default-playbook/main/default';

/** Folders whose every file is generated: a file there that the generators no longer make is stale. */
export const GENERATED_DIRS = [
  `${PACKAGE_ROOT}/objects`,
  `${PACKAGE_ROOT}/permissionsets`,
  `${PACKAGE_ROOT}/customPermissions`,
  `${PACKAGE_ROOT}/reportTypes`,
  `${PACKAGE_ROOT}/reports`,
  `${PACKAGE_ROOT}/dashboards`,
  PLAYBOOK_ROOT,
];

export interface Generated {
  files: Files;
  skipped: SkippedCriterion[];
}

/** A rule on the package's objects as metadata outside the package must spell it. */
export function qualifyRule(rule: ValidationRuleModel, namespace: string): ValidationRuleModel {
  return {
    ...rule,
    object: qualify(rule.object, namespace),
    formula: qualifyFormula(rule.formula, namespace),
    ...(rule.field ? { field: qualify(rule.field, namespace) } : {}),
  };
}

/** `namespace`: the package's (sfdx-project.json, HANDOFF_SF_NAMESPACE); '' for a namespace-free org. */
export function generateAll(playbook: Playbook, namespace: string = namespacePrefix()): Generated {
  const files: Files = new Map();
  const add = (more: Files) => more.forEach((content, path) => files.set(path, content));

  for (const object of OBJECTS) add(objectFiles(PACKAGE_ROOT, object));
  // User is standard: the package adds its Handoff roles field, never the object file. A package may
  // add custom fields to standard objects (they are packaged explicitly)
  // [https://developer.salesforce.com/docs/platform/pkg1-dev/guide/packaging-unmanaged-components.md].
  const users = userObject(playbook);
  add(fieldFilesOnly(objectFiles(PACKAGE_ROOT, users)));
  add(validationRuleFiles(PACKAGE_ROOT, handoffRules()));
  add(customPermissionFiles(PACKAGE_ROOT));
  for (const set of PERMISSION_SETS) add(permissionSetFile(PACKAGE_ROOT, set, [...OBJECTS, users]));
  add(reportingFiles(PACKAGE_ROOT));

  const opportunity = playbookFieldObject(playbook);
  // Opportunity is standard: only its fields are ours, never its object file.
  add(fieldFilesOnly(objectFiles(PLAYBOOK_ROOT, opportunity)));
  const stages = stageRules(playbook);
  add(
    validationRuleFiles(
      PLAYBOOK_ROOT,
      [...stages.rules, ...roleRules(playbook), ...checklistRules(playbook)].map((rule) =>
        qualifyRule(rule, namespace),
      ),
    ),
  );
  add(permissionSetFile(PLAYBOOK_ROOT, playbookFieldSet(), [opportunity]));
  add(leadStatusFiles(PLAYBOOK_ROOT, playbook));
  return { files, skipped: stages.skipped };
}

function fieldFilesOnly(files: Files): Files {
  return new Map([...files].filter(([path]) => !path.endsWith('.object-meta.xml')));
}
