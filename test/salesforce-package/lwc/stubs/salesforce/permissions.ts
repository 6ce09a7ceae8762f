// The viewer's custom permissions in a component test (`@salesforce/customPermission/*`).
let granted = new Set<string>();
const listeners: (() => void)[] = [];

export function has(name: string): boolean {
  return granted.has(name);
}

export function onChange(listener: () => void): void {
  listeners.push(listener);
}

export function grant(names: readonly string[]): void {
  granted = new Set(names);
  for (const listener of listeners) listener();
}
