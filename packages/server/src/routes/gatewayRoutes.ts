import type { AppDeps, Route } from '../app/types';

/** The gateway rows of the route table (DESIGN §1.1). */
export function gatewayRoutes(_deps: AppDeps): Route[] {
  return [];
}
