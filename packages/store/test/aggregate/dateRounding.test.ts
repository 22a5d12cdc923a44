import { localToInstant, nextKey, parseZone, roundDate } from '../../src/aggregate/dateRounding';

const iso = (s: string) => Date.parse(s);
const NY = parseZone('America/New_York');
const BERLIN = parseZone('Europe/Berlin');
const UTC = parseZone('UTC');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('roundDate', () => {
  test('UTC day and Monday weeks', () => {
    expect(roundDate(iso('2024-03-12T10:00:00Z'), { calendar: 'day' }, UTC, 0)).toBe(
      iso('2024-03-12T00:00:00Z'),
    );
    expect(roundDate(iso('2024-03-14T10:00:00Z'), { calendar: 'week' }, UTC, 0)).toBe(
      iso('2024-03-11T00:00:00Z'),
    );
    expect(roundDate(iso('2024-05-14T10:00:00Z'), { calendar: 'quarter' }, UTC, 0)).toBe(
      iso('2024-04-01T00:00:00Z'),
    );
  });

  test('fixed 7d buckets start on Thursdays in UTC (counted from 1970-01-01)', () => {
    expect(roundDate(iso('2024-03-16T10:00:00Z'), { fixedMs: 7 * DAY }, UTC, 0)).toBe(
      iso('2024-03-14T00:00:00Z'),
    );
  });

  test('offset is applied around rounding: key = round(t − offset) + offset', () => {
    expect(roundDate(iso('2024-03-12T05:00:00Z'), { calendar: 'day' }, UTC, 6 * HOUR)).toBe(
      iso('2024-03-11T06:00:00Z'),
    );
    expect(roundDate(iso('2024-03-12T07:00:00Z'), { calendar: 'day' }, UTC, 6 * HOUR)).toBe(
      iso('2024-03-12T06:00:00Z'),
    );
  });

  test('fixed-offset zones', () => {
    const z = parseZone('+05:30');
    expect(roundDate(iso('2024-03-12T20:00:00Z'), { calendar: 'day' }, z, 0)).toBe(
      iso('2024-03-12T18:30:00Z'),
    );
    expect(parseZone('-0800')).toEqual({ kind: 'fixed', offsetMs: -8 * HOUR });
  });

  test('a local day on a DST change: New York spring (23 h) and Berlin fall (25 h)', () => {
    const spring = roundDate(iso('2024-03-10T12:00:00Z'), { calendar: 'day' }, NY, 0);
    expect(spring).toBe(iso('2024-03-10T05:00:00Z'));
    expect(nextKey(spring, { calendar: 'day' }, NY, 0)).toBe(iso('2024-03-11T04:00:00Z'));
    const fall = roundDate(iso('2024-10-27T12:00:00Z'), { fixedMs: DAY }, BERLIN, 0);
    expect(fall).toBe(iso('2024-10-26T22:00:00Z'));
    expect(nextKey(fall, { fixedMs: DAY }, BERLIN, 0)).toBe(iso('2024-10-27T23:00:00Z'));
  });

  test('the repeated fall-back hour gives two hourly buckets', () => {
    expect(roundDate(iso('2024-11-03T05:30:00Z'), { calendar: 'hour' }, NY, 0)).toBe(
      iso('2024-11-03T05:00:00Z'),
    );
    expect(roundDate(iso('2024-11-03T06:30:00Z'), { calendar: 'hour' }, NY, 0)).toBe(
      iso('2024-11-03T06:00:00Z'),
    );
    expect(nextKey(iso('2024-11-03T05:00:00Z'), { calendar: 'hour' }, NY, 0)).toBe(
      iso('2024-11-03T06:00:00Z'),
    );
  });

  test('months follow the local calendar', () => {
    expect(roundDate(iso('2024-03-15T00:00:00Z'), { calendar: 'month' }, NY, 0)).toBe(
      iso('2024-03-01T05:00:00Z'),
    );
    expect(nextKey(iso('2024-03-01T05:00:00Z'), { calendar: 'month' }, NY, 0)).toBe(
      iso('2024-04-01T04:00:00Z'),
    );
  });

  test('a wall time inside a spring-forward gap maps to the transition instant', () => {
    expect(localToInstant(NY, iso('2024-03-10T02:30:00Z'), iso('2024-03-10T08:00:00Z'))).toBe(
      iso('2024-03-10T07:00:00Z'),
    );
  });

  test('unknown zones are a 400', () => {
    expect(() => parseZone('Mars/Base')).toThrow('Unknown time-zone ID: Mars/Base');
  });
});
