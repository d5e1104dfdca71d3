export { HealthModule } from './health.module.js';
export { HealthService, type ServiceModes } from './health.service.js';
