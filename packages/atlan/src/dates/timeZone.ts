/**
 * `time_zone` values (spec §3.4.5): `Z`, `UTC`, `GMT`, `±HH`, `±HH:mm`, `±HHmm`, or an IANA id
 * (case-sensitive). Normalised to the string form the IR carries (`UTC`, `+05:30`, `Europe/Paris`).
 */
import { FixedOffsetZone, IANAZone, type Zone } from 'luxon';
import { dslError } from '../atlanErrors';

const OFFSET = /^([+-])(\d{2})(?::?(\d{2}))?$/;

export function parseTimeZone(value: unknown): string {
  if (typeof value !== 'string') throw unknownZone(JSON.stringify(value) ?? String(value));
  if (value === 'Z' || value === 'UTC' || value === 'GMT') return 'UTC';
  const m = OFFSET.exec(value);
  if (m) {
    const hours = Number(m[2]);
    const minutes = Number(m[3] ?? '0');
    if (hours > 18 || minutes > 59) throw unknownZone(value);
    if (hours === 0 && minutes === 0) return 'UTC';
    return `${m[1]}${m[2]}:${m[3] ?? '00'}`;
  }
  if (/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value) && IANAZone.isValidZone(value)) {
    // Intl accepts any case; ES does not, so the id must be written as its canonical spelling
    // (aliases such as Asia/Calcutta resolve to another name and are accepted as written)
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions()
      .timeZone;
    if (resolved === value || resolved.toLowerCase() !== value.toLowerCase()) return value;
  }
  throw unknownZone(value);
}

function unknownZone(value: string) {
  return dslError(`Unknown time-zone ID: ${value}`, 'illegal_argument_exception');
}

/** The luxon zone of a normalised zone string. */
export function toZone(zone: string): Zone {
  if (zone === 'UTC') return FixedOffsetZone.utcInstance;
  const m = OFFSET.exec(zone);
  if (m) {
    const sign = m[1] === '-' ? -1 : 1;
    return FixedOffsetZone.instance(sign * (Number(m[2]) * 60 + Number(m[3] ?? '0')));
  }
  return IANAZone.create(zone);
}
