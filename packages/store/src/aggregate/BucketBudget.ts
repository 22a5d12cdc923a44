import { AuditError } from '@audit-gateway/ir';

export const MAX_BUCKETS = 65_536;

/** Counts every bucket of one response (all levels, gap-filled and empty ones too; spec §5.1). */
export class BucketBudget {
  private count = 0;

  constructor(private readonly max: number = MAX_BUCKETS) {}

  /** Counts `n` buckets of the response. */
  take(n = 1): void {
    this.ensure(n);
    this.count += n;
  }

  /** Fails early when `n` more buckets would pass the cap (gap filling checks before it builds). */
  ensure(n: number): void {
    const total = this.count + n;
    if (total > this.max) {
      const message = `Trying to create too many buckets. Must be less than or equal to: [${this.max}] but was [${total}].`;
      throw new AuditError('AQ100', message, {
        native: { code: 'ATLAS-400-00-029', message },
      });
    }
  }
}
