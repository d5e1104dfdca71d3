import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { FakeGeminiServer, gemini } from './fakes/fake-gemini-server.js';
import { type ChatSocket, chatSocket, connectChat, connectWs, EventLog, listen, type WirePayload } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { freePort, waitFor } from './support/redis-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// The built server, as `npm start` runs it (`npm test` builds before running the suite).
const MAIN = resolve(process.cwd(), 'dist/apps/api/src/main.js');

/** What "the model" writes, slowly: 12 pieces a quarter of a second apart. */
const ANSWER =
  'This weekend Barcelona host Sevilla on Saturday evening and Real Madrid travel to Bilbao on Sunday. ' +
  'Both kick off in your local time as shown in the app, and the odds there are updated as the markets move.';
const GREETING = 'Hello! Ask me about matches, odds or your bets.';
const slowAnswer = () => gemini.text(ANSWER, { chunks: 12, delayMs: 250 });

const sid = (label: string) => `${label}_${randomBytes(6).toString('hex')}`;
/** The sessions' owner: a client finds its session again on the other instance through it. */
const MOVER = 'shutdown_mover';

type Ack = { message_id: string | null; status: string };

function send(client: ChatSocket, content: string, messageId: string): Promise<Ack> {
  return client.socket.timeout(5_000).emitWithAck('user_message', { content, message_id: messageId }) as Promise<Ack>;
}

function answersOf(log: EventLog, messageId: string): WirePayload[] {
  return log.forMessage(messageId).filter((e) => e.name === 'bot_response').map((e) => e.payload);
}

interface Child {
  process: ChildProcess;
  url: string;
  stdout: () => string;
  exited: Promise<number | null>;
}

/** Starts the built server with `env` and waits until it listens. */
async function startServer(env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'INFO', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  await waitFor(() => stdout.includes('listening') || child.exitCode !== null, 20_000);
  if (!stdout.includes('listening')) throw new Error(`the server did not start: ${stderr || stdout}`);
  return { process: child, url: `http://127.0.0.1:${port}`, stdout: () => stdout, exited };
}

/** A Socket.IO client of the live sports updates, recording what it receives. */
function sportsClient(baseUrl: string): { socket: Socket; log: EventLog } {
  const log = new EventLog();
  const socket = io(`${baseUrl}/sports-updates`, { transports: ['websocket'], reconnection: false, forceNew: true });
  socket.onAny((name: string, payload: unknown) => log.push(name, payload));
  socket.on('connect', () => log.push('connect', {}));
  socket.on('disconnect', (reason) => log.push('disconnect', { reason }));
  return { socket, log };
}

/**
 * SIGTERM on an instance (the built server, as deployed) while it is streaming answers, with a
 * second instance on the same Redis: clients are told to reconnect, the answers being written
 * finish and are stored, new connections are refused, and the process exits 0.
 */
