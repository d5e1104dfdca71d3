/**
 * Load generator of `npm run bench:ws`, forked as its own process so that it does not share an
 * event loop with the server: many Socket.IO clients on `/chat` in one process, driven over IPC.
 * Kept cheap per message (shared listeners, one timer for every chatter, a map lookup per event)
 * so that on a small machine it leaves the CPU to the server.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { ChatResult, ClientReply, ClientRequest, ConnectResult } from './bench-ws-ipc.js';

interface Connection {
  socket: Socket;
  open: boolean;
  /** Messages this connection has sent, across phases: picks the next question and names the message. */
  sent: number;
}

interface PendingTurn {
  sentAt: number;
  firstAt: number;
}

interface Phase {
  turnMs: number[];
  firstTokenMs: number[];
  serverMs: number[];
  errors: Record<string, number>;
  disconnects: number;
  answered: number;
}

/** Questions a chatter cycles through, so one session never sends the same text twice in a row. */
const QUESTIONS = ['When does Barcelona play next?', 'Odds for Juventus vs Milan?', 'How much would I win with 50 on Chelsea?', 'Who is favourite in Real Madrid vs Sevilla?'];
const TICK_MS = 10;

const connections: Connection[] = [];
const pending = new Map<string, PendingTurn>();
let phase: Phase = newPhase();

function newPhase(): Phase {
  return { turnMs: [], firstTokenMs: [], serverMs: [], errors: {}, disconnects: 0, answered: 0 };
}

function count(errors: Record<string, number>, key: string, by = 1): void {
  errors[key] = (errors[key] ?? 0) + by;
}

// One set of listeners shared by every socket: each looks the turn up by its message id.
function onChunk(payload: { message_id?: string }): void {
  const turn = pending.get(payload?.message_id ?? '');
  if (turn && turn.firstAt === 0) turn.firstAt = performance.now();
}

function onAnswer(payload: { message_id?: string; response_time_ms?: unknown }): void {
  const id = payload?.message_id ?? '';
  const turn = pending.get(id);
  if (!turn) return;
  const now = performance.now();
  pending.delete(id);
  phase.answered += 1;
  phase.turnMs.push(now - turn.sentAt);
  phase.firstTokenMs.push((turn.firstAt || now) - turn.sentAt);
  if (typeof payload.response_time_ms === 'number') phase.serverMs.push(payload.response_time_ms);
}

function onError(payload: { message_id?: string; error_code?: string }): void {
  const code = payload?.error_code ?? 'unknown';
  if (payload?.message_id && pending.delete(payload.message_id)) count(phase.errors, `error event ${code}`);
  else count(phase.errors, `error event ${code} (no turn)`);
}

function onAck(ack: { message_id?: string | null; status?: string; error_code?: string }): void {
  if (ack?.status === 'accepted') return;
  if (ack?.message_id && pending.delete(ack.message_id)) count(phase.errors, `ack ${ack.status ?? '?'}${ack.error_code ? ` ${ack.error_code}` : ''}`);
}

function connectOne(url: string, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = io(`${url}/chat`, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: timeoutMs });
    const finish = (failure?: string) => {
      clearTimeout(timer);
      socket.off('connection_status', onStatus);
      socket.off('connect_error', onRefused);
      if (failure) {
        socket.close();
      } else {
        const connection: Connection = { socket, open: true, sent: 0 };
        connections.push(connection);
        socket.on('streaming_response', onChunk);
        socket.on('bot_response', onAnswer);
        socket.on('error', onError);
        socket.once('disconnect', () => {
          connection.open = false;
          phase.disconnects += 1;
        });
      }
      resolve(failure);
    };
    const onStatus = (payload: { status?: string }) => finish(payload?.status === 'connected' ? undefined : `status ${payload?.status}`);
    const onRefused = (error: Error & { data?: { error_code?: string } }) => finish(`refused ${error.data?.error_code ?? error.message}`);
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    socket.once('connection_status', onStatus);
    socket.once('connect_error', onRefused);
  });
}

async function connect(request: Extract<ClientRequest, { type: 'connect' }>): Promise<ConnectResult> {
  const started = performance.now();
  const failures: Record<string, number> = {};
  let next = 0;
  let connected = 0;
  const worker = async () => {
    while (next < request.count) {
      next += 1;
      const failure = await connectOne(request.url, request.timeoutMs);
      if (failure) count(failures, failure);
      else connected += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(request.concurrency, request.count) }, worker));
  return { attempted: request.count, connected, failures, durationMs: performance.now() - started, open: openCount() };
}

async function chat(request: Extract<ClientRequest, { type: 'chat' }>): Promise<ChatResult> {
  phase = newPhase();
  const chatters = connections.filter((c) => c.open).slice(0, request.chatters);
  const n = chatters.length;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  // Chatters are spread evenly over the interval, so the load is steady rather than in bursts.
  const due = new Float64Array(n).map((_, i) => started + (i / n) * request.intervalMs);
  let sent = 0;
  await new Promise<void>((done) => {
    const ticker = setInterval(() => {
      const now = performance.now();
      if (now - started >= request.durationMs) {
        clearInterval(ticker);
        done();
        return;
      }
      for (let i = 0; i < n; i++) {
        if (due[i] > now) continue;
        due[i] += request.intervalMs;
        const connection = chatters[i];
        if (!connection.open) continue;
        const seq = connection.sent++;
        const id = `${request.label}_${i}_${seq}`;
        pending.set(id, { sentAt: performance.now(), firstAt: 0 });
        connection.socket.emit('user_message', { content: QUESTIONS[seq % QUESTIONS.length], message_id: id }, onAck);
        sent += 1;
      }
    }, TICK_MS);
  });
  const drainUntil = performance.now() + request.drainMs;
  while (pending.size > 0 && performance.now() < drainUntil) await sleep(50);
  if (pending.size > 0) count(phase.errors, 'no bot_response in time', pending.size);
  pending.clear();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const ascending = (a: number, b: number) => a - b;
  return {
    chatters: n,
    sent,
    answered: phase.answered,
    turnMs: phase.turnMs.sort(ascending),
    firstTokenMs: phase.firstTokenMs.sort(ascending),
    serverMs: phase.serverMs.sort(ascending),
    errors: phase.errors,
    disconnects: phase.disconnects,
    open: openCount(),
    clientCpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
    clientRssBytes: process.memoryUsage().rss,
  };
}

async function close(): Promise<void> {
  for (const connection of connections) connection.socket.disconnect();
  connections.length = 0;
  await sleep(200);
}

function openCount(): number {
  let open = 0;
  for (const connection of connections) if (connection.open) open += 1;
  return open;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function reply(message: ClientReply): void {
  process.send?.(message);
}

process.on('message', (request: ClientRequest) => {
  const work =
    request.type === 'connect'
      ? connect(request).then((result) => reply({ id: request.id, type: 'connected', ...result }))
      : request.type === 'chat'
        ? chat(request).then((result) => reply({ id: request.id, type: 'chatted', ...result }))
        : close().then(() => reply({ id: request.id, type: 'closed' }));
  work.catch((error: unknown) => {
    process.stderr.write(`bench client: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
