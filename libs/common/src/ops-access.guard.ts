import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { exposureConfig, type ExposureConfig, type OpsResource } from '@app/config';
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from './domain-error.js';
import type { HttpRequest } from './http.js';

/** Marks a route as an operator endpoint, open as METRICS_ACCESS / DIAGNOSTICS_ACCESS say. */
export const OpsEndpoint = Reflector.createDecorator<OpsResource>();

/** An operator endpoint switched off (or in `token` mode with no OPS_TOKEN set): as if it did not exist. */
export class OpsEndpointOffError extends DomainError {
  readonly httpStatus = 404;
  readonly code = 'NOT_FOUND';

  constructor() {
    super('Not found');
  }
}

export class OpsTokenRequiredError extends DomainError {
  readonly httpStatus = 401;
  readonly code = 'OPS_TOKEN_REQUIRED';

  constructor() {
    super('Send Authorization: Bearer <OPS_TOKEN>');
  }
}

/** Lets an operator endpoint answer only as configured: to anyone, to OPS_TOKEN holders, or to nobody. */
@Injectable()
export class OpsAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(exposureConfig.KEY) private readonly config: ExposureConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const resource = this.reflector.getAllAndOverride(OpsEndpoint, [context.getHandler(), context.getClass()]);
    // A route with the guard but no resource is a mistake: closed rather than open.
    const access = resource === undefined ? 'off' : this.config.access[resource];
    if (access === 'public') return true;
    const expected = this.config.opsToken;
    if (access === 'off' || expected === undefined) throw new OpsEndpointOffError();
    const header = context.switchToHttp().getRequest<HttpRequest>().headers.authorization ?? '';
    const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? '');
    const wanted = Buffer.from(expected);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) throw new OpsTokenRequiredError();
    return true;
  }
}
