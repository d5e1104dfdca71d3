export { MetricsModule } from './metrics.module.js';
export { MetricsService, METRICS_CONTENT_TYPE, METRICS_PREFIX, OTHER_LABEL } from './metrics.service.js';
export { registerHttpMetrics, routeLabel, UNMATCHED_ROUTE } from './http-metrics.hook.js';
export type { CacheLayer, ChatTurnMetrics, CircuitStateName, UpstreamStatsSnapshot } from './metrics.types.js';
