/**
 * `npm run screenshots`: the chat page on a desktop and a phone, written to docs/images/ for the
 * README. Runs the real application offline (embedded sports data, offline answer engine, memory
 * store) on a free local port and drives Debian's Chromium (`/usr/bin/chromium`, or CHROMIUM_PATH).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

// The same page for everyone who runs it: no Redis, no Gemini, no ChatBet upstream, quiet logs.
for (const name of ['REDIS_URL', 'REDIS_HOST', 'GOOGLE_API_KEY', 'CHATBET_API_BASE_URL']) delete process.env[name];
process.env.LOG_LEVEL = 'ERROR';

const { AppModule } = await import('../apps/api/src/app.module.js');
const { configureApp } = await import('../apps/api/src/configure-app.js');
const { createHttpAdapter } = await import('../apps/api/src/http-adapter.js');

const OUT = resolve(process.cwd(), 'docs/images');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function answered(page: Page, text: string): Promise<void> {
  const before = await page.evaluate(() => (globalThis as unknown as { chatbetPage: { stats: { botResponses: number } } }).chatbetPage.stats.botResponses);
  await page.fill('#message-input', text);
  await page.press('#message-input', 'Enter');
  await page.waitForFunction(
    (count) => (globalThis as unknown as { chatbetPage: { stats: { botResponses: number } } }).chatbetPage.stats.botResponses > count,
    before,
    { timeout: 20_000 },
  );
}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(), { bufferLogs: true });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(OUT, { recursive: true });

    // Desktop: signed in, an odds answer, then a bet set up to confirm, with the account beside it.
    const desktop = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/Madrid', deviceScaleFactor: 1 });
    await desktop.goto(url);
    await desktop.waitForSelector('#connection[data-state="connected"]');
    await desktop.click('#sign-in');
    await desktop.fill('#sign-in-username', 'demo');
    await desktop.fill('#sign-in-password', 'demo1234');
    await desktop.click('#sign-in-form button[type="submit"]');
    await desktop.waitForSelector('#account-balance:not(:empty)');
    await answered(desktop, 'What are the odds for Barcelona vs Real Madrid?');
    await desktop.waitForSelector('.msg--bot .odds');
    await answered(desktop, 'Bet €10 on Barcelona to beat Real Madrid');
    await desktop.waitForSelector('.slip');
    await desktop.screenshot({ path: join(OUT, 'chat-desktop.png') });

    // Phone: the live odds strip above an odds answer in Spanish.
    const mobile = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'es-ES', timezoneId: 'Europe/Madrid', deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await mobile.goto(url);
    await mobile.waitForSelector('#connection[data-state="connected"]');
    await answered(mobile, '¿Cuáles son las cuotas del Barcelona vs Inter?');
    await mobile.waitForSelector('.msg--bot .odds');
    await mobile.waitForSelector('#live-match:not([hidden])');
    await mobile.screenshot({ path: join(OUT, 'chat-mobile.png') });
    process.stdout.write(`Wrote ${join(OUT, 'chat-desktop.png')} and ${join(OUT, 'chat-mobile.png')}\n`);
  } finally {
    await browser?.close();
    await app.close();
  }
}

await main();
