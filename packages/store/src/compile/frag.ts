/**
 * SQL fragments: text with `?` placeholders plus the values bound to them, in order. The compiler
 * builds every piece of SQL with `frag`, so a value can only ever reach PostgreSQL as a binding.
 *
 *   frag`${column} < ${value}`        → { sql: '"e"."actor" < ?', bindings: ['bob'] }
 *   join([frag`a`, frag`b`], ' AND ') → { sql: 'a AND b', bindings: [] }
 */
export interface Fragment {
  readonly sql: string;
  readonly bindings: readonly unknown[];
}

const FRAGMENT = Symbol('fragment');

interface Branded extends Fragment {
  readonly [FRAGMENT]: true;
}

function make(sql: string, bindings: readonly unknown[]): Fragment {
  const f: Branded = { sql, bindings, [FRAGMENT]: true };
  return Object.freeze(f);
}

/** Only fragments made here are spliced; a look-alike object from user input stays a binding. */
export function isFragment(v: unknown): v is Fragment {
  return typeof v === 'object' && v !== null && (v as Partial<Branded>)[FRAGMENT] === true;
}

/** A nested Fragment is spliced in; any other value becomes a `?` binding. */
export function frag(strings: TemplateStringsArray, ...values: readonly unknown[]): Fragment {
  let sql = strings[0] ?? '';
  const bindings: unknown[] = [];
  values.forEach((v, i) => {
    if (isFragment(v)) {
      sql += v.sql;
      bindings.push(...v.bindings);
    } else {
      sql += '?';
      bindings.push(v);
    }
    sql += strings[i + 1] ?? '';
  });
  return make(sql, bindings);
}

/** Trusted constant SQL text (keywords, catalogue identifiers); never user input. */
export function raw(sqlText: string): Fragment {
  return make(sqlText, []);
}

export function join(parts: readonly Fragment[], sep: string): Fragment {
  return make(
    parts.map((p) => p.sql).join(sep),
    parts.flatMap((p) => p.bindings),
  );
}

export function paren(f: Fragment): Fragment {
  return make(`(${f.sql})`, f.bindings);
}

/** A double-quoted SQL identifier; only ever called with names from the catalogue or the compiler. */
export function ident(name: string): Fragment {
  return raw(`"${name.replaceAll('"', '""')}"`);
}
