import type { AppDeps, Route } from '../app/types';

/** The atlan rows of the route table (DESIGN §1.1). */
export function atlanRoutes(_deps: AppDeps): Route[] {
  return [];
}
