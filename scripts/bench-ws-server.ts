/**
 * The application as `main.ts` starts it, for `npm run bench:ws`, in its own process. Over IPC it
 * reports its memory (optionally after a full GC when started with --expose-gc), open file
 * descriptors, CPU use and event-loop delay, and can write a heap snapshot.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { assertValidEnvironment } from '@app/config';
import { HealthService } from '@app/health';
import { readdirSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';
import { AppModule } from '../apps/api/src/app.module.js';
import { configureApp } from '../apps/api/src/configure-app.js';
import { createHttpAdapter } from '../apps/api/src/http-adapter.js';
import type { ServerMemory, ServerReply, ServerRequest } from './bench-ws-ipc.js';

assertValidEnvironment();
const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(), { bufferLogs: true });
const config = configureApp(app);
await app.listen(config.port, '127.0.0.1');

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
let since = { at: performance.now(), cpu: process.cpuUsage() };
let maxRss = process.memoryUsage().rss;
const gc = { pauseMs: 0, maxPauseMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.pauseMs += entry.duration;
    gc.maxPauseMs = Math.max(gc.maxPauseMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });
setInterval(() => {
  maxRss = Math.max(maxRss, process.memoryUsage.rss());
}, 250).unref();

function memory(): ServerMemory {
  const usage = process.memoryUsage();
  const cpu = process.cpuUsage(since.cpu);
  const wallMs = performance.now() - since.at;
  return {
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    maxRss: Math.max(maxRss, usage.rss),
    fds: readdirSync('/proc/self/fd').length,
    cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    loopDelayMaxMs: loopDelay.max / 1e6,
    gcPauseMs: gc.pauseMs,
    gcMaxPauseMs: gc.maxPauseMs,
  };
}

function reply(message: ServerReply): void {
  process.send?.(message);
}

process.on('message', (request: ServerRequest) => {
  switch (request.type) {
    case 'memory': {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (request.gc && gc) {
        gc();
        gc();
      }
      reply({ id: request.id, type: 'memory', ...memory() });
      break;
    }
    case 'reset':
      loopDelay.reset();
      since = { at: performance.now(), cpu: process.cpuUsage() };
      maxRss = process.memoryUsage.rss();
      gc.pauseMs = 0;
      gc.maxPauseMs = 0;
      reply({ id: request.id, type: 'done' });
      break;
    case 'heap-snapshot':
      (globalThis as { gc?: () => void }).gc?.();
      writeHeapSnapshot(request.path);
      reply({ id: request.id, type: 'done' });
      break;
  }
});
// Closing normally (also when the benchmark itself goes away) lets --cpu-prof write its profile.
const stop = () => void app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('disconnect', stop);

reply({ id: 0, type: 'ready', port: config.port, modes: { ...app.get(HealthService).modes() }, logLevel: config.logLevel });
