import type { AppDeps, Route } from '../app/types';

/** The atlas rows of the route table (DESIGN §1.1). */
export function atlasRoutes(_deps: AppDeps): Route[] {
  return [];
}
