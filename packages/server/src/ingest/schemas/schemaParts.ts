/**
 * Building blocks shared by the ingest schemas (spec/ingest.md §5.1). `x-expected` is the phrase a
 * 422 reason uses ("must be <x-expected>; got …"); ajv ignores unknown keywords.
 */
export const MAX_SAFE = 9007199254740991;
export const MAX_EPOCH_MS = 253402300799999;

export const str = (min: number, max: number, nullable = false) =>
  ({
    type: nullable ? ['string', 'null'] : 'string',
    minLength: min,
    maxLength: max,
    'x-expected': `a string of ${min} to ${max} characters${nullable ? ', or null' : ''}`,
  }) as const;

export const anyString = (nullable = false) =>
  ({
    type: nullable ? ['string', 'null'] : 'string',
    'x-expected': nullable ? 'a string or null' : 'a string',
  }) as const;

export const epochMs = (nullable = false) =>
  ({
    type: nullable ? ['integer', 'null'] : 'integer',
    minimum: 0,
    maximum: MAX_EPOCH_MS,
    'x-expected': `epoch milliseconds, an integer from 0 to ${MAX_EPOCH_MS}${nullable ? ', or null' : ''}`,
  }) as const;

export const integer = (min: number, nullable = false) =>
  ({
    type: nullable ? ['integer', 'null'] : 'integer',
    minimum: min,
    maximum: MAX_SAFE,
    'x-expected': `an integer from ${min} to ${MAX_SAFE}${nullable ? ', or null' : ''}`,
  }) as const;

export const object = (nullable = false) =>
  ({
    type: nullable ? ['object', 'null'] : 'object',
    'x-expected': nullable ? 'an object or null' : 'an object',
  }) as const;

export const stringArray = (nullable = false) =>
  ({
    type: nullable ? ['array', 'null'] : 'array',
    items: anyString(),
    'x-expected': `an array of strings${nullable ? ', or null' : ''}`,
  }) as const;

export const stringMap = (nullable = false) =>
  ({
    type: nullable ? ['object', 'null'] : 'object',
    additionalProperties: anyString(),
    'x-expected': `an object with string values${nullable ? ', or null' : ''}`,
  }) as const;

export const enumOf = (values: readonly string[], nullable = false) =>
  ({
    type: nullable ? ['string', 'null'] : 'string',
    enum: nullable ? [...values, null] : [...values],
    'x-expected': `one of ${values.join(', ')}${nullable ? ', or null' : ''}`,
  }) as const;

export const taggedObjects = (nullable = false) =>
  ({
    type: nullable ? ['array', 'null'] : 'array',
    items: {
      type: 'object',
      required: ['typeName'],
      properties: { typeName: anyString() },
      'x-expected': 'an object with a string typeName',
    },
    'x-expected': `an array of objects, each with a string typeName${nullable ? ', or null' : ''}`,
  }) as const;
