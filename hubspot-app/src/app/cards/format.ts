// The core's words and time format (from @handoff/shared/runtime), dressed in HubSpot's tag
// variants. The card keeps no words or formats of its own: the Salesforce panel uses the same ones.
import {
  formatDateTime,
  HANDOFF_STATUSES,
  TIMER_STATES,
  timerDisplay,
  type TimerView,
  type Tone,
} from '@handoff/shared/runtime';

export type TagVariant = 'danger' | 'warning' | 'info' | 'success' | 'default';

const VARIANT: Readonly<Record<Tone, TagVariant>> = {
  neutral: 'default',
  info: 'info',
  warning: 'warning',
  danger: 'danger',
  success: 'success',
};

export function variantOf(tone: Tone): TagVariant {
  return VARIANT[tone];
}

const tagged = <K extends string>(words: Readonly<Record<K, { label: string; tone: Tone }>>) =>
  Object.fromEntries(
    Object.entries<{ label: string; tone: Tone }>(words).map(([key, w]) => [
      key,
      { label: w.label, variant: VARIANT[w.tone] },
    ]),
  ) as Record<K, { label: string; variant: TagVariant }>;

export const TIMER_STATE = tagged(TIMER_STATES);
export const HANDOFF_STATUS: Record<string, { label: string; variant: TagVariant }> =
  tagged(HANDOFF_STATUSES);

/** The sentence beside a timer's tag, as both faces write it. */
export function timerDetail(timer: TimerView, timeZone: string): string {
  return timerDisplay(timer, timeZone).detail;
}

/** A time in the viewer's zone, in the core's one style. */
export function formatTime(at: number, timeZone: string): string {
  return formatDateTime(at, timeZone);
}
