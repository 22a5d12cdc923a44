/**
 * Splits a JSON array into its elements' bytes, incrementally, without parsing them: the HTTP path
 * feeds it one buffer, the CLI feeds it file chunks and keeps at most one element in memory. It
 * scans bytes, not characters: every structural character is ASCII and never occurs inside a UTF-8
 * multi-byte sequence. Element syntax is left to JSON.parse; the array's own syntax and the
 * gateway-wide nesting limit are checked here (spec/ingest.md §3.2, §3.4).
 */
import { BodySyntaxError, type RecordSlice } from './RecordSlice';

/** The array itself is level 1, so an element may nest 127 levels (gateway-wide limit 128). */
export const MAX_ARRAY_BODY_DEPTH = 128;

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

type Phase = 'open' | 'element' | 'elementOrClose' | 'commaOrClose' | 'done';

export class JsonArraySplitter {
  private phase: Phase;
  private carry: Buffer = Buffer.alloc(0);
  /** absolute offset of carry[0] */
  private base: number;
  private bomChecked: boolean;

  /** `resumeAt`: start just after a record that ended at this byte (next is `,` or `]`). */
  constructor(resumeAt?: number) {
    this.phase = resumeAt === undefined ? 'open' : 'commaOrClose';
    this.base = resumeAt ?? 0;
    this.bomChecked = resumeAt !== undefined;
  }

  get finished(): boolean {
    return this.phase === 'done';
  }

  push(chunk: Buffer): RecordSlice[] {
    this.carry = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    if (!this.bomChecked) {
      if (this.carry.length < 3) return [];
      this.bomChecked = true;
      if (this.carry[0] === 0xef && this.carry[1] === 0xbb && this.carry[2] === 0xbf) {
        this.carry = this.carry.subarray(3);
        this.base += 3;
      }
    }
    const out: RecordSlice[] = [];
    let i = 0;
    const buf = this.carry;
    while (i < buf.length) {
      const c = buf[i]!;
      if (WS.has(c)) {
        i++;
        continue;
      }
      const at = this.base + i;
      if (this.phase === 'done') throw new BodySyntaxError('Unexpected data after the array', at);
      if (this.phase === 'open') {
        if (c !== 0x5b) throw new BodySyntaxError('The body must be a JSON array', at);
        this.phase = 'elementOrClose';
        i++;
        continue;
      }
      if (this.phase === 'commaOrClose') {
        if (c === 0x2c) this.phase = 'element';
        else if (c === 0x5d) this.phase = 'done';
        else throw new BodySyntaxError("Expected ',' or ']' after an array element", at);
        i++;
        continue;
      }
      if (c === 0x5d && this.phase === 'elementOrClose') {
        this.phase = 'done';
        i++;
        continue;
      }
      const end = scanElement(buf, i);
      if (end === undefined) break; // incomplete: wait for more bytes
      if (end.depth > MAX_ARRAY_BODY_DEPTH - 1) {
        throw new BodySyntaxError(
          `The JSON body is nested deeper than ${MAX_ARRAY_BODY_DEPTH} levels`,
          at,
        );
      }
      out.push({
        bytes: Buffer.from(buf.subarray(i, end.next)),
        start: at,
        end: this.base + end.next,
        depth: end.depth,
      });
      this.phase = 'commaOrClose';
      i = end.next;
    }
    this.carry = buf.subarray(i);
    this.base += i;
    return out;
  }

  /** Input is over: anything but a closed array is a syntax error. */
  end(): void {
    if (!this.bomChecked && this.carry.length > 0) {
      this.bomChecked = true;
      this.push(Buffer.alloc(0));
    }
    if (this.phase === 'done') return;
    if (this.phase === 'open' && this.carry.length === 0) {
      throw new BodySyntaxError('The body is empty', this.base);
    }
    throw new BodySyntaxError('Unexpected end of JSON input', this.base + this.carry.length);
  }
}

/**
 * Finds where the element starting at `from` ends. A scalar ends at the first `,`, `]` or
 * whitespace outside a string; a container at its matching bracket. undefined: not complete yet.
 */
function scanElement(buf: Buffer, from: number): { next: number; depth: number } | undefined {
  let depth = 0;
  let max = 0;
  let inString = false;
  const first = buf[from]!;
  const scalar = first !== 0x7b && first !== 0x5b;
  for (let i = from; i < buf.length; i++) {
    const c = buf[i]!;
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) {
        inString = false;
        if (scalar) return { next: i + 1, depth: 0 };
      }
      continue;
    }
    if (c === 0x22) {
      inString = true;
      continue;
    }
    if (scalar) {
      if (c === 0x2c || c === 0x5d || WS.has(c)) return { next: i, depth: 0 };
      continue;
    }
    if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return { next: i + 1, depth: max };
    }
  }
  return undefined;
}
