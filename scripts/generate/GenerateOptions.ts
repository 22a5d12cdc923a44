/** What the generator makes: sizes, time span and seed (everything else follows from them). */
export interface GenerateOptions {
  /** Atlan entity audit records */
  readonly atlan: number;
  /** Atlas admin audit entries */
  readonly atlas: number;
  /** Atomic audit-log entries */
  readonly atomic: number;
  readonly seed: number;
  /** epoch ms of the last event */
  readonly end: number;
  readonly days: number;
  /** Atomic environments (the first gets most traffic) */
  readonly environments: readonly string[];
  /** Atomic organisationId, when set */
  readonly tenant?: string;
}

/** `events` split as the families usually are: entity audits dominate. */
export function splitEvents(events: number): Pick<GenerateOptions, 'atlan' | 'atlas' | 'atomic'> {
  const atlas = Math.max(1, Math.round(events * 0.02));
  const atomic = Math.round(events * 0.28);
  return { atlan: events - atlas - atomic, atlas, atomic };
}

/** Evenly spread, strictly increasing instants over the span, with seeded jitter. */
export function instant(
  options: GenerateOptions,
  i: number,
  count: number,
  jitter: number,
): number {
  const span = options.days * 86_400_000;
  const start = options.end - span;
  const step = span / Math.max(count, 1);
  return Math.floor(start + i * step + jitter * Math.max(step - 1, 0));
}
