import { InvalidJsonError, InvalidMessageFormatError } from './live-updates.errors.js';
import { parseClientMessage } from './plain-message.js';

describe('parseClientMessage', () => {
  it('splits the type and id from the request fields', () => {
    expect(parseClientMessage('{"type":"subscribe","id":"r1","teams":["barca"]}')).toEqual({ type: 'subscribe', id: 'r1', body: { teams: ['barca'] } });
    expect(parseClientMessage('{"type":"ping"}')).toEqual({ type: 'ping', body: {} });
  });

  it('rejects text that is not JSON', () => {
    expect(() => parseClientMessage('subscribe barca')).toThrow(InvalidJsonError);
  });

  it.each([
    ['a JSON string', '"ping"'],
    ['a missing type', '{"teams":["barca"]}'],
    ['an unknown type', '{"type":"dance"}'],
    ['an id with spaces', '{"type":"ping","id":"a b"}'],
    ['an id that is an object', '{"type":"ping","id":{}}'],
  ])('rejects %s as a bad message format', (_label, text) => {
    expect(() => parseClientMessage(text)).toThrow(InvalidMessageFormatError);
  });
});
