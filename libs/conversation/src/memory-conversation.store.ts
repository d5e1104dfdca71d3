import { Inject, Injectable } from '@nestjs/common';
import { cacheConfig, type CacheConfig } from '@app/config';
import {
  ConversationStore,
  MAX_STORED_MESSAGES,
  PREFERENCES_TTL_SECONDS,
  type ContextPatch,
  type CreateResult,
  type OpenTurnResult,
  type PreferencesPatch,
  type SessionRecord,
  type TurnWrite,
  type UnfoldedTail,
} from './conversation.store.js';
import { DEFAULT_PREFERENCES, type ChatMessage, type UserPreferences } from './conversation.types.js';

interface SessionEntry {
  record: SessionRecord;
  messages: ChatMessage[];
  expiresAt: number;
}

interface OwnerEntry {
  /** Session id → last activity (epoch ms). */
  sessions: Map<string, number>;
  expiresAt: number;
}

interface PreferencesEntry {
  stored: Partial<UserPreferences>;
  expiresAt: number;
}

// Expired entries are dropped when touched, and all of them at most this often, without a timer
// that would have to be stopped at shutdown.
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Conversations in this process's memory, for running without Redis: same behaviour and TTLs as
 * the Redis store, lost on restart and not shared between instances. Values are copied in and out
 * so callers never hold a reference into the store.
 */
@Injectable()
export class MemoryConversationStore extends ConversationStore {
  readonly kind = 'memory' as const;
  private readonly sessions = new Map<string, SessionEntry>();
  private readonly owners = new Map<string, OwnerEntry>();
  private readonly preferences = new Map<string, PreferencesEntry>();
  private readonly ttlMs: number;
  private lastSweep = Date.now();

  constructor(@Inject(cacheConfig.KEY) config: CacheConfig) {
    super();
    this.ttlMs = config.ttlSeconds.sessions * 1000;
  }

  async createIfAbsent(record: SessionRecord): Promise<CreateResult> {
    this.sweep();
    const existing = this.live(record.sessionId);
    if (existing) {
      if (existing.record.ownerId === record.ownerId) this.refresh(existing);
      return { record: structuredClone(existing.record), created: false };
    }
    const entry: SessionEntry = { record: structuredClone(record), messages: [], expiresAt: 0 };
    this.sessions.set(record.sessionId, entry);
    this.refresh(entry);
    return { record: structuredClone(entry.record), created: true };
  }

  async find(sessionId: string): Promise<SessionRecord | undefined> {
    const entry = this.live(sessionId);
    return entry && structuredClone(entry.record);
  }

  async append(sessionId: string, messages: readonly ChatMessage[], contextPatch?: ContextPatch): Promise<SessionRecord | undefined> {
    this.sweep();
    const entry = this.live(sessionId);
    if (!entry) return undefined;
    entry.messages.push(...structuredClone(messages));
    if (entry.messages.length > MAX_STORED_MESSAGES) entry.messages.splice(0, entry.messages.length - MAX_STORED_MESSAGES);
    entry.record.messageCount += messages.length;
    if (contextPatch) {
      const context: Record<string, unknown> = entry.record.context as unknown as Record<string, unknown>;
      for (const [field, value] of Object.entries(structuredClone(contextPatch))) {
        if (value === undefined) delete context[field];
        else context[field] = value;
      }
      entry.record.context.lastTeams ??= [];
    }
    entry.record.updatedAt = new Date().toISOString();
    this.refresh(entry);
    return structuredClone(entry.record);
  }

  async touch(record: SessionRecord): Promise<void> {
    const entry = this.live(record.sessionId);
    if (entry) this.refresh(entry);
  }

  async recentMessages(sessionId: string, limit: number): Promise<ChatMessage[]> {
    if (limit <= 0) return [];
    return structuredClone(this.live(sessionId)?.messages.slice(-limit) ?? []);
  }

  async retainedMessages(sessionId: string): Promise<ChatMessage[]> {
    return structuredClone(this.live(sessionId)?.messages ?? []);
  }

  async unfoldedTail(sessionId: string): Promise<UnfoldedTail | undefined> {
    const entry = this.live(sessionId);
    if (!entry) return undefined;
    const { messageCount, foldedThrough, summary } = entry.record;
    const unfolded = messageCount - foldedThrough;
    const messages = unfolded > 0 ? entry.messages.slice(-unfolded) : [];
    return { summary, messageCount, foldedThrough, messages: structuredClone(messages) };
  }

