import { isServiceFrame, readServiceFrame } from './ws-frames.js';

const connection = { userId: 'chatbet_user_1', sessionId: 'session_1' };

describe('readServiceFrame', () => {
  it('passes on the fields the chat service reads and leaves out the rest, naming them', () => {
    const read = readServiceFrame(
      'user_message',
      { content: 'Hello!', message_id: 'm1', time_zone: 'UTC', timestamp: '2026-12-07T10:00:00Z', metadata: { source: 'web' }, colour: 'red' },
      connection,
    );
    expect(read).toEqual({ payload: { content: 'Hello!', message_id: 'm1', time_zone: 'UTC' }, ignored: ['timestamp', 'metadata', 'colour'] });
  });

  it("keeps a user_id or session_id that is the connection's and leaves out any other", () => {
    expect(readServiceFrame('user_message', { content: 'Hi', user_id: 'chatbet_user_1', session_id: 'session_1' }, connection).payload).toEqual({
      content: 'Hi',
      user_id: 'chatbet_user_1',
      session_id: 'session_1',
    });
    const foreign = readServiceFrame('user_message', { content: 'Hi', user_id: 'user_123', session_id: 'someone_elses' }, connection);
    expect(foreign).toEqual({ payload: { content: 'Hi' }, ignored: ['user_id', 'session_id'] });
    // Not a string at all: still not the connection's, so left out rather than refused.
    expect(readServiceFrame('resume', { session_id: 42, last_message_id: 'm1' }, connection)).toEqual({ payload: { last_message_id: 'm1' }, ignored: ['session_id'] });
  });

  it('reads null as absent, as the original protocol does for optional fields', () => {
    expect(readServiceFrame('user_message', { content: 'Hi', message_id: null, session_id: null, user_id: null }, connection)).toEqual({
      payload: { content: 'Hi' },
      ignored: ['message_id', 'session_id', 'user_id'],
    });
  });

  it('leaves type errors of the fields it passes on to the service', () => {
    expect(readServiceFrame('user_message', { content: ['Hello!'] }, connection).payload).toEqual({ content: ['Hello!'] });
    expect(readServiceFrame('cancel', { message_id: 7, timestamp: 'now' }, connection)).toEqual({ payload: { message_id: 7 }, ignored: ['timestamp'] });
  });

  it('knows the frames the service answers, and no inherited names', () => {
    expect(['user_message', 'cancel', 'resume'].every(isServiceFrame)).toBe(true);
    expect(['ping', 'typing', 'toString', 'constructor', '__proto__'].some(isServiceFrame)).toBe(false);
  });
});
