import type { Predicate } from '@audit-gateway/ir';
import type { QueryContext } from '../QueryContext';

/** Parses a clause one level deeper (handed in, so clause files never import the dispatcher). */
export type ParseInner = (node: unknown, ctx: QueryContext) => Predicate;

/** One query type's parser: the value under the type key → a predicate. */
export type ClauseParser = (body: unknown, ctx: QueryContext, inner: ParseInner) => Predicate;
