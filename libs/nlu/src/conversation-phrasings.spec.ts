import { createDefaultNluService } from './default-lexicon.js';

// Ways bettors put things that the rules must read: slang stakes, non-win legs, verdict and
// certainty phrasings, topics outside betting, and names the data does not have.
describe('NLU on everyday phrasings', () => {
  const nlu = createDefaultNluService();
  const entities = (message: string) => nlu.analyze(message, { timeZone: 'Europe/Madrid' }).entities;

  it('reads slang stakes without an article', () => {
    expect(entities('acca for me: toon, lazio and girona all to win, tenner on it').amounts).toEqual([{ value: 10, currency: 'GBP' }]);
    expect(entities('fiver on arsenal').amounts).toEqual([{ value: 5, currency: 'GBP' }]);
  });

  it('reads a draw and both-teams-to-score in accumulator legs however they are put', () => {
    expect(entities('parlay: man city over man utd + arsenal chelsea ends level. $10').legs?.[1]).toMatchObject({ team: 'Arsenal', selection: 'draw' });
    expect(entities('doble: empate en el juve-milan y que marquen los dos en el bayern-dortmund, 15 euros').legs?.[1]).toMatchObject({ team: 'Bayern Munich', selection: 'yes' });
  });

  it('reads "who takes it?" as a verdict and "gana seguro" as a demand for certainty', () => {
    expect(entities('leverkusen vs liverpool, who takes it?').ask).toBe('favourite');
    expect(entities('¿quién se lo lleva, el Betis o el Sevilla?').ask).toBe('favourite');
    expect(entities('el madrid gana seguro el domingo verdad? dime que si').certainty).toBe(true);
  });

  it('reads restaurants and hotels as outside betting, and "what can you actually do" as a request for help', () => {
    expect(entities('¿me recomiendas un restaurante en Sevilla para el sábado?').offTopic).toBe(true);
    expect(entities('any good hotels near the stadium?').offTopic).toBe(true);
    expect(nlu.analyze('ok so what can you actually do').intent).toBe('HELP_REQUEST');
  });

  it('takes a lone lower-case name where a team goes, in a message naming no team, as unknown', () => {
    expect(entities('próximo partido del flamengo').unknownTeams).toEqual(['flamengo']);
    expect(entities('wrexham next match?').unknownTeams).toEqual(['wrexham']);
    expect(entities('cuanto paga el boca juniors si gana, 20 pavos').unknownTeams).toEqual(['boca juniors']);
    expect(entities('partido del sabado').unknownTeams).toBeUndefined();
    expect(entities('whens lille playing').teams).toEqual(['Lille']);
  });

  it('reads two teams of a hyphenated pairing as a match, not as one unknown name', () => {
    const found = entities('quién gana el baskonia-olympiacos?');
    expect(found.unknownTeams).toBeUndefined();
    expect(found.teams).toEqual(['Baskonia', 'Olympiacos BC']);
    expect(entities('dubs next game').teams).toEqual(['Golden State Warriors']);
  });

  it('keeps two stated picks in one match as two legs, and a match named then backed as one', () => {
    expect(entities('combinada: gana el Barça contra el Madrid y más de 2.5 goles en el Barça-Madrid, 10 euros').legs).toEqual([
      { team: 'Barcelona', opponent: 'Real Madrid', selection: 'win' },
      { team: 'Barcelona', opponent: 'Real Madrid', selection: 'over', line: 2.5 },
    ]);
    expect(entities('Barça vs Madrid, 20€ on Barça').legs).toBeUndefined();
  });

  it('reads a zone the user states by city, by "on X time" or by its IANA name, as kept', () => {
    expect(entities('my time zone is America/Bogota').location).toMatchObject({ timeZone: 'America/Bogota', stays: true });
    expect(entities('zona horaria: europe/madrid').location).toMatchObject({ timeZone: 'Europe/Madrid', stays: true });
    expect(entities("I'm on New York time").location).toMatchObject({ timeZone: 'America/New_York', stays: true });
    expect(entities('mi hora es la de Buenos Aires').location).toMatchObject({ timeZone: 'America/Argentina/Buenos_Aires', stays: true });
    expect(entities('my time zone is Mars/Olympus').location).toBeUndefined();
  });
});
