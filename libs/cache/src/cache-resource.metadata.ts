/** Metadata key under which `@CacheResource` records a route's cached resource. */
export const CACHE_RESOURCE_KEY = 'chatbet:cache-resource';
