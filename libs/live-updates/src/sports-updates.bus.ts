import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import type { SportsUpdate } from './sports-update.types.js';

/** An update and the topics (rooms) whose subscribers should receive it. */
export interface RoutedUpdate {
  topics: string[];
  update: SportsUpdate;
}

/**
 * Hands updates from the watcher to every transport, so the watcher knows nothing of sockets and a
 * new transport only has to listen here.
 */
@Injectable()
export class SportsUpdatesBus implements OnModuleDestroy {
  private readonly updates = new Subject<RoutedUpdate>();

  get updates$(): Observable<RoutedUpdate> {
    return this.updates.asObservable();
  }

  publish(topics: string[], update: SportsUpdate): void {
    this.updates.next({ topics, update });
  }

  onModuleDestroy(): void {
    this.updates.complete();
  }
}
