// Mounting a component as the platform would, with LDS emulated by the documented test adapters.
import { assertAccessible } from '@sa11y/assert';
import { createElement } from 'lwc';
import { afterEach } from 'vitest';
import { getRecord } from 'lightning/uiRecordApi';
import { grant } from '../stubs/salesforce/permissions.js';

/** The test user (`@salesforce/user/Id`). */
export const USER_ID = '005000000000001AAA';

/**
 * Who the viewer is: the Handoff roles on their User record, and the custom permissions of their
 * permission sets (only Handoff_Admin_Config is left; it opens the playbook admin panel).
 */
export const ROLES = {
  sdr: { roles: ['sdr'], permissions: [] },
  sales_rep: { roles: ['sales_rep'], permissions: [] },
  cs_manager: { roles: ['cs_manager'], permissions: [] },
  admin: { roles: ['admin'], permissions: ['Handoff_Admin_Config'] },
  read_only: { roles: [], permissions: [] },
} as const;
export type Role = keyof typeof ROLES;

/** The viewer's User record as LDS gives it: the multi-select picklist's values joined by `;`. */
export function userRecord(roles: readonly string[]) {
  const value = roles.length > 0 ? roles.join(';') : null;
  return {
    id: USER_ID,
    apiName: 'User',
    fields: { Handoff_Roles__c: { value, displayValue: value } },
  };
}

/** Mounts the component and answers its wire for the viewer's User record with `role`'s roles. */
export function mount(
  tag: string,
  ctor: unknown,
  role: Role,
  props: Record<string, unknown> = {},
  options: { emitUser?: boolean } = {},
): HTMLElement {
  grant(ROLES[role].permissions);
  const element = createElement(tag, { is: ctor as never });
  Object.assign(element, props);
  document.body.appendChild(element);
  if (options.emitUser !== false) getRecord.emit(userRecord(ROLES[role].roles));
  return element;
}

afterEach(() => {
  getRecord.reset();
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

/** Wire adapters and re-renders settle in microtasks; a few rounds cover chained updates. */
export async function flush(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

/** Every element matching `selector` in the component and its children's shadow trees. */
export function queryAll(root: Element | ShadowRoot, selector: string): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    out.push(...Array.from(node.querySelectorAll(selector)));
    for (const el of Array.from(node.querySelectorAll('*')))
      if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(root instanceof Element && root.shadowRoot ? root.shadowRoot : root);
  return out;
}

export function query(root: Element, selector: string): Element | undefined {
  return queryAll(root, selector)[0];
}

export function text(root: Element): string {
  return queryAll(root, '*')
    .filter((el) => el.childNodes.length > 0)
    .flatMap((el) =>
      Array.from(el.childNodes)
        .filter((n) => n.nodeType === 3)
        .map((n) => n.textContent),
    )
    .join(' ')
    .replace(/\s+/g, ' ');
}

export async function expectAccessible(element: Element): Promise<void> {
  await assertAccessible(element);
}

/** A base component by its `name` property (LWC sets public properties, not attributes). */
export function byName(root: Element, tag: string, name: string): HTMLElement | undefined {
  return queryAll(root, tag).find((el) => (el as HTMLElement & { name?: string }).name === name) as
    HTMLElement | undefined;
}

/** The actions a viewer can take right now: enabled buttons of the handoff. */
export function enabledActions(root: Element): string[] {
  return queryAll(root, '[data-id="actions"] lightning-button')
    .map((el) => el as HTMLElement & { name: string; disabled?: boolean })
    .filter((el) => !el.disabled)
    .map((el) => el.name)
    .sort();
}
