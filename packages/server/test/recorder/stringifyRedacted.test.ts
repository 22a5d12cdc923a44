import fc from 'fast-check';
import { redactSecrets } from '../../src/recorder/redactSecrets';
import { stringifyRedacted } from '../../src/recorder/stringifyRedacted';

// keys drawn partly from secret-looking names, so redaction is exercised at every depth
const key = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('password', 'api_key', 'X-Token', 'ok', '__proto__'),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc
      .array(fc.tuple(key, tie('value')), { maxLength: 5 })
      .map((entries) => Object.fromEntries(entries)),
  ),
})).value;

describe('stringifyRedacted', () => {
  it('equals JSON.stringify(redactSecrets(v)) when it fits', () => {
    fc.assert(
      fc.property(json, (v) => {
        const parsed: unknown = JSON.parse(JSON.stringify(v)); // what a body parse gives
        expect(stringifyRedacted(parsed, Infinity)).toBe(JSON.stringify(redactSecrets(parsed)));
      }),
    );
  });

  it('with a budget, gives a prefix of the full text that is complete or past the budget', () => {
    fc.assert(
      fc.property(json, fc.nat(200), (v, budget) => {
        const parsed: unknown = JSON.parse(JSON.stringify(v));
        const full = JSON.stringify(redactSecrets(parsed));
        const cut = stringifyRedacted(parsed, budget);
        expect(full.startsWith(cut)).toBe(true);
        expect(cut === full || cut.length > budget).toBe(true);
      }),
    );
  });
});
