import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import type { CacheResourceName } from '@app/config';
import { CACHE_RESOURCE_KEY } from './cache-resource.metadata.js';
import { ResourceCacheInterceptor } from './resource-cache.interceptor.js';

/**
 * Caches a GET route's successful answers for the TTL configured for `resource`
 * (tournaments 24 h, fixtures 4 h, odds 30 s by default). The cache interceptor is bound to the
 * routes marked so, not to every route: the others do not go through it at all.
 */
export const CacheResource = (resource: CacheResourceName) => applyDecorators(SetMetadata(CACHE_RESOURCE_KEY, resource), UseInterceptors(ResourceCacheInterceptor));
