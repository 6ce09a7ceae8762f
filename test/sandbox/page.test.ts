// The sandbox page's own logic, without a browser: its addresses (which deal, company or tab, as
// whom) and the clock's "Set", which takes the portal's local time as every time on the page does.
import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from '../../sandbox/page/route.js';
import { instantOfWallTime, wallTimeOf } from '../../sandbox/page/zoned-time.js';

const at = (href: string) => {
  const url = new URL(href, 'http://127.0.0.1');
  return parseRoute({ pathname: url.pathname, search: url.search });
};

describe('the page address', () => {
  it.each([
    ['/deals/30000017?viewer=cs1', { view: 'deals', id: '30000017', viewer: 'cs1' }],
    ['/companies/20000003?viewer=admin', { view: 'company', id: '20000003', viewer: 'admin' }],
    ['/contacts/30000077?viewer=sdr1', { view: 'contact', id: '30000077', viewer: 'sdr1' }],
    ['/settings?viewer=guest', { view: 'settings', viewer: 'guest' }],
    ['/dashboard', { view: 'dashboard' }],
    ['/app?viewer=cs1', { view: 'app', viewer: 'cs1' }],
    ['/app/dashboard?viewer=admin', { view: 'app', id: 'dashboard', viewer: 'admin' }],
    ['/', { view: 'deals' }],
  ])(
    'when the address is %s, then the page opens %o, and writes the same address back',
    (href, route) => {
      expect(at(href)).toEqual(route);
      expect(hrefOf(at(href))).toBe(href);
    },
  );
});

describe("the clock's Set field", () => {
  it('when a New York wall time is chosen in winter, then it is that instant (EST, UTC−5), not UTC', () => {
    expect(instantOfWallTime('2026-11-17T14:30', 'America/New_York')).toBe(
      Date.parse('2026-11-17T19:30:00Z'),
    );
  });

  it('when a New York wall time is chosen in summer, then it is that instant (EDT, UTC−4)', () => {
    expect(instantOfWallTime('2026-07-01T09:00', 'America/New_York')).toBe(
      Date.parse('2026-07-01T13:00:00Z'),
    );
  });

  it('when the field starts, then it shows the clock in the same zone, and reads back to the same minute', () => {
    const now = Date.parse('2026-11-17T16:00:00Z');
    expect(wallTimeOf(now, 'America/New_York')).toBe('2026-11-17T11:00');
    expect(instantOfWallTime(wallTimeOf(now, 'America/New_York'), 'America/New_York')).toBe(now);
  });

  it('when the wall time is skipped by the spring-forward jump, then it moves on by the gap (02:30 → 03:30 EDT), as the SLA calendars read it', () => {
    const instant = instantOfWallTime('2026-03-08T02:30', 'America/New_York');
    expect(instant).toBe(Date.parse('2026-03-08T07:30:00Z'));
    expect(wallTimeOf(instant, 'America/New_York')).toBe('2026-03-08T03:30');
  });

  it('when the wall time is shown twice in the fall-back hour, then it is the first of the two (EDT)', () => {
    expect(instantOfWallTime('2026-11-01T01:30', 'America/New_York')).toBe(
      Date.parse('2026-11-01T05:30:00Z'),
    );
  });

  it('when the field is empty or not a time, then there is no instant to move to', () => {
    expect(instantOfWallTime('', 'America/New_York')).toBeNaN();
    expect(instantOfWallTime('tomorrow', 'America/New_York')).toBeNaN();
  });
});
