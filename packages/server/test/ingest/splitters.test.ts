/** The byte-level splitters shared by the HTTP bodies and the CLI's streamed files. */
import { JsonArraySplitter } from '../../src/ingest/parse/JsonArraySplitter';
import { NdjsonSplitter } from '../../src/ingest/parse/NdjsonSplitter';
import { BodySyntaxError } from '../../src/ingest/parse/RecordSlice';

const text = (b: Buffer) => b.toString('utf8');

function splitArray(input: string, chunk: number, resumeAt?: number) {
  const s = new JsonArraySplitter(resumeAt);
  const bytes = Buffer.from(input);
  const out = [];
  for (let i = resumeAt ?? 0; i < bytes.length; i += chunk)
    out.push(...s.push(bytes.subarray(i, i + chunk)));
  s.end();
  return out;
}

describe('JsonArraySplitter', () => {
  const body = '\uFEFF [ {"a":"x,]}\\"y"} , [1,[2]], "s", 3 ,{"é":{}} ]  ';
  it.each([1, 2, 7, 1000])('finds the same elements whatever the chunk size (%i)', (chunk) => {
    const found = splitArray(body, chunk);
    expect(found.map((s) => text(s.bytes))).toEqual([
      '{"a":"x,]}\\"y"}',
      '[1,[2]]',
      '"s"',
      '3',
      '{"é":{}}',
    ]);
    expect(found.map((s) => s.depth)).toEqual([1, 2, 0, 0, 2]);
  });

  it('resumes after a committed element', () => {
    const all = splitArray(body, 1000);
    const rest = splitArray(body, 3, all[1]!.end);
    expect(rest.map((s) => text(s.bytes))).toEqual(['"s"', '3', '{"é":{}}']);
  });

  it.each(['', '   ', '{}', '[1 2]', '[1,', '[1]x', '"s"'])('rejects %j', (input) => {
    expect(() => splitArray(input, 4)).toThrow(BodySyntaxError);
  });

  it('accepts an empty array', () => {
    expect(splitArray('[ ]', 1)).toEqual([]);
  });

  it('stops at the gateway-wide nesting limit of 128', () => {
    const deep = (n: number) => `[${'['.repeat(n)}${']'.repeat(n)}]`;
    expect(splitArray(deep(127), 64)).toHaveLength(1);
    expect(() => splitArray(deep(128), 64)).toThrow(/128 levels/);
  });
});

describe('NdjsonSplitter', () => {
  it('counts lines, drops CR, skips blank lines and takes a last line without newline', () => {
    const s = new NdjsonSplitter();
    const input = Buffer.from('{"a":1}\r\n  \r\n\n{"b":2}\n{"c":3}');
    const out = [...s.push(input.subarray(0, 5)), ...s.push(input.subarray(5)), ...s.end()];
    expect(out.map((r) => [text(r.bytes), r.line])).toEqual([
      ['{"a":1}', 1],
      ['{"b":2}', 4],
      ['{"c":3}', 5],
    ]);
    expect(out[0]!.end).toBe(9);
  });
});
