/** One record's bytes as a splitter found them, with where it sits in the input. */
export interface RecordSlice {
  /** the record's text, undecoded */
  readonly bytes: Buffer;
  /** byte offset of its first byte in the whole input */
  readonly start: number;
  /**
   * the resume point after it: for a JSON array, the byte after the record; for NDJSON, the byte
   * after its line's newline (spec/ingest.md §9.4)
   */
  readonly end: number;
  /** NDJSON: physical line number, from 1 */
  readonly line?: number;
  /** deepest nesting inside the record, the record itself being level 1 (0 for a scalar) */
  readonly depth: number;
}

/** A syntax error in a JSON array body: where, and what the parser said. */
export class BodySyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte offset ${offset}`);
    this.name = 'BodySyntaxError';
  }
}
