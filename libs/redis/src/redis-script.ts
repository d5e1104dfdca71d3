import { createHash } from 'node:crypto';
import type { RedisClientType } from 'redis';

/**
 * A Lua script sent by its SHA1 and loaded on first use (or after a server restart flushed the
 * script cache), so the body crosses the wire once rather than with every call.
 */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(client: RedisClientType, keys: string[], args: Array<string | number>): Promise<unknown> {
    const options = { keys, arguments: args.map(String) };
    try {
      return await client.evalSha(this.sha, options);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return client.eval(this.source, options);
    }
  }
}
