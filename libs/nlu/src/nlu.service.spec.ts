import fc from 'fast-check';
import { INTENTS, INTENT_NAMES } from './intent-catalog.js';
import { createDefaultNluService } from './default-lexicon.js';
import { NluService } from './nlu.service.js';
import type { AnalyzeOptions, Intent } from './nlu.types.js';
import { TEST_LEXICON } from './testing/test-lexicon.js';

const nlu = createDefaultNluService();
// Wednesday 12 March 2025, midday in Madrid.
const OPTS: AnalyzeOptions = { now: new Date('2025-03-12T11:00:00Z'), timeZone: 'Europe/Madrid' };
const analyze = (text: string, opts: AnalyzeOptions = OPTS) => nlu.analyze(text, opts);

describe('NluService intents', () => {
  const cases: [Intent, string[]][] = [
    ['MATCH_SCHEDULE_QUERY', ['When does Barcelona play next?', 'any games on tonight?', '¿Cuándo juega el Barça?', 'próximo partido del Sevilla']],
    ['ODDS_INFORMATION_QUERY', ['Odds for Juventus vs Milan?', 'What does a draw pay?', '¿Cuáles son las cuotas del Betis?', 'cuánto paga el empate']],
    ['BETTING_RECOMMENDATION', ['Safest bet this weekend?', 'what should I bet on tonight', '¿Qué me recomiendas?', 'dame una combinada para el sábado']],
    ['TEAM_COMPARISON', ['Who is better, Arsenal or Chelsea?', 'compare Bayern and Dortmund', '¿Quién es mejor, el Barça o el Madrid?', 'historial entre Inter y Milan']],
    ['TOURNAMENT_INFO', ['Which leagues do you cover?', 'premier league table', '¿Qué torneos tienen?', 'clasificación de LaLiga']],
    ['USER_BALANCE_QUERY', ["What's my balance?", 'how much money do I have', '¿Cuál es mi saldo?', 'cuánto dinero tengo']],
    ['BET_SIMULATION', ['How much would I win with €50 on Chelsea?', 'if I bet $20 on the Lakers what do I get', '¿Cuánto ganaría si apuesto 50€ al Real Madrid?', 'con 10 euros al empate cuánto saco']],
    ['GENERAL_SPORTS_QUERY', ['Who won the Champions League last year?', 'is Mbappe injured?', '¿Quién es el entrenador del Atleti?', '¿cuántos goles lleva Lewandowski?']],
    ['GREETING', ['Hi', 'good morning!', 'Hola', 'buenas tardes']],
    ['HELP_REQUEST', ['What can you do?', 'help', '¿Qué puedes hacer?', 'necesito ayuda']],
    ['UNCLEAR', ['asdfgh qwerty', '', '???', 'jajaja']],
  ];
  for (const [intent, texts] of cases) {
    it.each(texts)(`${intent}: %s`, (text) => {
      const r = analyze(text);
      expect(r.intent).toBe(intent);
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    });
  }

  it('gives a clear request a confident score and lists runner-ups', () => {
    const r = analyze('What are the odds for Barcelona vs Real Madrid?');
    expect(r.confidence).toBeGreaterThan(0.6);
    const weak = analyze('Barcelona');
    expect(weak.confidence).toBeLessThan(r.confidence);
    expect(weak.alternatives?.length).toBeGreaterThan(0);
  });

  it('lets a request wrapped in a greeting win over the greeting', () => {
    expect(analyze('hola, ¿cuándo juega el Betis?').intent).toBe('MATCH_SCHEDULE_QUERY');
    expect(analyze('hi there, what are the odds for Chelsea vs Arsenal').intent).toBe('ODDS_INFORMATION_QUERY');
  });

  it('describes every intent in the catalogue', () => {
    expect(INTENTS.map((i) => i.name)).toEqual(INTENT_NAMES);
    expect(INTENT_NAMES).toHaveLength(11);
    for (const i of INTENTS) expect(i.description.length).toBeGreaterThan(10);
  });
});

