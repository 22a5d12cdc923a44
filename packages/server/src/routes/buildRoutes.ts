/** The one route table (DESIGN §1.1): each area contributes its rows from its own file. */
import type { AppDeps, Route } from '../app/types';
import { atlanRoutes } from './atlanRoutes';
import { atlasRoutes } from './atlasRoutes';
import { atomicRoutes } from './atomicRoutes';
import { credentialRoutes } from './credentialRoutes';
import { gatewayRoutes, type GatewayExtras } from './gatewayRoutes';
import { ingestRoutes } from './ingestRoutes';

export function buildRoutes(
  deps: AppDeps,
  gateway: Omit<GatewayExtras, 'allRoutes'>,
): readonly Route[] {
  const routes: Route[] = [];
  routes.push(
    ...gatewayRoutes(deps, { ...gateway, allRoutes: () => routes }),
    ...atlanRoutes(deps),
    ...atlasRoutes(deps),
    ...atomicRoutes(deps),
    ...ingestRoutes(deps),
    ...credentialRoutes(deps),
  );
  return routes;
}
