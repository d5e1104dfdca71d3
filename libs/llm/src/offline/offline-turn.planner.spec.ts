import { Test } from '@nestjs/testing';
import { NluModule, NluService } from '@app/nlu';
import { resolveTurnFocus } from '../shared/turn-focus.js';
import { OfflineTurnPlanner } from './offline-turn.planner.js';

describe('OfflineTurnPlanner with bets', () => {
  let nlu: NluService;
  const planner = new OfflineTurnPlanner();
  const tools = new Set(['simulate_bet', 'propose_bet', 'get_match_odds', 'recommend_bets']);

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [NluModule] }).compile();
    nlu = moduleRef.get(NluService);
  });

  const toolFor = (message: string) => {
    const understood = nlu.analyze(message);
    const plan = planner.plan({ message, nlu: understood, focus: resolveTurnFocus(understood, { lastTeams: [] }, message), tools });
    return plan.kind === 'tools' ? plan.calls.map((c) => c.name) : plan.reply;
  };

  it.each(['bet €10 on Barcelona', 'apuesta 10 euros al Barça', 'Place a bet of 20 euros on Real Madrid', 'I want to bet 10 on Liverpool', 'quiero apostar 5 € al empate del Barcelona vs Real Madrid'])(
    'proposes a bet and prices it (never places one) for the order "%s"',
    (message) => {
      expect(toolFor(message)).toEqual(['propose_bet', 'simulate_bet']);
    },
  );

  it.each(['How much would I win with €10 on Barcelona?', '¿Cuánto ganaría con 10 € al Barça?', 'si apuesto 10 al Barça', 'What if I bet €10 on Chelsea?'])(
    'only simulates the "what if" "%s"',
    (message) => {
      expect(toolFor(message)).toEqual(['simulate_bet']);
    },
  );

  it('proposes nothing until the stake is known', () => {
    expect(toolFor('place a bet on Barcelona')).not.toEqual(['propose_bet']);
    expect(toolFor('bet on Barcelona')).not.toEqual(['propose_bet']);
  });
});

describe('OfflineTurnPlanner with competitions and the user\'s team', () => {
  let nlu: NluService;
  const planner = new OfflineTurnPlanner();
  const tools = new Set(['search_fixtures', 'list_tournaments']);

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [NluModule] }).compile();
    nlu = moduleRef.get(NluService);
  });

  const planFor = (message: string) => {
    const understood = nlu.analyze(message, { timeZone: 'Europe/Madrid' });
    return planner.plan({ message, nlu: understood, focus: resolveTurnFocus(understood, { lastTeams: [] }, message), tools });
  };

  it.each(['Premier League and Serie A games this weekend', 'partidos de LaLiga y de la Champions'])('lists every competition of "%s" in one search', (message) => {
    const plan = planFor(message);
    expect(plan.kind).toBe('tools');
    const search = plan.kind === 'tools' ? plan.calls.find((c) => c.name === 'search_fixtures') : undefined;
    expect((search?.args.tournaments as string[] | undefined)?.length).toBe(2);
  });

  it.each(['when does my team play?', '¿cuándo juega mi equipo?'])('asks which team is theirs for "%s" when none is known', (message) => {
    expect(planFor(message)).toEqual({ kind: 'reply', reply: 'need_my_team' });
  });

  it('looks up the team the user declares', () => {
    expect(planFor("I'm a Liverpool fan")).toEqual({ kind: 'tools', calls: [expect.objectContaining({ name: 'search_fixtures', args: expect.objectContaining({ team: 'Liverpool' }) })] });
  });
});

describe('OfflineTurnPlanner continuing the last answer', () => {
  let nlu: NluService;
  const planner = new OfflineTurnPlanner();
  const tools = new Set(['search_fixtures', 'recommend_bets', 'simulate_bet']);

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [NluModule] }).compile();
    nlu = moduleRef.get(NluService);
  });

  const planAfter = (message: string, context: Parameters<typeof resolveTurnFocus>[1]) => {
    const understood = nlu.analyze(message, { timeZone: 'Europe/Madrid' });
    return planner.plan({ message, nlu: understood, focus: resolveTurnFocus(understood, context, message), tools });
  };

  it('looks up both teams of "¿cuándo juegan el Betis y el Sevilla?"', () => {
    const plan = planAfter('¿cuándo juegan el betis y el sevilla?', { lastTeams: [] });
    expect(plan.kind === 'tools' && plan.calls.map((c) => c.args.team)).toEqual(['Real Betis', 'Sevilla']);
  });

  it('takes picks for "any of those worth a bet?" from the list just shown', () => {
    const lastCall = { name: 'search_fixtures', args: { tournament: 'Ligue 1', date_from: '2026-12-07', date_to: '2026-12-14', limit: 10 } };
    const plan = planAfter('any of those worth a bet?', { lastTeams: [], lastIntent: 'MATCH_SCHEDULE_QUERY', lastCall });
    expect(plan).toEqual({ kind: 'tools', calls: [{ name: 'recommend_bets', args: expect.objectContaining({ tournament: 'Ligue 1', date_from: '2026-12-07', date_to: '2026-12-14' }) }] });
  });

  it('backs the other side of a leg\'s match on "and with Madrid winning instead?"', () => {
    const selections = [{ team_a: 'Barcelona', team_b: 'Real Madrid', selection: 'Barcelona' }, { team_a: 'Celta Vigo', selection: 'Celta Vigo' }];
    const plan = planAfter('and with madrid winning instead?', { lastTeams: ['Barcelona', 'Real Madrid'], lastIntent: 'BET_SIMULATION', lastCall: { name: 'simulate_bet', args: { selections, stake: 20 } } });
    expect(plan).toEqual({
      kind: 'tools',
      calls: [{ name: 'simulate_bet', args: expect.objectContaining({ stake: 20, selections: [{ team_a: 'Barcelona', team_b: 'Real Madrid', selection: 'Real Madrid', market: '1x2' }, selections[1]] }) }],
    });
  });
});
