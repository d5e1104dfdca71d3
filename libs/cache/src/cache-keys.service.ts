import { Injectable } from '@nestjs/common';
import type { CacheResourceName } from '@app/config';

type Query = Record<string, unknown>;

/** Every cache key is built here, so the formats are defined (and changed) in one place. */
@Injectable()
export class CacheKeyService {
  /**
   * Key for an HTTP answer: resource, path and the query sorted by name, with repeated
   * parameters kept in order, so `?b=2&a=1` and `?a=1&b=2` share one entry.
   */
  httpKey(resource: CacheResourceName, path: string, query: Query): string {
    const params = new URLSearchParams();
    for (const name of Object.keys(query).sort()) {
      const value = query[name];
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null) params.append(name, String(item));
      }
    }
    const search = params.toString();
    return `http:${resource}:${path.toLowerCase()}${search ? `?${search}` : ''}`;
  }
}
