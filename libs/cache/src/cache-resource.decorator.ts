import { SetMetadata } from '@nestjs/common';
import type { CacheResourceName } from '@app/config';

export const CACHE_RESOURCE_KEY = 'chatbet:cache-resource';

/**
 * Caches a GET route's successful answers for the TTL configured for `resource`
 * (tournaments 24 h, fixtures 4 h, odds 30 s by default).
 */
export const CacheResource = (resource: CacheResourceName) => SetMetadata(CACHE_RESOURCE_KEY, resource);
