import type { Prediction, PredictionService, SportsDataService } from '@app/sports-data';

const MAX_ENTRIES = 500;

export interface MemoPrediction {
  prediction: Prediction;
  stale: boolean;
  source: string;
}

/**
 * Predictions keyed by fixture and odds timestamp. A prediction fits a goal model to the prices,
 * which takes a noticeable fraction of a second, and recommendations scan many fixtures; the key
 * changes whenever the prices move, so a remembered answer always matches the current odds.
 */
export class PredictionMemo {
  private readonly entries = new Map<string, Promise<MemoPrediction>>();

  constructor(
    private readonly predictions: PredictionService,
    private readonly sportsData: SportsDataService,
  ) {}

  async predict(fixtureId: string): Promise<MemoPrediction> {
    const odds = await this.sportsData.getOdds(fixtureId);
    const key = `${fixtureId}:${odds.data.updatedAt}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = this.predictions.predict(fixtureId);
      this.entries.set(key, entry);
      // A failed prediction is not remembered, so the next request tries again.
      entry.catch(() => this.entries.delete(key));
      if (this.entries.size > MAX_ENTRIES) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
    }
    return entry;
  }
}
