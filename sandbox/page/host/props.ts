// Every preview component declares the documented props it implements. In development a prop
// outside that list throws, so the card cannot use something the preview would silently ignore.
const DEV = process.env.NODE_ENV !== 'production';

export function checkProps(component: string, props: object, allowed: readonly string[]): void {
  if (!DEV) return;
  for (const name of Object.keys(props)) {
    if (name !== 'children' && !allowed.includes(name))
      throw new Error(
        `<${component}> got the prop "${name}", which the Handoff preview does not implement.`,
      );
  }
}

export function checkValue(
  component: string,
  prop: string,
  value: unknown,
  allowed: readonly unknown[],
): void {
  if (DEV && value !== undefined && !allowed.includes(value))
    throw new Error(
      `<${component} ${prop}="${String(value)}"> is not a documented value (${allowed.join(', ')}).`,
    );
}
