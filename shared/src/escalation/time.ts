// Times in escalation text (task subjects and bodies, note titles).
import { formatDateTime } from '../display/format.js';

/**
 * The one formatter's time in a zone, the zone always named: a task is read away from the record,
 * in lists and e-mails, where "5:00 PM" alone could be anyone's. (An empty reference zone never
 * equals a real one, so formatDateTime names the zone.)
 */
export function namedTime(at: number, timeZone: string): string {
  return formatDateTime(at, { viewer: timeZone, reference: '' });
}
