import { AuditError } from '@audit-gateway/ir';
import { parseDateFormat } from '../src/dates/dateFormats';
import { formatInstant, parseDateValue } from '../src/dates/parseDateValue';
import { parseTimeZone } from '../src/dates/timeZone';

const NOW = Date.parse('2024-03-12T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const parse = (v: unknown, roundUp: boolean, extra: { zone?: string; format?: string } = {}) =>
  iso(
    parseDateValue(v, {
      now: NOW,
      roundUp,
      zone: extra.zone ?? 'UTC',
      ...(extra.format ? { format: parseDateFormat(extra.format) } : {}),
    }),
  );

describe('missing components (spec §3.4.2)', () => {
  it.each([
    ['2024', '2024-01-01T00:00:00.000Z', '2024-01-01T23:59:59.999Z'],
    ['2024-03', '2024-03-01T00:00:00.000Z', '2024-03-01T23:59:59.999Z'],
    ['2024-03-14', '2024-03-14T00:00:00.000Z', '2024-03-14T23:59:59.999Z'],
    ['2024-03-14T10', '2024-03-14T10:00:00.000Z', '2024-03-14T10:59:59.999Z'],
    ['2024-03-14T23:59:59Z', '2024-03-14T23:59:59.000Z', '2024-03-14T23:59:59.999Z'],
    ['2024-03-14T23:59:59.5Z', '2024-03-14T23:59:59.500Z', '2024-03-14T23:59:59.500Z'],
    ['1710460799999', '2024-03-14T23:59:59.999Z', '2024-03-14T23:59:59.999Z'],
  ])('%s', (text, down, up) => {
    expect(parse(text, false)).toBe(down);
    expect(parse(text, true)).toBe(up);
  });
});

describe('date math (spec §3.4.3)', () => {
  it('rounds now per flag', () => {
    expect(parse('now/d', false)).toBe('2024-03-12T00:00:00.000Z');
    expect(parse('now/d', true)).toBe('2024-03-12T23:59:59.999Z');
    expect(parse('now-2d/d', false)).toBe('2024-03-10T00:00:00.000Z');
    expect(parse('now-1M', false)).toBe('2024-02-12T10:00:00.000Z');
  });
  it('clamps months and starts weeks on Monday', () => {
    expect(parse('2024-01-31||+1M', false)).toBe('2024-02-29T00:00:00.000Z');
    expect(parse('2024-03-10||/w', false)).toBe('2024-03-04T00:00:00.000Z');
    expect(parse('2024-03-10||/w', true)).toBe('2024-03-10T23:59:59.999Z');
    expect(parse('2024-03-14||/M', true)).toBe('2024-03-31T23:59:59.999Z');
  });
  it('rounds an anchor in the zone', () => {
    expect(parse('2024-03-12T02:00:00Z||/d', false, { zone: 'America/New_York' })).toBe(
      '2024-03-11T04:00:00.000Z',
    );
  });
  it.each([
    'now/2d',
    'now+1q',
    'now-1.5d',
    'now+1ms',
    'now-1x',
    '2024-13-01',
    '2024-3-9',
    'yesterday',
  ])('rejects %s', (v) => {
    expect(() => parse(v, false)).toThrow('failed to parse date field');
  });
});

describe('zones and formats (spec §3.4.5)', () => {
  it('interprets zone-less strings in the zone, explicit offsets win, epoch numbers ignore it', () => {
    expect(parse('2024-03-10T00:00:00', false, { zone: 'America/New_York' })).toBe(
      '2024-03-10T05:00:00.000Z',
    );
    expect(parse('2024-03-10T00:00:00Z', false, { zone: 'America/New_York' })).toBe(
      '2024-03-10T00:00:00.000Z',
    );
    expect(parse(1710046800000, false, { zone: '+05:00' })).toBe('2024-03-10T05:00:00.000Z');
  });
  it('parses custom and named formats', () => {
    expect(parse('09/03/2024', false, { format: 'dd/MM/yyyy' })).toBe('2024-03-09T00:00:00.000Z');
    expect(parse('09/03/2024', true, { format: 'dd/MM/yyyy' })).toBe('2024-03-09T23:59:59.999Z');
    expect(parse('1710115200', false, { format: 'epoch_second' })).toBe('2024-03-11T00:00:00.000Z');
  });
  it('rejects unknown formats and zones', () => {
    expect(() => parseDateFormat('bogus')).toThrow('Invalid format: [bogus]');
    expect(() => parseTimeZone('Mars/Base')).toThrow('Unknown time-zone ID: Mars/Base');
    expect(() => parseTimeZone('america/new_york')).toThrow(AuditError);
    expect(parseTimeZone('+05')).toBe('+05:00');
  });
  it('prints key_as_string in the zone', () => {
    const f = parseDateFormat('strict_date_optional_time');
    expect(formatInstant(1710046800000, f, 'America/New_York')).toBe(
      '2024-03-10T00:00:00.000-05:00',
    );
    expect(formatInstant(1710288000000, f, 'UTC')).toBe('2024-03-13T00:00:00.000Z');
    expect(formatInstant(1710288000000, parseDateFormat('yyyy-MM-dd'), 'UTC')).toBe('2024-03-13');
  });
});
