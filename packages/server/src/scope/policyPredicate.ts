/**
 * One policy block (`allow` or `detail`, spec/credentials.md §1.4) as an IR predicate for one
 * family (DESIGN §3). Rules AND together; an absent rule passes everything; an empty list passes
 * nothing. `typeNames` and `qualifiedNamePrefixes` describe entity events only, so for the other
 * families they are left out: roles, not policies, decide who reads a surface.
 */
import {
  all,
  and,
  cmp,
  inList,
  or,
  prefix,
  type Family,
  type PolicyRules,
  type Predicate,
} from '@audit-gateway/ir';

export function policyPredicate(
  rules: PolicyRules | undefined,
  family: Family,
  name: string,
): Predicate {
  if (!rules) return all();
  const parts: Predicate[] = [];
  if (family === 'entity') {
    if (rules.typeNames) parts.push(inList('typeName', rules.typeNames));
    if (rules.qualifiedNamePrefixes) {
      // case-sensitive prefix; `or([])` is `none`, so an empty list lets nothing pass
      parts.push(or(rules.qualifiedNamePrefixes.map((p) => prefix('entityQualifiedName', p))));
    }
  }
  // a row without an actor fails the leaf (two-valued), as ownOnly requires
  if (rules.ownOnly === true) parts.push(cmp('actor', 'eq', name));
  return and(...parts);
}
