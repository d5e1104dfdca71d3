import type { FixtureOdds, MarketCode, SelectionKey } from '@app/sports-data';
import type { OddsChangeUpdate } from './sports-update.types.js';

/** One priced selection of a snapshot. */
export interface PricedSelection {
  market: MarketCode;
  line?: number;
  selection: SelectionKey;
  name: string;
  odds: number;
}

/** A fixture's prices keyed by market, line and selection. */
export type OddsSnapshot = Map<string, PricedSelection>;

export function snapshotOf(odds: FixtureOdds): OddsSnapshot {
  const snapshot: OddsSnapshot = new Map();
  for (const market of odds.markets) {
    for (const selection of market.selections) {
      const priced: PricedSelection = {
        market: market.market,
        ...(market.line === undefined ? {} : { line: market.line }),
        selection: selection.key,
        name: selection.name,
        odds: selection.odds,
      };
      snapshot.set(keyOf(priced), priced);
    }
  }
  return snapshot;
}

/**
 * The selections whose price differs between two snapshots. The line is part of a selection's
 * identity: "Over 2.5" and "Over 3.5" are different bets, so a moved line is not reported as a
 * price change of either.
 */
export function diffOdds(fixtureId: string, previous: OddsSnapshot, current: OddsSnapshot, at: string): OddsChangeUpdate[] {
  const changes: OddsChangeUpdate[] = [];
  for (const [key, now] of current) {
    const before = previous.get(key);
    if (before === undefined || before.odds === now.odds) continue;
    changes.push({
      type: 'odds_change',
      fixture_id: fixtureId,
      market: now.market,
      ...(now.line === undefined ? {} : { line: now.line }),
      selection: now.selection,
      selection_name: now.name,
      previous: before.odds,
      current: now.odds,
      at,
    });
  }
  return changes;
}

function keyOf(priced: PricedSelection): string {
  return `${priced.market}|${priced.line ?? ''}|${priced.selection}`;
}
