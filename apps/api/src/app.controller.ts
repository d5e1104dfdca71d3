import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import { appConfig, type AppConfig } from '@app/config';
import type { HttpRequest } from '@app/common';
import { chatPage, prefersHtml } from './chat-page.js';

@ApiTags('service')
@Controller()
export class AppController {
  constructor(@Inject(appConfig.KEY) private readonly app: AppConfig) {}

  @Get()
  @ApiOperation({ summary: 'Service name, version and where to go next' })
  index(@Req() req: HttpRequest) {
    // Browsers get the chat page; API clients and curl keep getting this JSON.
    if (prefersHtml(req)) return chatPage();
    return {
      service: this.app.name,
      version: this.app.version,
      // The page a browser gets at `/`; this path serves it whatever the Accept header says.
      chat_page: '/ws/test',
      docs: '/docs',
      health: '/health',
    };
  }

  @Get('ws/test')
  @ApiExcludeEndpoint()
  page() {
    return chatPage();
  }
}
