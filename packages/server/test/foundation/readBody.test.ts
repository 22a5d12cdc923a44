import { jsonDepth, parseJsonText, toRequestBody } from '../../src/http/readBody';
import { mediaTypeAccepted } from '../../src/http/mediaType';

describe('body decoding', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepth('{}')).toBe(1);
    expect(jsonDepth('{"a":[[1]]}')).toBe(3);
    expect(jsonDepth('"[[[["')).toBe(0);
    expect(jsonDepth('{"a":"\\"[[["}')).toBe(1);
  });

  it('keeps the last of duplicate keys and a top-level null', () => {
    expect(parseJsonText('{"a":1,"a":2}')).toEqual({ a: 2 });
    expect(toRequestBody('json', Buffer.from('null'), 'application/json')).toEqual({
      kind: 'json',
      value: null,
    });
    expect(toRequestBody('json', Buffer.from('  \n'), 'application/json')).toEqual({
      kind: 'empty',
    });
  });

  it('rejects invalid UTF-8', () => {
    expect(() =>
      toRequestBody('json', Buffer.from([0x7b, 0xff, 0x7d]), 'application/json'),
    ).toThrow(/UTF-8/);
  });

  it.each([
    ['application/json', true],
    ['Application/JSON', true],
    ['application/json; charset=UTF-8', true],
    ['application/json;charset="utf-8"; foo=bar', true],
    ['application/json; charset=ISO-8859-1', false],
    ['text/json', false],
    ['application/x-www-form-urlencoded', false],
    [undefined, false],
  ])('media type %p accepted: %p', (header, ok) => {
    expect(mediaTypeAccepted(header, ['application/json'])).toBe(ok);
  });
});
