import { IntentClassifier, softmax } from './intent-classifier.js';
import type { Intent, NluEntities } from './nlu.types.js';

const noEntities: NluEntities = { teams: [], tournaments: [], amounts: [], markets: [], isFollowUp: false };

describe('softmax', () => {
  it('turns scores into probabilities that sum to one, best first', () => {
    const ranking = softmax(new Map<Intent, number>([['GREETING', 3], ['UNCLEAR', 1], ['HELP_REQUEST', 0]]));
    expect(ranking[0].intent).toBe('GREETING');
    expect(ranking.reduce((a, r) => a + r.confidence, 0)).toBeCloseTo(1, 10);
  });
});

describe('IntentClassifier', () => {
  const classifier = new IntentClassifier();

  it('reports the features behind a decision', () => {
    const c = classifier.classify({ skeleton: 'odds for @team', entities: { ...noEntities, teams: ['Chelsea'] }, unknownTokenRatio: 0, tokenCount: 3 });
    expect(c.intent).toBe('ODDS_INFORMATION_QUERY');
    expect(c.fired).toContain('ODDS_INFORMATION_QUERY:odds');
  });

  it('turns a stake plus a selection into a simulation', () => {
    const c = classifier.classify({
      skeleton: '@amount on @team',
      entities: { ...noEntities, teams: ['Chelsea'], amounts: [{ value: 10, currency: 'EUR' }], pick: 'Chelsea' },
      unknownTokenRatio: 0,
      tokenCount: 3,
    });
    expect(c.intent).toBe('BET_SIMULATION');
  });

  it('falls back to UNCLEAR without any signal', () => {
    const c = classifier.classify({ skeleton: 'zxqv', entities: noEntities, unknownTokenRatio: 1, tokenCount: 1 });
    expect(c.intent).toBe('UNCLEAR');
  });
});
