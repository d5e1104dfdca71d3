import { DEFAULT_PREFERENCES, type UserPreferences } from '@app/conversation';
import { rememberedZone } from './chat.service.js';

describe('the time zone kept for the next sessions', () => {
  const known = (prefs: Partial<UserPreferences> = {}): UserPreferences => ({ ...DEFAULT_PREFERENCES, ...prefs });

  it('is the zone of a city the user says they are in, whatever the client sends', () => {
    expect(rememberedZone('America/Mexico_City', 'Europe/Madrid', known())).toEqual({ timeZone: 'America/Mexico_City', timeZoneSource: 'stated' });
  });

  it("is the client's zone while the user has stated none", () => {
    expect(rememberedZone(undefined, 'Europe/London', known())).toEqual({ timeZone: 'Europe/London', timeZoneSource: 'client' });
    expect(rememberedZone(undefined, 'Europe/London', known({ timeZone: 'Europe/Madrid', timeZoneSource: 'client' }))).toEqual({ timeZone: 'Europe/London', timeZoneSource: 'client' });
  });

  it('is left as it was when a client zone would replace one the user stated, or nothing valid is known', () => {
    expect(rememberedZone(undefined, 'Europe/London', known({ timeZone: 'America/Mexico_City', timeZoneSource: 'stated' }))).toEqual({});
    expect(rememberedZone(undefined, undefined, known())).toEqual({});
    expect(rememberedZone('Mars/Olympus', 'Nowhere/Place', known())).toEqual({});
  });
});
