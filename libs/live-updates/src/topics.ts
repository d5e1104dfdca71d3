import type { Fixture } from '@app/sports-data';

/**
 * Topic names double as Socket.IO room names, so a fixture's update reaches everyone following the
 * fixture itself, either team or its tournament.
 */
export type TopicKind = 'fixture' | 'team' | 'tournament';

export function topicOf(kind: TopicKind, id: string): string {
  return `${kind}:${id}`;
}

export function parseTopic(topic: string): { kind: TopicKind; id: string } | undefined {
  const separator = topic.indexOf(':');
  const kind = topic.slice(0, separator);
  if (kind !== 'fixture' && kind !== 'team' && kind !== 'tournament') return undefined;
  return { kind, id: topic.slice(separator + 1) };
}

/** Every topic an update about this fixture goes to. */
export function topicsOfFixture(fixture: Fixture): string[] {
  return [
    topicOf('fixture', fixture.id),
    topicOf('team', fixture.home.id),
    topicOf('team', fixture.away.id),
    topicOf('tournament', fixture.tournament.id),
  ];
}
