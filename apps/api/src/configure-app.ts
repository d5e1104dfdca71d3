import { BadRequestException, type INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AllExceptionsFilter, AppLogger, type HttpReply, type HttpRequest, hostOf, isHostAllowed, registerRequestLogging, SafeValidationPipe } from '@app/common';
import { appConfig, type AppConfig, exposureConfig, type ExposureConfig } from '@app/config';
import { MetricsService, registerHttpMetrics } from '@app/metrics';
import { ChatIoAdapter } from '@app/realtime';
import { registerHttpTracing } from '@app/telemetry';
import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { CHAT_ASSETS_PREFIX, publicDir, registerChatPageHeaders } from './chat-page.js';

/**
 * Everything that turns the module graph into the HTTP service: logging, security headers, CORS,
 * the Host check, validation, the error filter and API docs. Shared by `main.ts` and the e2e
 * tests, so the tests exercise exactly what production runs. The HTTP server itself (request ids,
 * body limit, trusted proxies) is made by `createHttpAdapter()`.
 */
export function configureApp(app: NestFastifyApplication): AppConfig {
  const config = app.get<AppConfig>(appConfig.KEY);
  const server = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const logger = app.get(AppLogger);
  app.useLogger(logger);

  // Every answer carries the request's correlation id, errors and hook answers included.
  server.addHook('onSend', (req: HttpRequest, reply: HttpReply, payload, done) => {
    reply.header('x-request-id', req.id);
    done(null, payload);
  });
  closeLateIdleConnectionsOnClose(server);
  registerHttpMetrics(server, app.get(MetricsService));
  // A server span per request, the root of a REST chat turn's trace; nothing is registered while tracing is off.
  registerHttpTracing(server);
  registerRequestLogging(server, logger.pino, { service: config.name, environment: config.environment });
  if (config.allowedHosts.length > 0 && !config.allowedHosts.includes('*')) {
    registerHostAllowList(server, config);
  }
  // Swagger UI needs inline scripts and styles; everything else gets helmet's strict defaults.
  app.useSecurityHeaders({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  // The chat page carries its own strict CSP; its scripts, styles and icon are plain files.
  registerChatPageHeaders(server);
  app.useStaticAssets({ root: join(publicDir(), 'assets'), prefix: CHAT_ASSETS_PREFIX, index: false, decorateReply: false });
  const origins = config.corsOrigins;
  app.enableCors({
    origin: origins.length === 0 || origins.includes('*') ? true : origins,
    credentials: true,
    exposedHeaders: ['X-Request-Id', 'X-Cache', 'Retry-After'],
  });
  // Socket.IO with the same CORS policy, the 16 KB message limit, heartbeat and connection-state recovery.
  app.useWebSocketAdapter(new ChatIoAdapter(app));

  // A validator that throws on an odd value (rather than reporting it) still gives a 400.
  app.useGlobalPipes(
    new SafeValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) =>
        new BadRequestException(errors.flatMap((error) => Object.values(error.constraints ?? { [error.property]: `${error.property} is invalid` }))),
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter(app.get(HttpAdapterHost), config.debug && !config.isProduction));
  // API docs describe every route and parameter: off in production unless DOCS_ENABLED says otherwise.
  if (app.get<ExposureConfig>(exposureConfig.KEY).docsEnabled) setUpSwagger(app, config);
  return config;
}

function setUpSwagger(app: INestApplication, config: AppConfig): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('ChatBet API')
      .setDescription('Conversational sports-betting assistant: chat, sports data, odds and bets.')
      .setVersion(config.version)
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/**
 * While the server closes, keep-alive connections that fall idle after the close began are closed
 * too. Node closes the idle ones once, when the close starts; a client that keeps reconnecting
 * during a shutdown (Socket.IO's reconnection, refused with 403) would otherwise hold the close open
 * for the whole keep-alive timeout.
 */
function closeLateIdleConnectionsOnClose(server: FastifyInstance): void {
  server.addHook('preClose', (done) => {
    const http = server.server;
    const sweep = setInterval(() => http.closeIdleConnections(), 200);
    sweep.unref();
    http.once('close', () => clearInterval(sweep));
    done();
  });
}

/**
 * Rejects requests whose Host header is not in ALLOWED_HOSTS (DNS-rebinding protection). Socket
 * handshakes and WebSocket upgrades never reach Fastify's hooks: they apply the same rule themselves.
 */
function registerHostAllowList(server: FastifyInstance, config: AppConfig): void {
  server.addHook('onRequest', (req: HttpRequest, reply: HttpReply, done) => {
    if (isHostAllowed(req.headers.host, config)) return done();
    void reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `Host "${hostOf(req.headers.host)}" is not allowed`, requestId: req.id });
  });
}
