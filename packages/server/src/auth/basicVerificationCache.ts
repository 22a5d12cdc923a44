/**
 * The 60 s Basic verification cache (spec/credentials.md §5.3): a verified (name, password) pair
 * skips scrypt for a minute. Entries hold an HMAC under a key that lives only in this process and
 * the credential id, never a password. The credential row is still read on every request, so a
 * revocation is never outlived.
 */
import { createHmac, randomBytes } from 'node:crypto';

interface Entry {
  readonly credentialId: string;
  readonly at: number;
}

export class BasicVerificationCache {
  private readonly key = randomBytes(32);
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: () => number,
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** true when this pair was verified for this credential less than ttl ago */
  holds(name: string, password: string, credentialId: string): boolean {
    const e = this.entries.get(this.digest(name, password));
    return e !== undefined && e.credentialId === credentialId && this.clock() - e.at < this.ttlMs;
  }

  add(name: string, password: string, credentialId: string): void {
    const d = this.digest(name, password);
    this.entries.delete(d); // re-insert so Map order stays oldest-first
    this.entries.set(d, { credentialId, at: this.clock() });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  // length prefixes keep ("a:b", "c") and ("a", "b:c") apart
  private digest(name: string, password: string): string {
    const n = Buffer.from(name, 'utf8');
    const p = Buffer.from(password, 'utf8');
    const len = (b: Buffer) => {
      const l = Buffer.alloc(4);
      l.writeUInt32BE(b.length);
      return l;
    };
    return createHmac('sha256', this.key)
      .update(Buffer.concat([len(n), n, len(p), p]))
      .digest('base64');
  }
}
