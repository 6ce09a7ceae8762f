import { MAX_INSTANT, MIN_INSTANT } from './wallclock.js';

/**
 * A calendar definition that cannot be compiled. `path` names the offending part inside the
 * definition (e.g. `['weekly', 'mon', 0, 1]`) so a playbook parser can point at the exact spot.
 */
export class CalendarError extends Error {
  readonly path: Array<string | number>;

  constructor(message: string, path: Array<string | number>) {
    super(message);
    this.name = 'CalendarError';
    this.path = path;
  }
}

function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

/**
 * Refuses at once what is not a whole epoch millisecond within years 1–9999 (UTC): a NaN or an
 * infinity would otherwise loop for ever or answer nonsense, and Intl has no year 0.
 */
export function checkInstant(fn: string, name: string, value: unknown): void {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < MIN_INSTANT ||
    value > MAX_INSTANT
  ) {
    throw new RangeError(
      `${fn} needs ${name} as whole epoch milliseconds within years 1–9999 (${MIN_INSTANT} to ${MAX_INSTANT}), got ${describe(value)}.`,
    );
  }
}

/** Refuses a duration that is not a whole number of milliseconds (NaN, ±Infinity, 1.5). */
export function checkDuration(fn: string, name: string, value: unknown, min = -Infinity): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    const bound = min === 0 ? ' of 0 or more' : '';
    throw new RangeError(
      `${fn} needs ${name} as a whole number of milliseconds${bound}, got ${describe(value)}.`,
    );
  }
}
