/**
 * The Atomic surface's parameters after validation (spec/atomic-audit-log.md §4). Filters are kept
 * in their normalised form, which is also the form bound into a cursor (§7.2): lists sorted and
 * deduplicated, `method` upper case, instants as epoch ms, status classes lower case ("4xx").
 */
export const AUTH_TYPES = ['client', 'clientCredentials', 'signedPayload', 'workbench'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

export const SOURCES = [
  'workbench-api',
  'client-api',
  'customer-api',
  'atlan-api',
  'atlas-api',
  'atomic-api',
  'ingest-api',
  'gateway-api',
] as const;

export type Order = 'desc' | 'asc';

/** A status list item: an exact code, or a class such as "4xx". */
export type StatusItem = number | string;

export interface AtomicFilters {
  readonly authType?: string;
  readonly from?: number;
  readonly to?: number;
  readonly source?: readonly string[];
  readonly resourceType?: readonly string[];
  readonly actionType?: readonly string[];
  readonly method?: readonly string[];
  readonly status?: readonly StatusItem[];
}

export type FilterName = keyof AtomicFilters;

/** Filter names in the order they are compared and reported. */
export const FILTER_NAMES: readonly FilterName[] = [
  'actionType',
  'authType',
  'from',
  'method',
  'resourceType',
  'source',
  'status',
  'to',
];

export interface AtomicParams {
  readonly limit: number;
  /** the raw cursor text; checked only after every parameter passed (§3.5 step 6) */
  readonly cursor?: string;
  /** undefined when absent, so a cursor's order can be inherited (§4.4) */
  readonly order?: Order;
  /** only the filters present in the request */
  readonly filters: AtomicFilters;
}

/** One bad parameter, as the problem body lists it (§6.1). */
export interface ParamError {
  readonly parameter: string;
  readonly reason: string;
}
