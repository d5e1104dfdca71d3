/**
 * The real application plus one bare hello-world route, for `npm run bench:http`. Started as its
 * own process so the load generator does not share its event loop.
 */
import 'reflect-metadata';
import { Controller, Get } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppModule } from '../apps/api/src/app.module.js';
import { configureApp } from '../apps/api/src/configure-app.js';
import { createHttpAdapter } from '../apps/api/src/http-adapter.js';

@Controller('bench')
class HelloController {
  @Get('hello')
  hello() {
    return { hello: 'world' };
  }
}

const moduleRef = await Test.createTestingModule({ imports: [AppModule], controllers: [HelloController] }).compile();
const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { bufferLogs: true });
const config = configureApp(app);
await app.listen(config.port, '127.0.0.1');
process.send?.({ ready: true, port: config.port });
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
