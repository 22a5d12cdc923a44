/**
 * A PostgreSQL array literal for one column of a batch. knex expands a JS array bound to `?` into
 * a comma list, so whole columns travel as one text parameter and are cast (`?::text[]`) in SQL:
 * one bind parameter per column, however many rows, far from the 65,535-parameter limit.
 */
export function pgArrayLiteral(values: readonly (string | number | null)[]): string {
  const items = values.map((v) => {
    if (v === null) return 'NULL';
    const s = typeof v === 'number' ? String(v) : v;
    return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}
