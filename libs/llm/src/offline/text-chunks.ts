/**
 * Splits text into pieces of a few words, keeping every character (spaces and line breaks
 * included) so that the pieces concatenate back to exactly the original.
 */
export function textChunks(text: string, wordsPerChunk: number): string[] {
  const size = Math.max(1, Math.floor(wordsPerChunk));
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const words = text.slice(lead.length).match(/\S+\s*/g) ?? [];
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += size) chunks.push(words.slice(i, i + size).join(''));
  if (lead) {
    if (chunks.length > 0) chunks[0] = lead + chunks[0];
    else chunks.push(lead);
  }
  return chunks;
}
