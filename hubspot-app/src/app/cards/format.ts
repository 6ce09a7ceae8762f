// How times, durations and timer states read on the card. Times are shown in the portal's time zone
// (the card's context gives it), the zone HubSpot shows every other date of the record in.
import type { TimerView } from '@handoff/shared/runtime';

export function formatTime(at: number, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(at);
  } catch {
    // An unknown zone from the context must not blank the card: fall back to UTC and say so.
    return `${new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' }).format(at)} UTC`;
  }
}

/** "1 h 30 min", "45 min", "under a minute". Business days are not guessed: hours say it exactly. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return 'under a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export type TagVariant = 'danger' | 'warning' | 'info' | 'success' | 'default';

export const TIMER_STATE: Record<TimerView['state'], { label: string; variant: TagVariant }> = {
  pending: { label: 'Pending', variant: 'default' },
  running: { label: 'Running', variant: 'info' },
  paused: { label: 'Paused', variant: 'default' },
  at_risk: { label: 'At risk', variant: 'warning' },
  breached: { label: 'Breached', variant: 'danger' },
  met: { label: 'Met', variant: 'success' },
  met_late: { label: 'Met late', variant: 'warning' },
};

/** The sentence under a timer's tag: when it is due and how much time is left, in its own terms. */
export function timerDetail(timer: TimerView, timeZone: string): string {
  const kind = timer.calendarTimeZone === null ? '' : ' of business time';
  const due = timer.dueAt === null ? undefined : formatTime(timer.dueAt, timeZone);
  switch (timer.state) {
    case 'pending':
      return 'Not started yet.';
    case 'met':
    case 'met_late':
      return timer.completedAt === null
        ? 'Done.'
        : `Done ${formatTime(timer.completedAt, timeZone)}${due ? `; was due ${due}` : ''}.`;
    case 'breached':
      return `Was due ${due ?? 'earlier'}.`;
    case 'paused':
      return `Paused with ${formatDuration(timer.remainingMs)}${kind} left.`;
    default:
      return `Due ${due ?? 'later'}; ${formatDuration(timer.remainingMs)}${kind} left.`;
  }
}

export const HANDOFF_STATUS: Record<string, { label: string; variant: TagVariant }> = {
  not_started: { label: 'Not started', variant: 'default' },
  in_progress: { label: 'In progress', variant: 'info' },
  submitted: { label: 'Waiting for review', variant: 'warning' },
  accepted: { label: 'Accepted', variant: 'success' },
  rejected: { label: 'Rejected', variant: 'danger' },
};

/** A person as the view names them: by id only, so the viewer themself reads as "you". */
/** "you", the person's name when the view carries it, else their user id. */
export function who(
  userId: string,
  viewerId: string,
  people: Readonly<Record<string, string>> = {},
): string {
  if (userId === viewerId) return 'you';
  return people[userId] ?? `user ${userId}`;
}
