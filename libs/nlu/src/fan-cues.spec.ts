import { createDefaultNluService } from './default-lexicon.js';
import { declaredTeamSlots, namingMyTeam, refersToMyTeam } from './fan-cues.js';

describe('the team a user supports', () => {
  const nlu = createDefaultNluService();

  it.each([
    ["I'm a Liverpool fan", 'Liverpool'],
    ['i am a huge arsenal supporter', 'Arsenal'],
    ['I support Chelsea, when do they play?', 'Chelsea'],
    ['my team is real madrid', 'Real Madrid'],
    ['big Bayern fan here', 'Bayern Munich'],
    ['soy del Betis', 'Real Betis'],
    ['mi equipo es el Sevilla', 'Sevilla'],
    ['soy hincha del Atleti', 'Atletico Madrid'],
    ['soy de los Lakers', 'Los Angeles Lakers'],
  ])('is declared in "%s"', (message, team) => {
    expect(nlu.analyze(message).entities.supports).toEqual([team]);
  });

  it.each(['When does Liverpool play?', 'soy de Sevilla', 'is Liverpool the favourite?', 'odds for the Betis match'])('is not declared in "%s"', (message) => {
    expect(nlu.analyze(message).entities.supports).toBeUndefined();
  });

  it('is the declared team among several named', () => {
    expect(nlu.analyze("I'm a Chelsea fan, who wins Arsenal vs Liverpool?").entities.supports).toEqual(['Chelsea']);
    expect(declaredTeamSlots('who wins @team vs @team ? i support @team')).toEqual([2]);
  });

  it('is referred to as "my team" / "mi equipo" without being named', () => {
    expect(nlu.analyze('when does my team play?').entities.myTeam).toBe(true);
    expect(nlu.analyze('¿cuándo juega mi equipo?').entities.myTeam).toBe(true);
    expect(nlu.analyze('mi equipo es el Sevilla').entities.myTeam).toBeUndefined();
    expect(refersToMyTeam('my team is @team')).toBe(false);
    expect(refersToMyTeam('big @team fan here . how much would i win with @amount on my team ?')).toBe(true);
  });

  it('is written into the message in place of "my team"', () => {
    expect(namingMyTeam("When is my team's next match?", 'Liverpool')).toBe("When is Liverpool's next match?");
    expect(namingMyTeam('¿Cuándo juega mi equipo?', 'Sevilla')).toBe('¿Cuándo juega Sevilla?');
    expect(namingMyTeam('cuotas de mi equipo favorito', 'Real Betis')).toBe('cuotas de Real Betis');
  });
});

describe('the sport of a conversation', () => {
  const nlu = createDefaultNluService();

  it.each(['no, el de baloncesto', 'No, I mean the basketball team', 'sorry, I meant the basketball one', 'no, me refiero al de basket', 'no, the football team'])(
    'is corrected by "%s"',
    (message) => {
      expect(nlu.analyze(message).entities.correctsSport).toBe(true);
    },
  );

  it.each(['los partidos de la NBA hoy', 'basketball games tonight', 'no, Real Madrid baloncesto', 'el Madrid de baloncesto'])('is not corrected by "%s"', (message) => {
    expect(nlu.analyze(message).entities.correctsSport).toBeUndefined();
  });

  it('reads a club named without a sport word in the sport the conversation is in', () => {
    const basketball = nlu.analyze('when does Real Madrid play?', { sportHint: 'basketball' });
    expect(basketball.entities.teams).toEqual(['Real Madrid Baloncesto']);
    expect(basketball.entities.sport).toBe('basketball');
    // A club without a basketball side stays a football club; a sport word wins over the conversation's.
    expect(nlu.analyze('and Chelsea?', { sportHint: 'basketball' }).entities.teams).toEqual(['Chelsea']);
    expect(nlu.analyze('Chelsea?', { sportHint: 'basketball' }).entities.sport).toBeUndefined();
    expect(nlu.analyze('Real Madrid football next game', { sportHint: 'basketball' }).entities.teams).toEqual(['Real Madrid']);
  });

  it("gives a club's side in each sport, both ways", () => {
    expect(nlu.inSport('Barcelona', 'basketball')).toBe('FC Barcelona Bàsquet');
    expect(nlu.inSport('Real Madrid Baloncesto', 'football')).toBe('Real Madrid');
    expect(nlu.inSport('Chelsea', 'basketball')).toBe('Chelsea');
  });
});
