/** `from`, `size` and `track_total_hits` (spec §4.1, §4.4). */
import type { Total } from '@audit-gateway/ir';
import { dslError } from '../atlanErrors';
import { readInteger } from './jsonValues';

export const MAX_RESULT_WINDOW = 10_000;

export function parseFromSize(fromRaw: unknown, sizeRaw: unknown): { from: number; size: number } {
  const from = fromRaw === undefined ? 0 : readInteger(fromRaw, 'from');
  const size = sizeRaw === undefined ? 10 : readInteger(sizeRaw, 'size');
  if (from < 0)
    throw dslError(
      `[from] parameter cannot be negative, found [${from}]`,
      'illegal_argument_exception',
    );
  if (size < 0)
    throw dslError(
      `[size] parameter cannot be negative, found [${size}]`,
      'illegal_argument_exception',
    );
  if (from + size > MAX_RESULT_WINDOW) {
    throw dslError(
      `Result window is too large, from + size must be less than or equal to: [${MAX_RESULT_WINDOW}] but was [${from + size}]. ` +
        'See the scroll api for a more efficient way to request large data sets. ' +
        'This limit can be set by changing the [index.max_result_window] index level setting.',
      'illegal_argument_exception',
    );
  }
  return { from, size };
}

/** Absent → counted up to 10,000; true → exact; false or -1 → not tracked (`totalCount` -1). */
export function parseTrackTotalHits(raw: unknown): Total {
  if (raw === undefined) return { cap: MAX_RESULT_WINDOW };
  if (raw === true || raw === 'true') return 'exact';
  if (raw === false || raw === 'false') return 'none';
  const k = readInteger(raw, 'track_total_hits');
  if (k === -1) return 'none';
  if (k < -1) {
    throw dslError(
      `[track_total_hits] parameter must be positive or equals to -1, got ${k}`,
      'illegal_argument_exception',
    );
  }
  return { cap: k };
}
