import { AIMessageChunk } from '@langchain/core/messages';
import fc from 'fast-check';
import { aggregateChunks } from './chat-model.runner.js';

function sequential(chunks: AIMessageChunk[]): AIMessageChunk {
  return chunks.slice(1).reduce((aggregate, chunk) => aggregate.concat(chunk), chunks[0]);
}

function fields(message: AIMessageChunk) {
  return {
    content: message.content,
    id: message.id,
    tool_calls: message.tool_calls ?? [],
    tool_call_chunks: message.tool_call_chunks ?? [],
    invalid_tool_calls: message.invalid_tool_calls ?? [],
    usage_metadata: message.usage_metadata,
    additional_kwargs: message.additional_kwargs,
    response_metadata: message.response_metadata,
  };
}

const chunk = fc.oneof(
  fc.record({ text: fc.string({ maxLength: 6 }), id: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }) }).map(
    ({ text, id }) => new AIMessageChunk({ content: text, ...(id && { id }) }),
  ),
  fc.nat(50).map((tokens) => new AIMessageChunk({ content: 'end', usage_metadata: { input_tokens: tokens, output_tokens: 2, total_tokens: tokens + 2 } })),
  fc.constantFrom('get_odds', 'search').map(
    (name) => new AIMessageChunk({ content: '', tool_call_chunks: [{ name, args: '{"q":1}', id: `call_${name}`, index: 0, type: 'tool_call_chunk' }] }),
  ),
  fc.string({ maxLength: 4 }).map((text) => new AIMessageChunk({ content: [{ type: 'text', text }] })),
  fc.constant(new AIMessageChunk({ content: 'x', response_metadata: { finish_reason: 'STOP' } })),
);

describe('aggregateChunks', () => {
  it('gives what concatenating the chunks one by one gives', () => {
    fc.assert(
      fc.property(fc.array(chunk, { minLength: 1, maxLength: 30 }), (chunks) => {
        expect(fields(aggregateChunks(chunks))).toEqual(fields(sequential(chunks)));
      }),
      { numRuns: 500 },
    );
  });

  it('joins a text-only stream into one message and gives an empty one for no chunks', () => {
    const words = ['This ', 'is ', 'streamed'].map((content) => new AIMessageChunk({ content }));
    expect(aggregateChunks(words).content).toBe('This is streamed');
    expect(aggregateChunks([]).content).toBe('');
  });
});
