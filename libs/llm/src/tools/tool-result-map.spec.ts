import { isResultOf, toolErrorOf, typedToolResult } from './tool-result-map.js';

describe('typedToolResult', () => {
  it('tags the result of a known tool with its name', () => {
    const tagged = typedToolResult('get_user_balance', { loginRequired: false, currency: 'EUR', available: 12 });
    expect(tagged?.name).toBe('get_user_balance');
    if (tagged && isResultOf('get_user_balance', tagged) && !tagged.result.loginRequired) expect(tagged.result.available).toBe(12);
    else throw new Error('expected a balance result');
  });

  it('rejects error results and unknown tools', () => {
    expect(typedToolResult('get_match_odds', { error: 'UPSTREAM_UNAVAILABLE', message: 'down' })).toBeUndefined();
    expect(typedToolResult('place_bet', { ok: true })).toBeUndefined();
  });
});

describe('toolErrorOf', () => {
  it('reads the code, message, suggestions and self-exclusion end of an error result', () => {
    expect(toolErrorOf({ error: 'SELF_EXCLUDED', message: 'excluded', until: null, selections: [] })).toEqual({ error: 'SELF_EXCLUDED', message: 'excluded', until: null });
    expect(toolErrorOf({ error: 'UNKNOWN_TEAM', message: 'no', suggestions: ['Betis'] })).toEqual({ error: 'UNKNOWN_TEAM', message: 'no', suggestions: ['Betis'] });
    expect(toolErrorOf({ matches: [] })).toBeUndefined();
  });
});
