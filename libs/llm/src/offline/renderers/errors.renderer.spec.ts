import { renderError } from './errors.renderer.js';
import { aContext } from './renderer-testing.js';

describe('error renderer', () => {
  it('says an unknown team is unknown and offers the close names', () => {
    const error = { error: 'UNKNOWN_TEAM', message: 'Unknown team', suggestions: ['Atlético Madrid', 'Athletic Club'] };
    expect(renderError(error, aContext())).toBe('I can\'t find that team in my data. Did you mean "Atlético Madrid" and "Athletic Club"?');
    expect(renderError(error, aContext('es'))).toBe('No encuentro ese equipo en mis datos. ¿Quizás te refieres a "Atlético Madrid" y "Athletic Club"?');
  });

  it('names the teams without an upcoming match and what comes up instead', () => {
    const error = { error: 'NO_UPCOMING_MATCH', message: 'none', suggestions: ['Sevilla vs Betis'] };
    expect(renderError(error, aContext('en', { teams: ['Barcelona', 'Girona'] }))).toBe(
      'I can\'t find an upcoming match for Barcelona and Girona in the published schedule (the next 14 days). Coming up instead: "Sevilla vs Betis".',
    );
  });

  it('tells a self-excluded user until when, without suggesting bets', () => {
    const text = renderError({ error: 'SELF_EXCLUDED', message: 'excluded', until: '2027-03-01T00:00:00.000Z' }, aContext());
    expect(text).toContain('self-excluded from gambling until 2027-03-01');
    expect(renderError({ error: 'SELF_EXCLUDED', message: 'excluded', until: null }, aContext())).toContain('self-excluded from gambling, so');
  });

  it('passes the stake limits on in English', () => {
    expect(renderError({ error: 'STAKE_OUT_OF_RANGE', message: 'between €1 and €500' }, aContext())).toContain('(between €1 and €500)');
  });

  it('answers codes it has no wording for, including prototype names, with the generic rephrase request', () => {
    for (const code of ['INVALID_ARGUMENT', 'toString', 'constructor']) {
      expect(renderError({ error: code, message: 'stake must be positive' }, aContext())).toBe(
        "I couldn't complete that request (stake must be positive). Could you rephrase it, for example with the teams and the amount?",
      );
    }
  });
});