describe('NluService entities', () => {
  it('returns canonical team names in order of mention', () => {
    expect(analyze('Odds for Juventus vs Milan?').entities.teams).toEqual(['Juventus', 'AC Milan']);
    expect(analyze('man utd or man city?').entities.teams).toEqual(['Manchester United', 'Manchester City']);
  });

  it('expands derbies into both teams', () => {
    expect(analyze('odds for El Clasico').entities.teams).toEqual(['Barcelona', 'Real Madrid']);
    expect(analyze('who wins the Manchester derby?').entities.teams).toEqual(['Manchester City', 'Manchester United']);
    expect(analyze('¿cuándo es el derbi de la Madonnina?').entities.teams).toEqual(['Inter', 'AC Milan']);
    expect(analyze('Der Klassiker odds').entities.teams).toEqual(['Bayern Munich', 'Borussia Dortmund']);
  });

  it('tolerates slang, missing accents and typos in names', () => {
    expect(analyze('cuando juega el barsa').entities.teams).toEqual(['Barcelona']);
    expect(analyze('the gunners vs spurs').entities.teams).toEqual(['Arsenal', 'Tottenham Hotspur']);
    expect(analyze('Man U next game').entities.teams).toEqual(['Manchester United']);
    expect(analyze('atletico de madrid').entities.teams).toEqual(['Atletico Madrid']);
    expect(analyze('when does barcleona play').entities.teams).toEqual(['Barcelona']);
    expect(analyze('liverpol odds').entities.teams).toEqual(['Liverpool']);
    expect(analyze('juventos vs napoli').entities.teams).toEqual(['Juventus', 'Napoli']);
  });

  it('does not fuzzy-match short or unrelated words onto teams', () => {
    expect(analyze('como funciona esto').entities.teams).toEqual([]);
    expect(analyze('nice to meet you').entities.teams).toEqual([]);
    expect(analyze('how many euros do I have').entities.tournaments).toEqual([]);
  });

  it('recognises competitions', () => {
    expect(analyze('premier league table').entities.tournaments).toEqual(['Premier League']);
    expect(analyze('partidos de la liga de campeones').entities.tournaments).toEqual(['Champions League']);
  });

  it('extracts stakes with currencies, and the pick', () => {
    const r = analyze('How much would I win with €50 on Chelsea?');
    expect(r.entities.amounts).toEqual([{ value: 50, currency: 'EUR' }]);
    expect(r.entities.teams).toEqual(['Chelsea']);
    expect(r.entities.pick).toBe('Chelsea');
    expect(analyze('10 on Arsenal, what do I get?').entities.amounts).toEqual([{ value: 10, currency: null }]);
    expect(analyze('apuesto 20 dólares al Betis').entities.amounts).toEqual([{ value: 20, currency: 'USD' }]);
  });

  it('never reads years, kick-off times or scorelines as stakes', () => {
    expect(analyze('who won the 2010 World Cup').entities.amounts).toEqual([]);
    expect(analyze('Barcelona vs Madrid at 20:00, odds?').entities.amounts).toEqual([]);
    expect(analyze('odds for a 2-1 Real Madrid win').entities.amounts).toEqual([]);
    expect(analyze('el Betis ganó 3-0 en 2023').entities.amounts).toEqual([]);
  });

  it('reads outcomes, including a named pick inside a fixture', () => {
    expect(analyze('What does a draw pay?').entities.outcome).toBe('draw');
    expect(analyze('cuánto paga el empate').entities.outcome).toBe('draw');
    expect(analyze('odds for a home win in Betis vs Sevilla').entities.outcome).toBe('home');
    expect(analyze('cuota de que gane el visitante').entities.outcome).toBe('away');
    const pick = analyze('€20 on Sevilla in Betis vs Sevilla');
    expect(pick.entities.pick).toBe('Sevilla');
    expect(pick.entities.outcome).toBe('away');
    expect(pick.entities.teams).toEqual(['Sevilla', 'Real Betis']);
  });

  it('reads markets', () => {
    expect(analyze('over 2.5 goals odds for Bayern').entities.markets).toEqual(['over_under']);
    expect(analyze('cuota de más de 2.5 goles').entities.markets).toEqual(['over_under']);
    expect(analyze('both teams to score in Lyon vs Lille?').entities.markets).toEqual(['btts']);
    expect(analyze('cuotas ambos marcan').entities.markets).toEqual(['btts']);
    expect(analyze('double chance odds for Atalanta').entities.markets).toEqual(['double_chance']);
    expect(analyze('hándicap del Milan').entities.markets).toEqual(['handicap']);
    expect(analyze('match result odds Chelsea Arsenal').entities.markets).toEqual(['1x2']);
    expect(analyze('cuota 1x2 del Betis').entities.markets).toEqual(['1x2']);
  });

  it('reads the risk profile of a recommendation request', () => {
    expect(analyze('Safest bet this weekend?').entities.riskProfile).toBe('safest');
    expect(analyze('any value bets tonight?').entities.riskProfile).toBe('value');
    expect(analyze('give me an underdog for Saturday').entities.riskProfile).toBe('underdog');
    expect(analyze('arma una combinada').entities.riskProfile).toBe('accumulator');
    expect(analyze('la apuesta más segura').entities.riskProfile).toBe('safest');
  });

  it('resolves dates in the user time zone', () => {
    expect(analyze('safest bet this weekend').entities.dates).toEqual({ from: '2025-03-15', to: '2025-03-16' });
    expect(analyze('¿qué partidos hay mañana?').entities.dates).toEqual({ from: '2025-03-13', to: '2025-03-13' });
    expect(analyze('does Barcelona play on Sunday?').entities.dates).toEqual({ from: '2025-03-16', to: '2025-03-16' });
    expect(analyze('partidos la próxima semana').entities.dates).toEqual({ from: '2025-03-17', to: '2025-03-23' });
    expect(analyze('Odds for Juventus vs Milan?').entities.dates).toBeUndefined();
  });
});

