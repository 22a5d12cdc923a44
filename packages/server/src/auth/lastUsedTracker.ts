/**
 * `last_used_at` (spec/credentials.md §5.4): written at most once a minute per credential and
 * replica, in the background, so it never fails or delays a request.
 */
import type { Db } from '@audit-gateway/store';
import type { Logger } from 'pino';
import { touchLastUsed } from '../credentials/credentialStore';

export class LastUsedTracker {
  private readonly written = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
    private readonly log: Logger,
    private readonly intervalMs = 60_000,
    private readonly maxEntries = 100_000,
  ) {}

  touch(credentialId: string): void {
    const now = this.clock();
    const last = this.written.get(credentialId);
    if (last !== undefined && now - last < this.intervalMs) return;
    this.written.delete(credentialId);
    this.written.set(credentialId, now);
    for (const oldest of this.written.keys()) {
      if (this.written.size <= this.maxEntries) break;
      this.written.delete(oldest);
    }
    // after the current tick, so the request that authenticated is not held up
    setImmediate(() => {
      touchLastUsed(this.db, credentialId, now).catch((err: unknown) =>
        this.log.warn({ err, credentialId }, 'could not update last_used_at'),
      );
    });
  }
}
