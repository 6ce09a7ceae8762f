// A validation rule as the generators produce it, before it becomes metadata XML.
export interface ValidationRuleModel {
  /** The object's API name, e.g. Handoff__c. */
  object: string;
  /** The rule's API name: letters, digits and single underscores, at most 40 characters. */
  name: string;
  description: string;
  /** Fires (blocks the save) when true. */
  formula: string;
  message: string;
  /** The field the message is shown next to; the top of the page when absent. */
  field?: string;
}

const RULE_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;

/** Salesforce refuses long or odd names only at deploy time, so refuse them here. */
export function checkRuleName(name: string): string {
  if (name.length > 40 || !RULE_NAME.test(name) || name.endsWith('_')) {
    throw new Error(`"${name}" is not a usable validation rule name`);
  }
  return name;
}

/** `set_item` → `Set_Item`, `sales_to_cs` → `Sales_To_Cs`. */
export function titleCase(id: string): string {
  return id
    .split('_')
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('_');
}

/** A status as the error messages say it: `in_progress` → "in progress". */
export function words(id: string): string {
  return id.replace(/_/g, ' ');
}

export function listWords(ids: readonly string[]): string {
  const said = ids.map(words);
  return said.length <= 1
    ? (said[0] ?? '')
    : `${said.slice(0, -1).join(', ')} or ${said.at(-1) ?? ''}`;
}

/** A rule name within Salesforce's 40 characters, shortened with a stable hash when they run out. */
export function shortRuleName(full: string): string {
  const name = full.replace(/_+/g, '_');
  if (name.length <= 40) return checkRuleName(name);
  return checkRuleName(`${name.slice(0, 33).replace(/_+$/, '')}_${hash(name)}`);
}

function hash(text: string): string {
  let h = 0;
  for (const char of text) h = (h * 31 + char.charCodeAt(0)) >>> 0;
  return h.toString(36).slice(0, 6).padStart(6, '0');
}