describe('NluService follow-ups and language', () => {
  it.each(['And Real Madrid?', 'What about the odds?', '¿Y el Barcelona?', 'y mañana?', 'what about tomorrow', 'and them?'])(
    'flags %s as a follow-up',
    (text) => {
      expect(analyze(text).entities.isFollowUp).toBe(true);
    },
  );

  it.each(['When does Barcelona play next?', 'Real Madrid y Barcelona, ¿quién es mejor?', 'when do Arsenal play their next game'])(
    'does not flag %s',
    (text) => {
      expect(analyze(text).entities.isFollowUp).toBe(false);
    },
  );

  it('keeps the intent a follow-up carries', () => {
    expect(analyze('What about the odds?').intent).toBe('ODDS_INFORMATION_QUERY');
    expect(analyze('¿y si apuesto 30?').intent).toBe('BET_SIMULATION');
    expect(analyze('¿Y el Madrid?').entities.teams).toEqual(['Real Madrid']);
  });

  it('detects the language from function words and Spanish typography', () => {
    expect(analyze('When does Barcelona play next?').language).toBe('en');
    expect(analyze('¿Cuándo juega el Barça?').language).toBe('es');
    expect(analyze('cuando juega el madrid').language).toBe('es');
    expect(analyze('Barcelona?', { ...OPTS, languageHint: 'es' }).language).toBe('es');
    expect(analyze('Barcelona?', { ...OPTS, languageHint: 'en' }).language).toBe('en');
  });
});

describe('NluService robustness', () => {
  it('never throws and always returns a confidence in [0, 1]', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 })), (text) => {
        const r = nlu.analyze(text, OPTS);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        expect(INTENT_NAMES).toContain(r.intent);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('€', '50', 'on', 'Barça', '¿', 'y', 'vs', '2-1', 'mañana', ' ', 'x', 'Como'), { maxLength: 20 }), (parts) => {
        const r = nlu.analyze(parts.join(' '), OPTS);
        expect(Number.isFinite(r.confidence)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('repairs typos in date words before resolving them', () => {
    expect(analyze('matches tomorow').entities.dates).toEqual({ from: '2025-03-13', to: '2025-03-13' });
    expect(analyze('best bet this wekend').entities.dates).toEqual({ from: '2025-03-15', to: '2025-03-16' });
  });

  it('tolerates odd input', () => {
    expect(() => nlu.analyze(undefined as unknown as string)).not.toThrow();
    expect(nlu.analyze('x'.repeat(50_000)).intent).toBe('UNCLEAR');
    expect(nlu.analyze('hola', { timeZone: 'Mars/Olympus' }).intent).toBe('GREETING');
  });

  it('analyses an utterance in a few milliseconds', () => {
    const texts = ['How much would I win with €50 on Chelsea?', '¿Cuándo juega el Barça este fin de semana?', 'compair tottenham and west ham'];
    for (const t of texts) nlu.analyze(t, OPTS);
    const started = performance.now();
    for (let i = 0; i < 300; i++) nlu.analyze(texts[i % texts.length], OPTS);
    expect((performance.now() - started) / 300).toBeLessThan(5);
  });

  it('works over any lexicon, and as a Nest provider', () => {
    const custom = new NluService(TEST_LEXICON);
    expect(custom.analyze('odds for barca vs atleti').entities.teams).toEqual(['Barcelona', 'Atletico Madrid']);
    expect(custom.explain('odds for barca').features).toContain('ODDS_INFORMATION_QUERY:odds');
  });
});
