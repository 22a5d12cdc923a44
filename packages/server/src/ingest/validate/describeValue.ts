/** "got …" in a 422 reason: the JSON type, and the value when it is short and not secret. */
export function describeValue(value: unknown, quoteValue: boolean): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string': {
      if (!quoteValue) return 'a string';
      const shown = value.length > 64 ? `${value.slice(0, 64)}…` : value;
      return `string ${JSON.stringify(shown)}`;
    }
    case 'number':
      return quoteValue ? `number ${value}` : 'a number';
    case 'boolean':
      return quoteValue ? `boolean ${value}` : 'a boolean';
    case 'object':
      return 'an object';
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  return typeof value;
}
