import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { clientAddress, TrustedProxies } from '@app/common';
import { appConfig, type AppConfig } from '@app/config';
import { SocketAddressCap } from '@app/rate-limit';
import type { Subscription } from 'rxjs';
import type { Namespace, Socket } from 'socket.io';
import { toErrorPayload, TooManySocketsError } from './live-updates.errors.js';
import type { SubscriptionView, UpdatesErrorPayload } from './sports-update.types.js';
import { SportsUpdatesBus } from './sports-updates.bus.js';
import { SubscriptionService, type SubscriptionChange } from './subscription.service.js';

export const SPORTS_UPDATES_NAMESPACE = '/sports-updates';

/**
 * Socket.IO namespace `/sports-updates`: `subscribe` / `unsubscribe` with
 * `{fixture_ids?, teams?, tournaments?}`, acknowledged with the whole subscription; updates arrive
 * as `sports_update` events through the rooms `fixture:<id>`, `team:<id>` and `tournament:<id>`.
 * A failed request is answered with an `error` event (and the same payload as acknowledgement).
 */
@WebSocketGateway({ namespace: SPORTS_UPDATES_NAMESPACE })
export class SportsUpdatesGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<Socket>, OnGatewayDisconnect<Socket>, OnModuleDestroy {
  private readonly logger = new Logger(SportsUpdatesGateway.name);
  private delivery?: Subscription;
  private readonly trustedProxies: TrustedProxies;

  constructor(
    private readonly subscriptions: SubscriptionService,
    private readonly bus: SportsUpdatesBus,
    private readonly socketCap: SocketAddressCap,
    @Inject(appConfig.KEY) app: AppConfig,
  ) {
    this.trustedProxies = new TrustedProxies(app.trustedProxies);
  }

  afterInit(namespace: Namespace): void {
    // One emit to several rooms reaches a socket in more than one of them only once. Every instance
    // receives every update from the bus, so each delivers to its own sockets only, even when a
    // cross-instance Socket.IO adapter is installed (it would otherwise deliver each update once per instance).
    this.delivery = this.bus.updates$.subscribe(({ topics, update }) => namespace.local.to(topics).emit('sports_update', update));
  }

  onModuleDestroy(): void {
    this.delivery?.unsubscribe();
  }

  /** Counts the socket against its address's limit (on every instance); over it, the client is told and disconnected. */
  async handleConnection(client: Socket): Promise<void> {
    const { address, headers } = client.handshake;
    if (await this.socketCap.acquire('sports-updates', client.id, clientAddress(address, headers['x-forwarded-for'], this.trustedProxies))) return;
    client.emit('error', toErrorPayload(new TooManySocketsError(this.socketCap.limit), this.logger));
    client.disconnect(true);
  }

  handleDisconnect(client: Socket): void {
    void this.socketCap.release(client.id);
    void this.subscriptions.drop(client.id);
  }

  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() client: Socket, @MessageBody() body: unknown): Promise<SubscriptionView | UpdatesErrorPayload> {
    return this.answer(client, this.subscriptions.subscribe(client.id, body, (change) => syncRooms(client, change)));
  }

  @SubscribeMessage('unsubscribe')
  unsubscribe(@ConnectedSocket() client: Socket, @MessageBody() body: unknown): Promise<SubscriptionView | UpdatesErrorPayload> {
    return this.answer(client, this.subscriptions.unsubscribe(client.id, body, (change) => syncRooms(client, change)));
  }

  /** Acknowledges with the subscription; an error becomes an `error` event too, and the socket stays open. */
  private async answer(client: Socket, change: Promise<SubscriptionChange>): Promise<SubscriptionView | UpdatesErrorPayload> {
    try {
      return (await change).subscription;
    } catch (error) {
      const payload = toErrorPayload(error, this.logger);
      client.emit('error', payload);
      return payload;
    }
  }
}

async function syncRooms(client: Socket, { added, removed }: SubscriptionChange): Promise<void> {
  if (added.length > 0) await client.join(added);
  for (const room of removed) await client.leave(room);
}
