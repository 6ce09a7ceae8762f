// The tools' settings from the environment: the scanner's bulk threshold, with the same kind of
// sentence as every other setting when it is wrong.
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../salesforce-package/tools/config.js';

const signedIn = { SF_ACCESS_TOKEN: 'token', SF_INSTANCE_URL: 'https://example.my.salesforce.com' };

describe('HANDOFF_SCAN_BULK_THRESHOLD', () => {
  it('defaults to 50,000 candidate opportunities', () => {
    expect(readConfig(signedIn).bulkThreshold).toBe(50_000);
  });

  it.each([
    ['2000', 2000],
    ['120000', 120_000],
    [' 5000 ', 5000],
  ])('takes %j as %d', (value, expected) => {
    expect(readConfig({ ...signedIn, HANDOFF_SCAN_BULK_THRESHOLD: value }).bulkThreshold).toBe(
      expected,
    );
  });

  it.each(['1999', '0', '-5000', '2500.5', '5e4', 'lots', '', '99999999999999999999'])(
    'refuses %j, naming the setting and what it takes',
    (value) => {
      const read = () => readConfig({ ...signedIn, HANDOFF_SCAN_BULK_THRESHOLD: value });
      expect(read).toThrow(ConfigError);
      expect(read).toThrow(
        `HANDOFF_SCAN_BULK_THRESHOLD must be a whole number of opportunities, 2000 or more, not "${value}"`,
      );
    },
  );
});
