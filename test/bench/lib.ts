// Tiny benchmark harness: warm up, then run batches until a time budget is spent.
// Throughput is reported as operations per second of wall time on one core.
import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  opsPerSecond: number;
  iterations: number;
}

/** Runs `op(i)` repeatedly for about `budgetMs` and returns its throughput. */
export function measure(name: string, op: (i: number) => unknown, budgetMs = 1000): Measurement {
  let sink: unknown;
  for (let i = 0; i < 1000; i++) sink = op(i);
  let iterations = 0;
  let batch = 100;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < batch; i++) sink = op(iterations + i);
    iterations += batch;
    elapsed = performance.now() - start;
    if (elapsed < budgetMs / 10) batch *= 2;
  }
  keep(sink);
  return { name, opsPerSecond: (iterations / elapsed) * 1000, iterations };
}

let kept: unknown;
/** Keeps a result alive so the optimiser cannot drop the work that made it. */
function keep(value: unknown): void {
  kept = value;
}
export function lastKept(): unknown {
  return kept;
}

export function formatRate(opsPerSecond: number): string {
  return `${Math.round(opsPerSecond).toLocaleString('en-US')} ops/s`;
}

export function section(title: string): void {
  console.log(`\n## ${title}`);
}

export function line(label: string, value: string): void {
  console.log(`${label.padEnd(56)} ${value}`);
}
