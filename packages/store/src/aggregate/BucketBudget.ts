import { AuditError } from '@audit-gateway/ir';

export const MAX_BUCKETS = 65_536;

/** Counts every bucket of one response (all levels, gap-filled and empty ones too; spec §5.1). */
export class BucketBudget {
  private count = 0;

  constructor(private readonly max: number = MAX_BUCKETS) {}

  take(n = 1): void {
    this.count += n;
    if (this.count > this.max) {
      const message = `Trying to create too many buckets. Must be less than or equal to: [${this.max}] but was [${this.count}].`;
      throw new AuditError('AQ100', message, {
        native: { code: 'ATLAS-400-00-029', message },
      });
    }
  }
}
