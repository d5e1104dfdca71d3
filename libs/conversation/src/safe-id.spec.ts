import { InvalidIdError } from './conversation.errors.js';
import { SAFE_ID, assertSafeId, isSafeId } from './safe-id.js';

describe('safe ids', () => {
  it.each(['a', 'session_1', 'ABC-def-123', 'x'.repeat(64), '550e8400-e29b-41d4-a716-446655440000'])('accepts %s', (id) => {
    expect(isSafeId(id)).toBe(true);
    expect(() => assertSafeId(id, 'sessionId')).not.toThrow();
  });

  it.each(['', 'x'.repeat(65), 'a:b', 'a b', 'a*', '../etc', 'ses{1}', 'café', 'a\nb'])('rejects %j', (id) => {
    expect(isSafeId(id)).toBe(false);
  });

  it.each([undefined, null, 42, {}])('rejects the non-string %p', (value) => {
    expect(isSafeId(value)).toBe(false);
  });

  it('throws a 400 InvalidIdError naming the field', () => {
    let error: unknown;
    try {
      assertSafeId('bad id', 'ownerId');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidIdError);
    expect(error).toMatchObject({ httpStatus: 400, code: 'INVALID_ID', details: { field: 'ownerId' } });
  });

  it('anchors the pattern, so a valid prefix does not pass', () => {
    expect(SAFE_ID.test('abc:def')).toBe(false);
  });
});
