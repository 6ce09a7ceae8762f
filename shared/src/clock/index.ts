export { compileCalendar, type CalendarDef } from './compile.js';
export type { Calendar } from './calendar.js';
export { CalendarError } from './errors.js';
export { addBusinessTime, businessTimeBetween, isOpen, nextOpen } from './arithmetic.js';
export { endOfBusinessDay } from './business-day.js';
export { zoneFor, type Zone } from './zone.js';
export type { Weekday } from './wallclock.js';
