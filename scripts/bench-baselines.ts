/**
 * Reference servers for `npm run bench:http`: the same hello-world answer from plain Node http, from
 * bare Fastify and from a minimal Nest application on Fastify, so the app's figures can be read against what
 * this machine gives the frameworks themselves.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import Fastify from 'fastify';
import { createServer } from 'node:http';

const [kind, portArg] = process.argv.slice(2);
const port = Number(portArg);

@Controller()
class HelloController {
  @Get()
  hello() {
    return { hello: 'world' };
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

if (kind === 'node') {
  createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end('{"hello":"world"}');
  }).listen(port, '127.0.0.1', () => process.send?.({ ready: true }));
} else if (kind === 'fastify') {
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port, host: '127.0.0.1' });
  process.send?.({ ready: true });
} else {
  const app = await NestFactory.create(HelloModule, new FastifyAdapter(), { logger: false });
  await app.listen(port, '127.0.0.1');
  process.send?.({ ready: true });
}
