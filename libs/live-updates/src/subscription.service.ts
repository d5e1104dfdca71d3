import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { SportsDataService, UnknownTournamentError } from '@app/sports-data';
import { Observable, Subject } from 'rxjs';
import { SubscriptionLimitError } from './live-updates.errors.js';
import { parseSubscriptionRequest, type SubscriptionRequest } from './subscription-request.js';
import type { NamedRef, SubscriptionView } from './sports-update.types.js';
import { parseTopic, topicOf } from './topics.js';

/** Topics one subscriber may hold at once, across fixtures, teams and tournaments. */
export const MAX_TOPICS_PER_SUBSCRIBER = 100;

/** The outcome of a subscribe or unsubscribe: the whole subscription and the topics it gained or lost. */
export interface SubscriptionChange {
  subscription: SubscriptionView;
  added: string[];
  removed: string[];
}

export type ApplyChange = (change: SubscriptionChange) => Promise<void> | void;

/** Ids of everything followed by at least one subscriber of this instance. */
export interface ActiveTopics {
  fixtureIds: string[];
  teamIds: string[];
  tournamentIds: string[];
}

/**
 * Who follows what, independent of the transport: the Socket.IO gateway and the plain WebSocket
 * server both hand their clients' requests here under a subscriber id of their own. Team and
 * tournament names are resolved to ids through the sports data, and fixture ids are checked to
 * exist, so a typo is answered with suggestions instead of a subscription that never fires.
 *
 * Requests of one subscriber run one after another, so a quick subscribe/unsubscribe pair, or a
 * disconnect while a subscribe is resolving names, cannot leave topics behind.
 */
@Injectable()
export class SubscriptionService implements OnModuleDestroy {
  // subscriber -> topic -> display name (fixtures are named by their id).
  private readonly bySubscriber = new Map<string, Map<string, string>>();
  private readonly byTopic = new Map<string, Set<string>>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly changes = new Subject<number>();

  constructor(private readonly sportsData: SportsDataService) {}

  onModuleDestroy(): void {
    this.changes.complete();
  }

  /** Emits the number of followed topics after every change, so the watcher can start, stop or refresh. */
  get changes$(): Observable<number> {
    return this.changes.asObservable();
  }

  /**
   * Adds what the payload names. `apply` runs inside this subscriber's queue, so a transport that
   * mirrors topics elsewhere (Socket.IO rooms) applies changes in the order they were made.
   */
  async subscribe(subscriberId: string, payload: unknown, apply?: ApplyChange): Promise<SubscriptionChange> {
    const request = parseSubscriptionRequest(payload, 'subscribe');
    return this.serialize(subscriberId, async () => {
      const wanted = await this.resolveForSubscribe(request);
      const held = this.bySubscriber.get(subscriberId) ?? new Map<string, string>();
      const added = [...wanted.keys()].filter((topic) => !held.has(topic));
      if (held.size + added.length > MAX_TOPICS_PER_SUBSCRIBER) throw new SubscriptionLimitError(MAX_TOPICS_PER_SUBSCRIBER);
      for (const topic of added) this.add(subscriberId, held, topic, wanted.get(topic) ?? topic);
      this.bySubscriber.set(subscriberId, held);
      const change: SubscriptionChange = { subscription: this.view(held), added, removed: [] };
      await apply?.(change);
      this.changed();
      return change;
    });
  }

  /** Removes what the payload names, or everything when it names nothing. */
  async unsubscribe(subscriberId: string, payload: unknown, apply?: ApplyChange): Promise<SubscriptionChange> {
    const request = parseSubscriptionRequest(payload, 'unsubscribe');
    return this.serialize(subscriberId, async () => {
      const held = this.bySubscriber.get(subscriberId) ?? new Map<string, string>();
      const everything = request.fixtureIds.length + request.teams.length + request.tournaments.length === 0;
      const unwanted = everything ? [...held.keys()] : await this.resolveForUnsubscribe(request, held);
      const removed = [...new Set(unwanted)].filter((topic) => held.has(topic));
      for (const topic of removed) this.remove(subscriberId, held, topic);
      if (held.size === 0) this.bySubscriber.delete(subscriberId);
      const change: SubscriptionChange = { subscription: this.view(held), added: [], removed };
      await apply?.(change);
      this.changed();
      return change;
    });
  }

  /**
   * Follows exactly these tournaments, named by id, and no other (fixtures and teams followed stay):
   * the original ChatBet protocol's `competitions`, where each `subscribe` gives the whole list.
   */
  async followOnlyTournaments(subscriberId: string, tournamentIds: readonly string[], apply?: ApplyChange): Promise<SubscriptionChange> {
    return this.serialize(subscriberId, async () => {
      const wanted = await this.resolveTournamentIds(tournamentIds);
      const held = this.bySubscriber.get(subscriberId) ?? new Map<string, string>();
      const removed = [...held.keys()].filter((topic) => parseTopic(topic)?.kind === 'tournament' && !wanted.has(topic));
      const added = [...wanted.keys()].filter((topic) => !held.has(topic));
      if (held.size - removed.length + added.length > MAX_TOPICS_PER_SUBSCRIBER) throw new SubscriptionLimitError(MAX_TOPICS_PER_SUBSCRIBER);
      for (const topic of removed) this.remove(subscriberId, held, topic);
      for (const topic of added) this.add(subscriberId, held, topic, wanted.get(topic) ?? topic);
      if (held.size === 0) this.bySubscriber.delete(subscriberId);
      else this.bySubscriber.set(subscriberId, held);
      const change: SubscriptionChange = { subscription: this.view(held), added, removed };
      await apply?.(change);
      this.changed();
      return change;
    });
  }

