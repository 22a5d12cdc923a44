/**
 * Joins a request's parameters with its decoded cursor (spec/atomic-audit-log.md §4.4, §7.3 steps 4
 * and 5). The cursor must belong to the caller's tenant and to the environment of this request
 * (AQ120); a filter or `order` present in the request must equal the bound value after
 * normalisation, and an absent one is inherited (AQ121). A cursor never widens anything: the
 * query built from the result still goes through scope().
 */
import { AuditError } from '@audit-gateway/ir';
import { FILTER_NAMES, type AtomicFilters, type AtomicParams, type Order } from './atomicParams';
import { invalidCursor } from './cursorCodec';
import type { CursorPayload } from './cursorPayload';

export interface Listing {
  readonly order: Order;
  readonly filters: AtomicFilters;
  readonly limit: number;
  /** where the page starts; undefined: the first page */
  readonly key?: CursorPayload['k'];
}

export function applyCursor(
  params: AtomicParams,
  payload: CursorPayload | undefined,
  where: { readonly tenant: string; readonly environment: string },
): Listing {
  if (!payload) {
    return { order: params.order ?? 'desc', filters: params.filters, limit: params.limit };
  }
  if (payload.t !== where.tenant || payload.e !== where.environment) throw invalidCursor();
  const differing: string[] = [];
  if (params.order !== undefined && params.order !== payload.o) differing.push('order');
  for (const name of FILTER_NAMES) {
    const sent = params.filters[name];
    if (sent !== undefined && JSON.stringify(sent) !== JSON.stringify(payload.f[name])) {
      differing.push(name);
    }
  }
  if (differing.length > 0) {
    throw new AuditError(
      'AQ121',
      `${differing.join(', ')} ${differing.length === 1 ? 'differs' : 'differ'} from the cursor's query; send the same value or leave it out`,
      { extra: { parameters: differing } },
    );
  }
  return { order: payload.o, filters: payload.f, limit: params.limit, key: payload.k };
}
