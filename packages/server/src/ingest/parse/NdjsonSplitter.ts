/**
 * Splits NDJSON into lines, incrementally (spec/ingest.md §3.3): `\n` separates, a `\r` before it is
 * dropped, the last line may lack a newline, whitespace-only lines are skipped but still counted as
 * physical lines. Each non-blank line is one record; parsing is the caller's.
 */
import { scanDepth } from '../../http/scanDepth';
import type { RecordSlice } from './RecordSlice';

const isBlank = (b: Buffer): boolean => b.every((c) => c === 0x20 || c === 0x09 || c === 0x0d);

export class NdjsonSplitter {
  private carry: Buffer = Buffer.alloc(0);
  private base: number;
  private line: number;
  private bomChecked: boolean;

  /** `resumeAt`: a byte offset just after a newline; line numbers then count from there. */
  constructor(resumeAt?: number) {
    this.base = resumeAt ?? 0;
    this.line = 0;
    this.bomChecked = resumeAt !== undefined;
  }

  push(chunk: Buffer): RecordSlice[] {
    this.carry = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    if (!this.bomChecked) {
      if (this.carry.length < 3) return [];
      this.stripBom();
    }
    const out: RecordSlice[] = [];
    let from = 0;
    for (;;) {
      const nl = this.carry.indexOf(0x0a, from);
      if (nl < 0) break;
      this.emit(out, from, nl, nl + 1);
      from = nl + 1;
    }
    this.carry = this.carry.subarray(from);
    this.base += from;
    return out;
  }

  end(): RecordSlice[] {
    if (!this.bomChecked) this.stripBom();
    const out: RecordSlice[] = [];
    if (this.carry.length > 0) this.emit(out, 0, this.carry.length, this.carry.length);
    this.base += this.carry.length;
    this.carry = Buffer.alloc(0);
    return out;
  }

  private stripBom(): void {
    this.bomChecked = true;
    if (this.carry[0] === 0xef && this.carry[1] === 0xbb && this.carry[2] === 0xbf) {
      this.carry = this.carry.subarray(3);
      this.base += 3;
    }
  }

  private emit(out: RecordSlice[], from: number, to: number, next: number): void {
    this.line++;
    let stop = to;
    if (stop > from && this.carry[stop - 1] === 0x0d) stop--;
    const bytes = this.carry.subarray(from, stop);
    if (isBlank(bytes)) return;
    out.push({
      bytes: Buffer.from(bytes),
      start: this.base + from,
      end: this.base + next,
      line: this.line,
      depth: scanDepth(bytes),
    });
  }
}
