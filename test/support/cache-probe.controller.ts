import { Controller, Get, NotFoundException, Query } from '@nestjs/common';
import { CacheResource } from '@app/cache';

/**
 * Test-only routes, one per cached resource. Each answer carries a sequence number, so a cached
 * answer (same number) is told apart from a fresh one.
 */
@Controller('test-cache')
export class CacheProbeController {
  calls = 0;

  @Get('tournaments')
  @CacheResource('tournaments')
  tournaments(@Query() query: Record<string, string>) {
    return { resource: 'tournaments', call: ++this.calls, query };
  }

  @Get('fixtures')
  @CacheResource('fixtures')
  fixtures(@Query() query: Record<string, string>) {
    return { resource: 'fixtures', call: ++this.calls, query };
  }

  @Get('odds')
  @CacheResource('odds')
  odds(@Query() query: Record<string, string>) {
    return { resource: 'odds', call: ++this.calls, query };
  }

  @Get('missing')
  @CacheResource('odds')
  missing() {
    this.calls++;
    throw new NotFoundException('no such fixture');
  }

  @Get('uncached')
  uncached() {
    return { call: ++this.calls };
  }
}
