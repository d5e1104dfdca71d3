import type { Adapter, BroadcastOptions, PrivateSessionId, Session } from 'socket.io-adapter';

/** How long a recovered socket is protected from getting, live, an event it was already replayed. */
const REPLAYED_WINDOW_MS = 10_000;
/** A recovery whose socket is never built (the client left meanwhile) stops recording after this. */
const RECORDING_LIMIT_MS = 10_000;

/** The adapter methods used here; `addOffsetIfNecessary` is what every event passes right before local delivery. */
interface ClusterAdapterInternals {
  restoreSession(pid: PrivateSessionId, offset: string): Promise<Session | null>;
  addOffsetIfNecessary(packet: EventPacket, opts: BroadcastOptions, offset: string): void;
}

interface EventPacket {
  type: number;
  id?: number;
  data: unknown[];
}

interface Delivered {
  data: unknown[];
  opts: BroadcastOptions;
  offset: string;
}

/**
 * Makes connection-state recovery on the Redis Streams adapter lose and repeat nothing.
 *
 * The adapter restores a session by reading the stream (XRANGE) up to its end, and Socket.IO only
 * then builds the socket and joins its rooms. An event stored after that read but delivered on this
 * instance before the socket exists reached nobody, and is not in the replay either: a streamed
 * answer then misses a chunk. And an event stored before the read, but arriving from another
 * instance (through the blocking XREAD) after the socket exists, is delivered twice.
 *
 * So, while a session is being restored, every event delivered here is recorded; when Socket.IO
 * reads the replay (in the socket's constructor, right after joining the rooms) it gets the events
 * recorded after the last one the stream read gave. For a while afterwards, an event the replay
 * already covered is not delivered to that socket again.
 */
export function closeRecoveryGaps(adapter: Adapter): void {
  const internals = adapter as unknown as ClusterAdapterInternals;
  const restore = internals.restoreSession.bind(adapter);
  const addOffset = internals.addOffsetIfNecessary.bind(adapter);
  const recordings = new Set<Delivered[]>();
  /** Recovered socket id → the last stream offset its replay covered, and until when that matters. */
  const replayed = new Map<string, { covered: string; until: number }>();

  internals.addOffsetIfNecessary = (packet, opts, offset) => {
    addOffset(packet, opts, offset);
    // Only packets that carry an offset are stored and replayed (events without ack, not volatile).
    if (packet.data.at(-1) !== offset) return;
    for (const recording of recordings) recording.push({ data: packet.data, opts, offset });
    const now = Date.now();
    for (const [socketId, { covered, until }] of replayed) {
      if (until < now) replayed.delete(socketId);
      // A new set: the one given may belong to a broadcast operator the caller uses again.
      else if (compareOffsets(offset, covered) <= 0) opts.except = new Set([...(opts.except ?? []), socketId]);
    }
  };

  internals.restoreSession = async (pid, offset) => {
    const recording: Delivered[] = [];
    recordings.add(recording);
    const stop = setTimeout(() => recordings.delete(recording), RECORDING_LIMIT_MS);
    stop.unref();
    let session: Session | null;
    try {
      session = await restore(pid, offset);
    } catch (error) {
      clearTimeout(stop);
      recordings.delete(recording);
      throw error;
    }
    if (!session) {
      clearTimeout(stop);
      recordings.delete(recording);
      return session;
    }
    const fromStream = session.missedPackets;
    const covered = fromStream.reduce<string>((last, data) => {
      const entry = data.at(-1);
      return typeof entry === 'string' && compareOffsets(entry, last) > 0 ? entry : last;
    }, offset);
    const { sid, rooms } = session;
    let replay: unknown[][] | undefined;
    Object.defineProperty(session, 'missedPackets', {
      enumerable: true,
      get: () => {
        if (!replay) {
          clearTimeout(stop);
          recordings.delete(recording);
          replayed.set(sid, { covered, until: Date.now() + REPLAYED_WINDOW_MS });
          const late = recording.filter(({ opts, offset: at }) => compareOffsets(at, covered) > 0 && reaches(rooms, opts)).map(({ data }) => data);
          replay = [...fromStream, ...late];
        }
        return replay;
      },
    });
    return session;
  };
}

/** Whether a broadcast with these options reaches a socket in these rooms (as the adapter decides it). */
function reaches(rooms: string[], opts: BroadcastOptions): boolean {
  const included = opts.rooms.size === 0 || rooms.some((room) => opts.rooms.has(room));
  const excluded = rooms.some((room) => opts.except?.has(room));
  return included && !excluded;
}

/** Orders Redis stream ids (`<ms>-<seq>`). */
export function compareOffsets(a: string, b: string): number {
  const [aMs, aSeq] = a.split('-').map(Number);
  const [bMs, bSeq] = b.split('-').map(Number);
  return aMs !== bMs ? aMs - bMs : aSeq - bSeq;
}
