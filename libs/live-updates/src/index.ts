export { LiveUpdatesModule } from './live-updates.module.js';
export { OddsWatcherService, type PollSummary } from './odds-watcher.service.js';
export { SubscriptionService, MAX_TOPICS_PER_SUBSCRIBER, type ActiveTopics, type SubscriptionChange } from './subscription.service.js';
export { SportsUpdatesGateway, SPORTS_UPDATES_NAMESPACE } from './sports-updates.gateway.js';
export { SportsUpdatesWebSocketServer, SPORTS_UPDATES_WS_PATH, type ServerMessage } from './sports-updates-websocket.server.js';
export { WatcherLease, SingleInstanceLease } from './watcher-lease.js';
export { RedisWatcherLease } from './redis-watcher-lease.js';
export { RedisUpdatesChannel, type ChannelEvent } from './redis-updates.channel.js';
export { FollowedTopics } from './followed-topics.js';
export { MAX_ENTRIES_PER_LIST } from './subscription-request.js';
export { topicOf, topicsOfFixture, type TopicKind } from './topics.js';
export { InvalidJsonError, InvalidMessageFormatError, SubscriptionLimitError } from './live-updates.errors.js';
export type {
  NamedRef,
  OddsChangeUpdate,
  SportsUpdate,
  StatusChangeUpdate,
  SubscriptionView,
  UpdatesErrorPayload,
} from './sports-update.types.js';
