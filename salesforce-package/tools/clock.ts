// The tools take time from a Clock, so tests and the sandbox move them with a manual one.
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
