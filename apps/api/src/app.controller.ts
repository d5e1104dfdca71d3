import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { appConfig, type AppConfig } from '@app/config';

@ApiTags('service')
@Controller()
export class AppController {
  constructor(@Inject(appConfig.KEY) private readonly app: AppConfig) {}

  @Get()
  @ApiOperation({ summary: 'Service name, version and where to go next' })
  index() {
    return {
      service: this.app.name,
      version: this.app.version,
      docs: '/docs',
      health: '/health',
    };
  }
}
