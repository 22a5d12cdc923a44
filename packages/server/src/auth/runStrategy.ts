/**
 * Runs a passport strategy programmatically, outside any middleware: the route table decides the
 * error shape (each surface renders its own 401), so passport's own responses are never used.
 */
import type { Request } from 'express';
import type { Strategy } from 'passport';

export type StrategyResult = { readonly ok: true; readonly user: unknown } | { readonly ok: false };

/** The callbacks passport's middleware would attach to a strategy instance for one request. */
interface StrategyRun {
  success(user: unknown): void;
  fail(): void;
  error(err: unknown): void;
  pass(): void;
  redirect(): void;
  authenticate(req: Request): void;
}

export function runStrategy(strategy: Strategy, authorization: string): Promise<StrategyResult> {
  return new Promise((resolve, reject) => {
    // a per-request object inheriting the strategy, as passport's own middleware builds it
    const run = Object.create(strategy) as StrategyRun;
    run.success = (user) => resolve({ ok: true, user });
    run.fail = () => resolve({ ok: false });
    run.pass = () => resolve({ ok: false });
    run.redirect = () => resolve({ ok: false });
    run.error = (err) => reject(err instanceof Error ? err : new Error(String(err)));
    // only the header: passport-http-bearer would also read access_token from body and query
    run.authenticate({ headers: { authorization } } as unknown as Request);
  });
}
