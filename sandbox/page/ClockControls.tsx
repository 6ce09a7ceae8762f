// The one clock every part of the sandbox reads: emulator, backend, scanner and card.
import { useEffect, useState } from 'react';
import { api } from './api.js';
import { instantOfWallTime, wallTimeOf } from './zoned-time.js';

export function ClockControls(props: {
  now: number;
  timeZone: string;
  onMoved: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  // Starts at the clock's own time, in the same zone as every time the page shows.
  const [chosen, setChosen] = useState(() => wallTimeOf(props.now, props.timeZone));
  useEffect(() => setChosen(wallTimeOf(props.now, props.timeZone)), [props.now, props.timeZone]);
  const move = async (m: Parameters<typeof api.moveClock>[0]) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await api.moveClock(m);
      await props.onMoved();
    } catch (e) {
      setProblem((e as Error).message);
    }
    setBusy(false);
  };
  const shown = new Intl.DateTimeFormat('en-US', {
    timeZone: props.timeZone,
    weekday: 'short',
    dateStyle: undefined,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(props.now);
  const zone = new Intl.DateTimeFormat('en-US', { timeZone: props.timeZone, timeZoneName: 'long' })
    .formatToParts(props.now)
    .find((p) => p.type === 'timeZoneName')?.value;
  return (
    <div className="control clock">
      <span>Now</span>
      <strong data-testid="clock-now">{shown}</strong>
      <button
        type="button"
        disabled={busy}
        data-testid="clock-hour"
        onClick={() => void move({ by: 'hour' })}
      >
        +1 hour
      </button>
      <button
        type="button"
        disabled={busy}
        data-testid="clock-day"
        onClick={() => void move({ by: 'business_day' })}
      >
        +1 business day
      </button>
      <input
        type="datetime-local"
        aria-label={`Move the clock to (${zone ?? props.timeZone})`}
        title={`${zone ?? props.timeZone} (${props.timeZone})`}
        data-testid="clock-input"
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
      />
      <button
        type="button"
        disabled={busy || chosen === ''}
        data-testid="clock-set"
        onClick={() => void move({ to: instantOfWallTime(chosen, props.timeZone) })}
      >
        Set
      </button>
      {problem && (
        <span className="clock-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
