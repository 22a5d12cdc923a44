/**
 * A strict argv parser for `audit-gateway credentials …` (spec/credentials.md §2). Commander's own
 * parsing would take `--password hunter2` as a flag plus an ignorable operand; here an unknown
 * flag, a repeated flag, a value given to a switch and any extra argument are all errors, and no
 * message ever repeats an argument's value, which could be a secret typed by mistake.
 */
export type FlagKind = 'value' | 'switch';

export interface ParsedArgs {
  readonly flags: ReadonlyMap<string, string | true>;
  readonly operands: readonly string[];
  /** `<flag or argument>: <reason>`, one per problem */
  readonly problems: readonly string[];
}

export function parseFlags(
  argv: readonly string[],
  known: ReadonlyMap<string, FlagKind>,
  maxOperands: number,
): ParsedArgs {
  const flags = new Map<string, string | true>();
  const operands: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (!token.startsWith('-') || token === '-') {
      operands.push(token);
      if (operands.length > maxOperands) problems.push(`argument ${i + 1}: unexpected argument`);
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq < 0 ? token : token.slice(0, eq);
    const kind = known.get(name);
    if (!kind || !name.startsWith('--')) {
      problems.push(`argument ${i + 1}: unknown flag; use ${[...known.keys()].join(', ')}`);
      continue;
    }
    if (flags.has(name)) problems.push(`${name}: given more than once`);
    if (kind === 'switch') {
      if (eq >= 0) problems.push(`${name}: takes no value`);
      flags.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = token.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next !== undefined && !known.has(next.split('=')[0] ?? '')) {
        value = next;
        i++;
      }
    }
    if (value === undefined) problems.push(`${name}: needs a value`);
    else flags.set(name, value);
  }
  return { flags, operands, problems };
}
