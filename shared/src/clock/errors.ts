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
