import { formatEntityDetail } from '../src/format/formatEntityDetail';
import { buildTypedefsResponse, requestedCategories } from '../src/handlers/buildTypedefsResponse';

describe('formatEntityDetail (spec §6.1, §6.3)', () => {
  const state = {
    guid: 'g',
    typeName: 'Table',
    qualifiedName: 'q',
    status: 'ACTIVE',
    createdBy: null,
    updatedBy: 'u',
    attributes: { name: 'T', qualifiedName: 'q', gone: null },
    classifications: [{ typeName: 'b' }, { typeName: 'a' }],
    classificationNames: ['b', 'a'],
    labels: ['z', 'Z'],
    isIncomplete: null,
    createTime: null,
    updateTime: 5,
  };

  it('projects requested attributes, sorts binary, omits unknown keys', () => {
    expect(formatEntityDetail(state, ['name', 'gone', 'missing', 'constructor'])).toEqual({
      typeName: 'Table',
      guid: 'g',
      status: 'ACTIVE',
      displayText: 'T',
      attributes: { name: 'T' },
      classificationNames: ['a', 'b'],
      classifications: [{ typeName: 'a' }, { typeName: 'b' }],
      labels: ['Z', 'z'],
      meaningNames: [],
      meanings: [],
      isIncomplete: false,
      updatedBy: 'u',
      updateTime: 5,
    });
  });
});

describe('typedefs (spec §7)', () => {
  it('fills only the requested categories and always has the built-in structs', () => {
    const cats = requestedCategories([
      ['type', 'struct'],
      ['type', 'nope'],
      ['other', 'CLASSIFICATION'],
    ]);
    expect(cats).toEqual(['STRUCT']);
    const out = buildTypedefsResponse(cats, [
      { category: 'CLASSIFICATION', name: 'X', definition: { displayName: 'x' } },
      { category: 'STRUCT', name: 'SourceTagAttachment', definition: { attributeDefs: [] } },
    ]);
    expect(out.classificationDefs).toEqual([]);
    expect(out.structDefs).toEqual([
      expect.objectContaining({ name: 'SourceTagAttachmentValue', category: 'STRUCT' }),
      { attributeDefs: [], category: 'STRUCT', name: 'SourceTagAttachment' },
    ]);
    expect(requestedCategories([])).toHaveLength(6);
  });
});
