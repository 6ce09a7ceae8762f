// Sorted lists of half-open instant ranges stored flat as [start0, end0, start1, end1, …].

/** Sorts ranges by start and joins the ones that overlap or touch. */
export function union(ranges: number[]): number[] {
  const count = ranges.length / 2;
  if (count <= 1) return ranges.slice();
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => (ranges[2 * a] as number) - (ranges[2 * b] as number));
  const merged: number[] = [];
  for (const i of order) {
    const start = ranges[2 * i] as number;
    const end = ranges[2 * i + 1] as number;
    const last = merged.length - 1;
    if (last > 0 && start <= (merged[last] as number)) {
      if (end > (merged[last] as number)) merged[last] = end;
    } else {
      merged.push(start, end);
    }
  }
  return merged;
}

/** `open` minus `closed`; both sorted and disjoint. */
export function subtract(open: number[], closed: number[]): number[] {
  if (closed.length === 0) return open;
  const result: number[] = [];
  let c = 0;
  for (let i = 0; i < open.length; i += 2) {
    let start = open[i] as number;
    const end = open[i + 1] as number;
    while (c < closed.length && (closed[c + 1] as number) <= start) c += 2;
    let k = c;
    while (k < closed.length && (closed[k] as number) < end) {
      const closedStart = closed[k] as number;
      if (closedStart > start) result.push(start, closedStart);
      start = Math.max(start, closed[k + 1] as number);
      k += 2;
    }
    if (start < end) result.push(start, end);
  }
  return result;
}