describe('Graceful shutdown with live connections', () => {
  let fake: FakeGeminiServer;
  let a: Child | undefined;
  let b: TestApp;
  let urlB: string;
  const env = {
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: uniquePrefix('shutdown'),
    GOOGLE_API_KEY: 'test-key',
    GEMINI_TIMEOUT: '30',
    SHUTDOWN_TIMEOUT_MS: '20000',
  };
  const closeLater: Array<{ close(): unknown }> = [];

  beforeAll(async () => {
    if (!existsSync(MAIN)) {
      const build = spawnSync('npm', ['run', 'build:js'], { stdio: 'ignore', timeout: 120_000 });
      if (build.status !== 0 || !existsSync(MAIN)) throw new Error(`${MAIN} is missing and "npm run build:js" failed`);
    }
    fake = await FakeGeminiServer.start({ apiKey: 'test-key' });
    b = await createTestApp({ env: { ...env, GEMINI_BASE_URL: fake.baseUrl } });
    urlB = await listen(b);
  }, 150_000);

  afterAll(async () => {
    for (const client of closeLater) client.close();
    if (a && a.process.exitCode === null) {
      a.process.kill('SIGKILL');
      await a.exited;
    }
    await b?.close();
    await fake?.close();
  });

  async function history(sessionId: string): Promise<Array<{ role: string; content: string; id: string; replyTo?: string }>> {
    const res = await request(b.app.getHttpServer()).get(`/api/v1/chat/history/${sessionId}`).query({ limit: 100, user_id: MOVER }).expect(200);
    return res.body.messages;
  }

  it('tells every client to reconnect, finishes the answers in flight (on A, or on B after resume), refuses new connections and exits 0', async () => {
    a = await startServer({ ...env, GEMINI_BASE_URL: fake.baseUrl });
    const urlA = a.url;

    // Q has a finished turn, then asks again; it will move to B as soon as it is told.
    const sessionQ = sid('mover');
    const q = await connectChat(urlA, { session_id: sessionQ, user_id: MOVER });
    closeLater.push(q.socket);
    const greetingId = sid('m');
    fake.script(gemini.text(GREETING, { chunks: 1 }));
    await send(q, 'Hi there', greetingId);
    await q.log.turnEnd(greetingId, 15_000);
    expect(answersOf(q.log, greetingId)[0].content).toBe(GREETING);

    // P stays on A until A closes its connection.
    const sessionP = sid('stayer');
    const p = await connectChat(urlA, { session_id: sessionP, user_id: MOVER });
    closeLater.push(p.socket);
    // Idle clients: the plain WebSocket chat and the live sports updates.
    const ws = await connectWs(`${urlA.replace('http', 'ws')}/ws/chat`);
    closeLater.push(ws.ws);
    const sports = sportsClient(urlA);
    closeLater.push(sports.socket);
    await sports.log.next((e) => e.name === 'connect');

    fake.script(slowAnswer(), slowAnswer());
    const askP = sid('m');
    const askQ = sid('m');
    expect(await send(p, 'What are the big matches this weekend?', askP)).toMatchObject({ status: 'accepted' });
    expect(await send(q, 'And what about the weekend matches?', askQ)).toMatchObject({ status: 'accepted' });
    await p.log.next((e) => e.name === 'streaming_response' && e.payload.message_id === askP, 15_000);
    await q.log.next((e) => e.name === 'streaming_response' && e.payload.message_id === askQ, 15_000);

    a.process.kill('SIGTERM');

    // Everyone is told, on every endpoint.
    const noticeP = await p.log.next((e) => e.name === 'server_shutdown');
    expect(noticeP.payload).toMatchObject({ reconnect: true, session_id: sessionP });
    expect(noticeP.payload.retry_after_ms).toEqual(expect.any(Number));
    const noticeQ = await q.log.next((e) => e.name === 'server_shutdown');
    const wsNotice = await ws.log.next((e) => e.name === 'server_shutdown');
    expect(wsNotice.payload).toMatchObject({ reconnect: true, session_id: ws.sessionId, retry_after_ms: expect.any(Number) });
    expect(await ws.closed).toMatchObject({ code: 1001 });
    expect((await sports.log.next((e) => e.name === 'server_shutdown')).payload).toMatchObject({ reconnect: true });
    expect((await sports.log.next((e) => e.name === 'disconnect')).payload.reason).toBe('io server disconnect');

    // A takes no new connection meanwhile.
    const late = chatSocket(urlA, { session_id: sid('late') });
    closeLater.push(late.socket);
    await late.log.next((e) => e.name === 'connect_error' || e.name === 'connection_status');
    expect(late.log.named('connection_status')).toEqual([]);

    // Q does what the notice says: after retry_after_ms it reconnects, to B, and resumes after the last message it saw.
    await new Promise((done) => setTimeout(done, Number(noticeQ.payload.retry_after_ms)));
    const qOnB = await connectChat(urlB, { session_id: sessionQ, user_id: MOVER });
    closeLater.push(qOnB.socket);
    const resumed = await qOnB.socket.timeout(5_000).emitWithAck('resume', { session_id: sessionQ, last_message_id: greetingId });
    expect(resumed).toMatchObject({ session_id: sessionQ });
    // The answer arrives replayed (if A had stored it) or live from A's turn (through the adapter).
    const qAnswer = await qOnB.log.next((e) => e.name === 'bot_response' && e.payload.message_id === askQ, 20_000);
    expect(qAnswer.payload.content).toBe(ANSWER);

    // P got the whole answer from A before A closed its connection.
    await p.log.next((e) => e.name === 'disconnect', 20_000);
    expect(p.log.named('disconnect')[0].payload.reason).toBe('io server disconnect');
    const [pAnswer] = answersOf(p.log, askP);
    expect(pAnswer).toMatchObject({ content: ANSWER, cancelled: false });
    const streamed = p.log.forMessage(askP).filter((e) => e.name === 'streaming_response').map((e) => e.payload.content);
    expect(streamed.join('')).toBe(ANSWER);
    const names = p.log.events.map((e) => e.name);
    expect(names.indexOf('server_shutdown')).toBeLessThan(names.lastIndexOf('bot_response'));
    expect(names.lastIndexOf('bot_response')).toBeLessThan(names.lastIndexOf('disconnect'));

    expect(await a.exited).toBe(0);
    expect(a.stdout()).toContain('Shutdown complete');

    // Nothing stored was lost: B has both conversations whole.
    expect((await history(sessionP)).map((m) => [m.role, m.content])).toEqual([
      ['user', 'What are the big matches this weekend?'],
      ['assistant', ANSWER],
    ]);
    expect((await history(sessionQ)).map((m) => [m.role, m.content])).toEqual([
      ['user', 'Hi there'],
      ['assistant', GREETING],
      ['user', 'And what about the weekend matches?'],
      ['assistant', ANSWER],
    ]);
    // And a client of P's session that resumes on B after the last turn it saw gets nothing twice.
    const pOnB = await connectChat(urlB, { session_id: sessionP, user_id: MOVER });
    closeLater.push(pOnB.socket);
    expect(await pOnB.socket.timeout(5_000).emitWithAck('resume', { last_message_id: askP })).toMatchObject({ replayed: 0 });
  }, 90_000);
});
