export { AppCacheModule } from './app-cache.module.js';
export { AppCacheService } from './app-cache.service.js';
export { CacheKeyService } from './cache-keys.service.js';
export { CacheResource } from './cache-resource.decorator.js';
export { ResourceCacheInterceptor } from './resource-cache.interceptor.js';
export { LocalTextCache } from './local-text-cache.js';
