import { describe, expect, it } from 'vitest';
import { computeLossDeadlines, endOfLocalDay, isFederalBusinessDay, listObservedFederalHolidays, toLocalDate } from './loss-deadlines.ts';

/**
 * 21 CFR 1301.76(b) (DOMAIN.md 10): notice within one business day of discovery, Form 106 within 45 days.
 * Holiday dates below were checked against the OPM federal holiday calendars for 2025 and 2026 [M].
 * New York is UTC-5 (EST) until 9 Mar 2025 and UTC-4 (EDT) until 2 Nov 2025.
 */
describe('listObservedFederalHolidays', () => {
  it.each([
    [
      2025,
      [
        '2025-01-01',
        '2025-01-20',
        '2025-02-17',
        '2025-05-26',
        '2025-06-19',
        '2025-07-04',
        '2025-09-01',
        '2025-10-13',
        '2025-11-11',
        '2025-11-27',
        '2025-12-25',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-01-19',
        '2026-02-16',
        '2026-05-25',
        '2026-06-19',
        '2026-07-03',
        '2026-09-07',
        '2026-10-12',
        '2026-11-11',
        '2026-11-26',
        '2026-12-25',
      ],
    ],
    // 2022: New Year's Day on a Saturday -> Friday 31 Dec 2021; Christmas on a Sunday -> Monday 26 Dec.
    [
      2022,
      [
        '2021-12-31',
        '2022-01-17',
        '2022-02-21',
        '2022-05-30',
        '2022-06-20',
        '2022-07-04',
        '2022-09-05',
        '2022-10-10',
        '2022-11-11',
        '2022-11-24',
        '2022-12-26',
      ],
    ],
  ])('lists the observed holidays of %d', (year, expected) => {
    expect(listObservedFederalHolidays(year)).toEqual(expected);
  });
});

describe('isFederalBusinessDay', () => {
  it.each([
    ['2025-03-10', true], // Monday
    ['2025-03-14', true], // Friday
    ['2025-03-15', false], // Saturday
    ['2025-03-16', false], // Sunday
    ['2025-11-27', false], // Thanksgiving
    ['2025-11-28', true], // the Friday after Thanksgiving is not a federal holiday
    ['2021-12-31', false], // New Year's Day 2022 observed (holiday of the next year)
    ['2027-06-18', false], // Juneteenth 2027 falls on a Saturday -> Friday
    ['2026-07-03', false], // Independence Day 2026 on a Saturday -> Friday
  ])('%s is a business day: %s', (day, expected) => {
    expect(isFederalBusinessDay(day)).toBe(expected);
  });

  it('throws for a malformed or impossible date (programmer error)', () => {
    expect(() => isFederalBusinessDay('2025-02-30')).toThrow(RangeError);
    expect(() => isFederalBusinessDay('20250301')).toThrow(RangeError);
  });
});

