import type { AppDeps, Route } from '../app/types';

/** The ingest rows of the route table (DESIGN §1.1). */
export function ingestRoutes(_deps: AppDeps): Route[] {
  return [];
}