  /** Forgets a subscriber whose connection closed. */
  drop(subscriberId: string): Promise<void> {
    return this.serialize(subscriberId, async () => {
      const held = this.bySubscriber.get(subscriberId);
      if (held === undefined) return;
      for (const topic of [...held.keys()]) this.remove(subscriberId, held, topic);
      this.bySubscriber.delete(subscriberId);
      this.changed();
    });
  }

  /** Subscribers following any of these topics, each once. */
  subscribersOf(topics: readonly string[]): Set<string> {
    const found = new Set<string>();
    for (const topic of topics) for (const id of this.byTopic.get(topic) ?? []) found.add(id);
    return found;
  }

  activeTopics(): ActiveTopics {
    const active: ActiveTopics = { fixtureIds: [], teamIds: [], tournamentIds: [] };
    for (const topic of this.byTopic.keys()) {
      const parsed = parseTopic(topic);
      if (parsed?.kind === 'fixture') active.fixtureIds.push(parsed.id);
      else if (parsed?.kind === 'team') active.teamIds.push(parsed.id);
      else if (parsed?.kind === 'tournament') active.tournamentIds.push(parsed.id);
    }
    return active;
  }

  get topicCount(): number {
    return this.byTopic.size;
  }

  /** Topic -> display name of everything asked for; rejects with the sports data's Unknown*Error. */
  private async resolveForSubscribe(request: SubscriptionRequest): Promise<Map<string, string>> {
    const [fixtures, teams, tournaments] = await Promise.all([
      Promise.all(request.fixtureIds.map((id) => this.sportsData.getFixture(id))),
      Promise.all(request.teams.map((name) => this.sportsData.resolveTeam(name))),
      Promise.all(request.tournaments.map((name) => this.sportsData.resolveTournament(name))),
    ]);
    const wanted = new Map<string, string>();
    for (const { data } of fixtures) wanted.set(topicOf('fixture', data.id), `${data.home.name} vs ${data.away.name}`);
    for (const team of teams) wanted.set(topicOf('team', team.id), team.name);
    for (const tournament of tournaments) wanted.set(topicOf('tournament', tournament.id), tournament.name);
    return wanted;
  }

  /** Topic -> display name of tournaments named by id; rejects an id the sports data does not know. */
  private async resolveTournamentIds(ids: readonly string[]): Promise<Map<string, string>> {
    const wanted = new Map<string, string>();
    if (ids.length === 0) return wanted;
    const { data: tournaments } = await this.sportsData.getTournaments();
    const byId = new Map(tournaments.map((tournament) => [tournament.id, tournament]));
    for (const id of ids) {
      const tournament = byId.get(id);
      if (tournament === undefined) throw new UnknownTournamentError(id);
      wanted.set(topicOf('tournament', tournament.id), tournament.name);
    }
    return wanted;
  }

  /**
   * Fixture ids are taken as given (a finished or vanished fixture can still be dropped); a team or
   * tournament may be named by the id this subscriber holds (as the acknowledgement showed it) or
   * by any name the sports data resolves.
   */
  private async resolveForUnsubscribe(request: SubscriptionRequest, held: Map<string, string>): Promise<string[]> {
    const byIdOrName = async (kind: 'team' | 'tournament', value: string): Promise<string> => {
      if (held.has(topicOf(kind, value))) return topicOf(kind, value);
      const resolved = kind === 'team' ? await this.sportsData.resolveTeam(value) : await this.sportsData.resolveTournament(value);
      return topicOf(kind, resolved.id);
    };
    return Promise.all([
      ...request.fixtureIds.map(async (id) => topicOf('fixture', id)),
      ...request.teams.map((value) => byIdOrName('team', value)),
      ...request.tournaments.map((value) => byIdOrName('tournament', value)),
    ]);
  }

  private add(subscriberId: string, held: Map<string, string>, topic: string, name: string): void {
    held.set(topic, name);
    const subscribers = this.byTopic.get(topic) ?? new Set<string>();
    subscribers.add(subscriberId);
    this.byTopic.set(topic, subscribers);
  }

  private remove(subscriberId: string, held: Map<string, string>, topic: string): void {
    held.delete(topic);
    const subscribers = this.byTopic.get(topic);
    subscribers?.delete(subscriberId);
    if (subscribers?.size === 0) this.byTopic.delete(topic);
  }

  private view(held: Map<string, string>): SubscriptionView {
    const view: SubscriptionView = { fixture_ids: [], teams: [], tournaments: [] };
    for (const [topic, name] of held) {
      const parsed = parseTopic(topic);
      if (parsed === undefined) continue;
      const ref: NamedRef = { id: parsed.id, name };
      if (parsed.kind === 'fixture') view.fixture_ids.push(parsed.id);
      else if (parsed.kind === 'team') view.teams.push(ref);
      else view.tournaments.push(ref);
    }
    return view;
  }

  private changed(): void {
    this.changes.next(this.byTopic.size);
  }

  private serialize<T>(subscriberId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(subscriberId) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(subscriberId, tail);
    void tail.then(() => {
      if (this.queues.get(subscriberId) === tail) this.queues.delete(subscriberId);
    });
    return result;
  }
}
