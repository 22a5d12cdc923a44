/** One problem with one record, as the 422 lists it (spec/ingest.md §4.4). */
export interface RecordError {
  readonly index: number;
  /** NDJSON only: the physical line */
  readonly line?: number;
  /** RFC 6901 pointer into the record; "" is the record as a whole */
  readonly pointer: string;
  readonly reason: string;
}

export const MAX_ERRORS_PER_RECORD = 10;

/** Sorted by index, then pointer; at most 10 per record; one per (index, pointer, reason). */
export function orderRecordErrors(errors: readonly RecordError[]): RecordError[] {
  const seen = new Set<string>();
  const perRecord = new Map<number, number>();
  const sorted = [...errors].sort((a, b) =>
    a.index !== b.index
      ? a.index - b.index
      : a.pointer < b.pointer
        ? -1
        : a.pointer > b.pointer
          ? 1
          : 0,
  );
  const out: RecordError[] = [];
  for (const e of sorted) {
    const key = `${e.index}\u0000${e.pointer}\u0000${e.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const n = perRecord.get(e.index) ?? 0;
    if (n >= MAX_ERRORS_PER_RECORD) continue;
    perRecord.set(e.index, n + 1);
    out.push(e);
  }
  return out;
}
