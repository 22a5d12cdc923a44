import { all, none, type Predicate } from '@audit-gateway/ir';
import { checkParams } from '../clauseParams';
import { readObject } from '../jsonValues';

/** `match_all` / `match_none` (spec §3.5.1): only boost and _name. */
export function parseMatchAll(body: unknown): Predicate {
  checkParams('match_all', readObject(body, 'match_all'), []);
  return all();
}

export function parseMatchNone(body: unknown): Predicate {
  checkParams('match_none', readObject(body, 'match_none'), []);
  return none();
}
