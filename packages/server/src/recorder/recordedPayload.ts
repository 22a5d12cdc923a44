/**
 * The recorded `payload` (spec/atomic-audit-log.md §9.6): the body as redacted JSON text, decided by
 * its content type, or a JSON marker saying why it was not recorded; then capped at 64 KiB of
 * UTF-8. Redaction runs before the cut, so a secret can never straddle it. Raw, unparsed text is
 * never stored: it could hold a secret under no key at all.
 */
import { pairsToObject } from './queryObject';
import { stringifyRedacted } from './stringifyRedacted';

export const PAYLOAD_CAP_BYTES = 65_536;

export type UnrecordedReason = 'not-read' | 'unparsable' | 'unsupported-content-type';

export interface PayloadInput {
  /** the body as read; undefined when it was not read */
  readonly body: Buffer | undefined;
  readonly contentType: string | undefined;
}

function marker(
  reason: UnrecordedReason,
  contentType: string | undefined,
  bytes: number | null,
): string {
  return JSON.stringify({ _unrecorded: reason, contentType: contentType ?? null, bytes });
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Each serialiser parses the whole body (so malformed input is still "unparsable"), but stops
 * writing text a little past the cap; capPayload() then makes the exact cut.
 */
const BUDGET = PAYLOAD_CAP_BYTES + 1;

function ndjson(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const out: string[] = [];
  let used = 0;
  for (const line of lines) {
    const value: unknown = JSON.parse(line); // every line is checked, also past the cap
    if (used <= BUDGET) {
      const s = stringifyRedacted(value, BUDGET - used);
      out.push(s);
      used += s.length + 1;
    }
  }
  return out.join('\n');
}

const SERIALISERS = new Map<string, (text: string) => string>([
  ['application/json', (text) => stringifyRedacted(JSON.parse(text), BUDGET)],
  ['application/x-ndjson', ndjson],
  [
    'application/x-www-form-urlencoded',
    (text) => stringifyRedacted(pairsToObject([...new URLSearchParams(text)]), BUDGET),
  ],
]);

function serialiserFor(type: string): ((text: string) => string) | undefined {
  return (
    SERIALISERS.get(type) ??
    (/^[^/\s]+\/[^/\s]+\+json$/.test(type) ? SERIALISERS.get('application/json') : undefined)
  );
}

export function recordedPayload(input: PayloadInput): string | null {
  const { body, contentType } = input;
  if (body === undefined) {
    // a request without content type almost never carries a body (a GET): nothing to say
    return contentType === undefined ? null : marker('not-read', contentType, null);
  }
  if (body.length === 0) return null;
  const serialise = serialiserFor(mediaType(contentType ?? ''));
  if (!serialise) return marker('unsupported-content-type', contentType, body.length);
  let text: string;
  try {
    text = serialise(body.toString('utf8'));
  } catch {
    return marker('unparsable', contentType, body.length);
  }
  return capPayload(text, body.length);
}

/** Cuts at a UTF-8 character boundary, leaving room for the marker within the cap. */
export function capPayload(text: string, bodyBytes: number): string {
  if (text.length <= PAYLOAD_CAP_BYTES / 4 || Buffer.byteLength(text, 'utf8') <= PAYLOAD_CAP_BYTES)
    return text;
  const suffix = `...[truncated; request body was ${bodyBytes} bytes]`;
  const room = PAYLOAD_CAP_BYTES - Buffer.byteLength(suffix, 'utf8');
  const bytes = Buffer.from(text.slice(0, room), 'utf8');
  let end = Math.min(room, bytes.length);
  // step back over continuation bytes (10xxxxxx) so no character is split
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8') + suffix;
}
