// The one clock every part of the sandbox reads: emulator, backend, scanner and card.
import { useState } from 'react';
import { api } from './api.js';

export function ClockControls(props: {
  now: number;
  timeZone: string;
  onMoved: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [chosen, setChosen] = useState('');
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
        aria-label="Chosen instant (UTC)"
        data-testid="clock-input"
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
      />
      <button
        type="button"
        disabled={busy || chosen === ''}
        data-testid="clock-set"
        onClick={() => void move({ to: Date.parse(`${chosen}Z`) })}
      >
        Set (UTC)
      </button>
      {problem && (
        <span className="clock-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
