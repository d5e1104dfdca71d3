import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import type { TestApp } from './test-app.js';
import { waitFor } from './redis-server.js';

/** The fields chat events carry (both transports), loosely typed for assertions. */
export interface WirePayload {
  type?: string;
  message_id?: string;
  session_id?: string;
  user_id?: string;
  content?: string;
  full_content?: string;
  final_content?: string;
  status?: string;
  is_typing?: boolean;
  is_final?: boolean;
  index?: number;
  chunk_index?: number;
  cancelled?: boolean;
  replayed?: boolean;
  resumed?: boolean;
  error_code?: string;
  [field: string]: unknown;
}

export interface ReceivedEvent {
  name: string;
  payload: WirePayload;
}

/** Starts the app listening on a free loopback port and returns its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Every event a client received, in order, with waits on what is still to come. */
export class EventLog {
  readonly events: ReceivedEvent[] = [];

  push(name: string, payload: unknown): void {
    this.events.push({ name, payload: (payload ?? {}) as WirePayload });
  }

  named(name: string): ReceivedEvent[] {
    return this.events.filter((event) => event.name === name);
  }

  /** The events about one message, in order. */
  forMessage(messageId: string): ReceivedEvent[] {
    return this.events.filter((event) => event.payload.message_id === messageId);
  }

  async next(predicate: (event: ReceivedEvent) => boolean, timeoutMs = 10_000): Promise<ReceivedEvent> {
    let found: ReceivedEvent | undefined;
    await waitFor(() => (found = this.events.find(predicate)) !== undefined, timeoutMs, 10);
    return found!;
  }

  /** Waits for the end of a turn (typing stops), on either transport. */
  async turnEnd(messageId: string, timeoutMs = 10_000): Promise<ReceivedEvent[]> {
    await this.next(
      (event) => (event.name === 'typing_indicator' || event.name === 'typing') && event.payload.message_id === messageId && event.payload.is_typing === false,
      timeoutMs,
    );
    return this.forMessage(messageId);
  }
}

export interface ChatSocket {
  socket: Socket;
  log: EventLog;
}

/** A Socket.IO client on /chat (WebSocket transport) that records everything it receives. */
export function chatSocket(baseUrl: string, auth: Record<string, unknown> = {}, options: { reconnection?: boolean } = {}): ChatSocket {
  const log = new EventLog();
  const socket = io(`${baseUrl}/chat`, {
    transports: ['websocket'],
    auth,
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 50,
    reconnectionDelayMax: 100,
    forceNew: true,
  });
  socket.onAny((name: string, payload: unknown) => log.push(name, payload));
  socket.on('disconnect', (reason) => log.push('disconnect', { reason }));
  socket.on('connect_error', (error: Error & { data?: unknown }) => log.push('connect_error', { message: error.message, ...(error.data as object) }));
  return { socket, log };
}

/** Connects and waits for `connection_status`; throws with the refusal when the server says no. */
export async function connectChat(baseUrl: string, auth: Record<string, unknown> = {}, options: { reconnection?: boolean } = {}): Promise<ChatSocket & { status: WirePayload }> {
  const client = chatSocket(baseUrl, auth, options);
  const first = await client.log.next((event) => event.name === 'connection_status' || event.name === 'connect_error');
  if (first.name === 'connect_error') {
    client.socket.close();
    throw new Error(`refused: ${JSON.stringify(first.payload)}`);
  }
  return { ...client, status: first.payload };
}

/** The reason a Socket.IO connection was refused (its `connect_error` data). */
export async function refusalOf(baseUrl: string, auth: Record<string, unknown>): Promise<WirePayload> {
  const client = chatSocket(baseUrl, auth);
  try {
    const event = await client.log.next((e) => e.name === 'connect_error' || e.name === 'connection_status');
    if (event.name !== 'connect_error') throw new Error('the connection was accepted');
    return event.payload;
  } finally {
    client.socket.close();
  }
}

export interface ChatWs {
  ws: WebSocket;
  log: EventLog;
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
}

/** A plain WebSocket client recording every JSON message by its `type`. */
export function chatWs(url: string): ChatWs {
  const log = new EventLog();
  const ws = new WebSocket(url);
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as WirePayload;
    log.push(String(message.type), message);
  });
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
  return {
    ws,
    log,
    closed,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
  };
}

/** Opens a plain WebSocket and waits for `session_created`. */
export async function connectWs(url: string): Promise<ChatWs & { sessionId: string }> {
  const client = chatWs(url);
  const created = await client.log.next((event) => event.name === 'session_created' || event.name === 'error');
  if (created.name === 'error') throw new Error(`refused: ${JSON.stringify(created.payload)}`);
  return { ...client, sessionId: String(created.payload.session_id) };
}
