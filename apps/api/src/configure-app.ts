import { BadRequestException, type INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AllExceptionsFilter, requestIdMiddleware, SafeValidationPipe } from '@app/common';
import { appConfig, type AppConfig } from '@app/config';
import { httpMetricsMiddleware, MetricsService } from '@app/metrics';
import { ChatIoAdapter } from '@app/realtime';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { CHAT_ASSETS_PREFIX, chatPageHeaders, publicDir } from './chat-page.js';

/**
 * Everything that turns the module graph into the HTTP service: logging, security headers, CORS,
 * body limits, validation, the error filter and API docs. Shared by `main.ts` and the e2e tests,
 * so the tests exercise exactly what production runs.
 */
export function configureApp(app: NestExpressApplication): AppConfig {
  const config = app.get<AppConfig>(appConfig.KEY);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(requestIdMiddleware());
  // First after the request id, so answers given before routing (413, refused Host) are timed too.
  app.use(httpMetricsMiddleware(app.get(MetricsService)));

  if (config.allowedHosts.length > 0 && !config.allowedHosts.includes('*')) {
    app.use(hostAllowList(config.allowedHosts));
  }
  // Swagger UI needs inline scripts and styles; everything else keeps helmet's strict defaults.
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  // The chat page carries its own strict CSP; its scripts, styles and icon are plain files.
  app.use(chatPageHeaders());
  app.useStaticAssets(join(publicDir(), 'assets'), { prefix: CHAT_ASSETS_PREFIX, index: false, redirect: false });
  const origins = config.corsOrigins;
  app.enableCors({
    origin: origins.length === 0 || origins.includes('*') ? true : origins,
    credentials: true,
    exposedHeaders: ['X-Request-Id', 'X-Cache', 'Retry-After'],
  });
  // Socket.IO with the same CORS policy, the 16 KB message limit, heartbeat and connection-state recovery.
  app.useWebSocketAdapter(new ChatIoAdapter(app));
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  app.useBodyParser('urlencoded', { limit: config.bodyLimitBytes, extended: false });
  const exposeInternals = config.debug && !config.isProduction;
  // Body-parser failures (413, bad JSON) happen before Nest routing, so Express must answer them.
  app.use(AllExceptionsFilter.expressHandler(exposeInternals));

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
  app.useGlobalFilters(new AllExceptionsFilter(app.get(HttpAdapterHost), exposeInternals));
  setUpSwagger(app, config);
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

/** Rejects requests whose Host header is not in ALLOWED_HOSTS (DNS-rebinding protection). */
function hostAllowList(allowed: string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (allowed.includes(host)) return next();
    res.status(400).json({ statusCode: 400, error: 'Bad Request', message: `Host "${host}" is not allowed` });
  };
}
