import type { AppDeps, Route } from '../app/types';

/** The atomic rows of the route table (DESIGN §1.1). */
export function atomicRoutes(_deps: AppDeps): Route[] {
  return [];
}
