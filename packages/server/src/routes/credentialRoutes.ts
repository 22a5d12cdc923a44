import type { AppDeps, Route } from '../app/types';

/** The credential rows of the route table (DESIGN §1.1). */
export function credentialRoutes(_deps: AppDeps): Route[] {
  return [];
}