describe('computeLossDeadlines', () => {
  it.each([
    // Monday 11:00 New York -> notice due end of Tuesday (EDT), Form 106 end of 24 April (10 Mar + 45 days).
    ['2025-03-10T15:00:00.000Z', 'America/New_York', '2025-03-12T03:59:59.999Z', '2025-04-25T03:59:59.999Z'],
    // Friday -> Monday.
    ['2025-03-14T15:00:00.000Z', 'America/New_York', '2025-03-18T03:59:59.999Z', '2025-04-29T03:59:59.999Z'],
    // Saturday discovery -> Monday.
    ['2025-03-15T15:00:00.000Z', 'America/New_York', '2025-03-18T03:59:59.999Z', '2025-04-30T03:59:59.999Z'],
    // 22:00 Wednesday in New York is already Thursday in UTC: the clinic's day decides.
    ['2025-03-13T02:00:00.000Z', 'America/New_York', '2025-03-14T03:59:59.999Z', '2025-04-27T03:59:59.999Z'],
    ['2025-03-13T02:00:00.000Z', 'UTC', '2025-03-14T23:59:59.999Z', '2025-04-27T23:59:59.999Z'],
    // Wednesday before Thanksgiving -> Friday 28 Nov (EST).
    ['2025-11-26T17:00:00.000Z', 'America/New_York', '2025-11-29T04:59:59.999Z', '2026-01-11T04:59:59.999Z'],
    // Thursday 2 Jul 2026 -> Friday 3 Jul observed holiday, weekend -> Monday 6 Jul (Los Angeles, PDT).
    ['2026-07-02T18:00:00.000Z', 'America/Los_Angeles', '2026-07-07T06:59:59.999Z', '2026-08-17T06:59:59.999Z'],
    // Friday 23 Dec 2022 -> Monday 26 Dec observed Christmas -> Tuesday 27 Dec (Chicago, CST).
    ['2022-12-23T16:00:00.000Z', 'America/Chicago', '2022-12-28T05:59:59.999Z', '2023-02-07T05:59:59.999Z'],
    // Thursday 30 Dec 2021 -> Friday 31 Dec is New Year 2022 observed -> Monday 3 Jan 2022 (Phoenix, no DST, UTC-7).
    ['2021-12-30T16:00:00.000Z', 'America/Phoenix', '2022-01-04T06:59:59.999Z', '2022-02-14T06:59:59.999Z'],
    // Friday 16 Jan 2026 -> Monday 19 Jan is MLK Day -> Tuesday 20 Jan (Honolulu, UTC-10).
    ['2026-01-16T20:00:00.000Z', 'Pacific/Honolulu', '2026-01-21T09:59:59.999Z', '2026-03-03T09:59:59.999Z'],
    // Form 106 deadline across the spring-forward change: 30 Jan + 45 = 16 Mar 2025 (EDT).
    ['2025-01-30T15:00:00.000Z', 'America/New_York', '2025-02-01T04:59:59.999Z', '2025-03-17T03:59:59.999Z'],
    // A local offset in the input means the same instant: 23:30 Monday in New York.
    ['2025-03-10T23:30:00-04:00', 'America/New_York', '2025-03-12T03:59:59.999Z', '2025-04-25T03:59:59.999Z'],
  ])('discovered %s in %s: notice by %s, Form 106 by %s', (discoveredAt, timeZone, notice, form106) => {
    expect(computeLossDeadlines(discoveredAt, timeZone)).toEqual({ deaNoticeDueAt: notice, form106DueAt: form106 });
  });

  it('refuses an instant without an offset, an unparseable instant and an unknown time zone', () => {
    expect(() => computeLossDeadlines('2025-03-10T10:00:00', 'America/New_York')).toThrow(RangeError);
    expect(() => computeLossDeadlines('yesterday', 'America/New_York')).toThrow(RangeError);
    expect(() => computeLossDeadlines('2025-03-10T10:00:00Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('toLocalDate and endOfLocalDay', () => {
  it.each([
    ['2025-03-13T02:00:00.000Z', 'America/New_York', '2025-03-12'],
    ['2025-03-13T02:00:00.000Z', 'Asia/Tokyo', '2025-03-13'],
    ['2025-03-12T23:00:00.000Z', 'Europe/Berlin', '2025-03-13'],
  ])('%s is local day %s in %s', (instant, zone, day) => {
    expect(toLocalDate(instant, zone)).toBe(day);
  });

  it.each([
    ['2025-11-02', 'America/New_York', '2025-11-03T04:59:59.999Z'], // fall-back day: the day ends in EST
    ['2025-03-09', 'America/New_York', '2025-03-10T03:59:59.999Z'], // spring-forward day: ends in EDT
    ['2025-03-09', 'Australia/Lord_Howe', '2025-03-09T12:59:59.999Z'], // a half-hour DST zone (UTC+11 in March)
    ['2025-03-09', 'Asia/Kolkata', '2025-03-09T18:29:59.999Z'],
  ])('the end of %s in %s is %s', (day, zone, instant) => {
    expect(endOfLocalDay(day, zone)).toBe(instant);
  });

  it('picks the earlier reading when clocks jump over the end of the day (Samoa skipped 30 Dec 2011)', () => {
    // 29 Dec 2011 23:59:59.999 in Apia (UTC-10) was followed directly by 31 Dec 00:00 (UTC+14).
    expect(endOfLocalDay('2011-12-29', 'Pacific/Apia')).toBe('2011-12-30T09:59:59.999Z');
    const skipped = endOfLocalDay('2011-12-30', 'Pacific/Apia');
    expect(Date.parse(skipped)).toBeLessThanOrEqual(Date.parse('2011-12-30T10:00:00.000Z'));
  });
});