  async saveFold(sessionId: string, expectedFoldedThrough: number, foldedThrough: number, summary: string): Promise<boolean> {
    const entry = this.live(sessionId);
    if (!entry || entry.record.foldedThrough !== expectedFoldedThrough) return false;
    entry.record.foldedThrough = foldedThrough;
    entry.record.summary = summary;
    return true;
  }

  async listByActivity(ownerId: string, limit: number): Promise<SessionRecord[]> {
    const owner = this.liveOwner(ownerId);
    if (!owner) return [];
    const records: SessionRecord[] = [];
    for (const [sessionId] of [...owner.sessions].sort((a, b) => b[1] - a[1])) {
      const entry = this.live(sessionId);
      if (!entry) owner.sessions.delete(sessionId);
      else if (records.length < limit) records.push(structuredClone(entry.record));
    }
    return records;
  }

  async delete(record: SessionRecord): Promise<void> {
    this.sessions.delete(record.sessionId);
    this.owners.get(record.ownerId)?.sessions.delete(record.sessionId);
  }

  async deleteOwner(ownerId: string): Promise<number> {
    let deleted = 0;
    for (const sessionId of this.liveOwner(ownerId)?.sessions.keys() ?? []) {
      if (this.live(sessionId)) deleted++;
      this.sessions.delete(sessionId);
    }
    this.owners.delete(ownerId);
    this.preferences.delete(ownerId);
    return deleted;
  }

  async getPreferences(subject: string): Promise<UserPreferences> {
    const entry = this.livePreferences(subject);
    if (entry) entry.expiresAt = Date.now() + PREFERENCES_TTL_SECONDS * 1000;
    return withDefaults(entry?.stored ?? {});
  }

  async patchPreferences(subject: string, patch: PreferencesPatch): Promise<UserPreferences> {
    this.sweep();
    const entry = this.livePreferences(subject) ?? { stored: {}, expiresAt: 0 };
    const stored = entry.stored as Record<string, unknown>;
    for (const [field, value] of Object.entries(structuredClone(patch))) {
      if (value === undefined) delete stored[field];
      else stored[field] = value;
    }
    entry.expiresAt = Date.now() + PREFERENCES_TTL_SECONDS * 1000;
    this.preferences.set(subject, entry);
    return withDefaults(entry.stored);
  }

  // Without Redis there is no shared lock to take: SessionLockService serialises the turns here.
  async openTurn(record: SessionRecord, preferencesSubject: string): Promise<OpenTurnResult> {
    const { record: stored, created } = await this.createIfAbsent(record);
    if (stored.ownerId !== record.ownerId) return { status: 'denied' };
    const tail = await this.unfoldedTail(record.sessionId);
    if (!tail) return { status: 'denied' };
    return { status: 'opened', record: stored, created, tail, preferences: await this.getPreferences(preferencesSubject) };
  }

  async closeTurn(write: TurnWrite): Promise<boolean> {
    if (!(await this.append(write.sessionId, write.messages, write.contextPatch))) return false;
    if (write.fold) await this.saveFold(write.sessionId, write.fold.expectedFoldedThrough, write.fold.foldedThrough, write.fold.summary);
    if (write.preferences) await this.patchPreferences(write.preferencesSubject, write.preferences);
    return true;
  }

  private live(sessionId: string): SessionEntry | undefined {
    const entry = this.sessions.get(sessionId);
    if (entry && entry.expiresAt <= Date.now()) {
      this.sessions.delete(sessionId);
      return undefined;
    }
    return entry;
  }

  private liveOwner(ownerId: string): OwnerEntry | undefined {
    const owner = this.owners.get(ownerId);
    if (owner && owner.expiresAt <= Date.now()) {
      this.owners.delete(ownerId);
      return undefined;
    }
    return owner;
  }

  private livePreferences(subject: string): PreferencesEntry | undefined {
    const entry = this.preferences.get(subject);
    if (entry && entry.expiresAt <= Date.now()) {
      this.preferences.delete(subject);
      return undefined;
    }
    return entry;
  }

  private refresh(entry: SessionEntry): void {
    const now = Date.now();
    entry.expiresAt = now + this.ttlMs;
    const owner = this.liveOwner(entry.record.ownerId) ?? { sessions: new Map<string, number>(), expiresAt: 0 };
    owner.sessions.set(entry.record.sessionId, now);
    owner.expiresAt = now + this.ttlMs;
    this.owners.set(entry.record.ownerId, owner);
  }

  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const id of this.sessions.keys()) this.live(id);
    for (const id of this.owners.keys()) this.liveOwner(id);
    for (const id of this.preferences.keys()) this.livePreferences(id);
  }
}

function withDefaults(stored: Partial<UserPreferences>): UserPreferences {
  return structuredClone({ ...DEFAULT_PREFERENCES, ...stored });
}
