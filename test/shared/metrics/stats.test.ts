// The statistics metrics report: nearest-rank percentiles and the median.
import { describe, expect, it } from 'vitest';
import { median, percentile } from '../../../shared/src/metrics/index.js';

describe('percentile (nearest rank)', () => {
  it('when p90 is taken of ten values, then it is the ninth smallest, not an interpolation', () => {
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 91)).toBe(10);
    expect(percentile(values, 100)).toBe(10);
  });

  it('when p90 is taken of two values, then it is the larger one (rank ⌈0.9 × 2⌉ = 2)', () => {
    expect(percentile([3, 15], 90)).toBe(15);
  });

  it('when there are no values, then there is no percentile', () => {
    expect(percentile([], 90)).toBeNull();
  });
});

describe('median', () => {
  it('when the count is even, then it is the mean of the two middle values', () => {
    expect(median([3, 15])).toBe(9);
    expect(median([4, 1, 3])).toBe(3);
  });
});
