import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Hello } from '@app/core';
@Controller()
class C { constructor(private readonly h: Hello) {} @Get() get() { return { m: this.h.hi() }; } }
@Module({ controllers: [C], providers: [Hello] })
class M {}
const app = await NestFactory.create(M);
await app.listen(8123);
console.log('up');
