import { createDefaultNluService } from './default-lexicon.js';

const nlu = createDefaultNluService();
const entities = (text: string) => nlu.analyze(text, { timeZone: 'Europe/Madrid', now: new Date('2026-12-07T11:00:00Z') }).entities;

describe('accumulator legs', () => {
  it('reads each "X to beat Y" clause as its own leg', () => {
    expect(entities("I want an accumulator: Barcelona to beat Real Madrid and Arsenal to beat Chelsea, 20€ stake. What's the payout?").legs).toEqual([
      { team: 'Barcelona', opponent: 'Real Madrid', selection: 'win' },
      { team: 'Arsenal', opponent: 'Chelsea', selection: 'win' },
    ]);
  });

  it('reads Spanish "combinada: gana el X y gana el Y"', () => {
    const legs = entities('Combinada: gana el Madrid y gana el PSG, 10 euros').legs;
    expect(legs?.map((l) => l.team)).toEqual(['Real Madrid', 'Paris Saint-Germain']);
  });

  it('reads "X to win their next match and Y theirs" as two teams, not one match between them', () => {
    const legs = entities('a 20 euro double: Barcelona to win their next match and Liverpool to win theirs').legs;
    expect(legs).toEqual([
      { team: 'Barcelona', selection: 'win' },
      { team: 'Liverpool', selection: 'win' },
    ]);
  });

  it('keeps a total or a draw on the leg that names it', () => {
    const legs = entities('€10 treble: over 2.5 in Inter vs Milan, draw in Betis vs Sevilla and Bayern to win');
    expect(legs.legs).toEqual([
      { team: 'Inter', opponent: 'AC Milan', selection: 'over', line: 2.5 },
      { team: 'Real Betis', opponent: 'Sevilla', selection: 'draw' },
      { team: 'Bayern Munich', selection: 'win' },
    ]);
  });

  it('does not read two teams in a schedule question as a bet', () => {
    expect(entities('When do Barcelona and Real Madrid play?').legs).toBeUndefined();
    expect(entities('Compare Arsenal and Chelsea').legs).toBeUndefined();
  });
});

describe('unknown teams', () => {
  it.each([
    ['When does Real Springfield FC play next?', 'Real Springfield FC'],
    ['When does Atlético Patitos play?', 'Atlético Patitos'],
    ['odds for Springfield Atoms vs Lakers', 'Springfield Atoms'],
  ])('names %s as unknown and takes no real team for it', (text, name) => {
    const e = entities(text);
    expect(e.unknownTeams).toEqual([name]);
    expect(e.teams).not.toContain('Real Madrid');
    expect(e.teams).not.toContain('Atlético Madrid');
  });

  it('still reads a misspelt real team as that team', () => {
    const e = entities('When does Barcelonna play?');
    expect(e.teams).toEqual(['Barcelona']);
    expect(e.unknownTeams).toBeUndefined();
  });

  it('does not take a well-known player for a team', () => {
    expect(entities('Is Lamine Yamal playing tomorrow?').unknownTeams).toBeUndefined();
  });
});

describe('sport words', () => {
  it('reads a club in a basketball question as its basketball side', () => {
    const e = entities('¿Cuándo juega el Real Madrid de baloncesto?');
    expect(e.sport).toBe('basketball');
    expect(e.teams).toEqual(['Real Madrid Baloncesto']);
  });

  it('leaves football clubs alone without a sport word', () => {
    expect(entities('¿Cuándo juega el Real Madrid?').teams).toEqual(['Real Madrid']);
  });

  it('takes the sport from a competition', () => {
    expect(entities('NBA games tonight').sport).toBe('basketball');
  });
});

describe('asks and cues', () => {
  it.each([
    ["Who's the favourite in Arsenal's next match?", 'favourite'],
    ['¿Quién es el favorito, Milan o Inter?', 'favourite'],
    ['Is there any value in the draw?', 'value'],
    ['Why those?', 'explain'],
    ['¿por qué esas?', 'explain'],
    ['show me more', 'more'],
    ['más', 'more'],
  ])('%s asks for %s', (text, ask) => {
    expect(entities(text).ask).toBe(ask);
  });

  it('reads "¿Marcan ambos equipos?" as the both-teams-to-score market', () => {
    expect(entities('¿Marcan ambos equipos?').markets).toContain('btts');
  });

  it('flags demands for certainty and topics outside betting', () => {
    expect(entities('Give me a bet guaranteed to win').certainty).toBe(true);
    expect(entities('dame una apuesta segura').certainty).toBe(true);
    expect(entities("What's the weather in Madrid?").offTopic).toBe(true);
    expect(entities('odds for Madrid?').offTopic).toBeUndefined();
  });
});
