import { directReply } from './offline-replies.js';

describe('the offline engine\'s fixed replies', () => {
  it('asks what to back without offering a draw in basketball', () => {
    expect(directReply('need_pick', 'en', { sport: 'basketball' })).not.toMatch(/draw/i);
    expect(directReply('need_pick', 'es', { sport: 'basketball' })).not.toMatch(/empate/i);
    expect(directReply('need_pick', 'en')).toMatch(/the draw/);
  });

  it('says which zone it will use once the user says where they are', () => {
    expect(directReply('zone_noted', 'en', { timeZone: 'America/Mexico_City' })).toContain('America/Mexico_City');
    expect(directReply('zone_noted', 'es', { timeZone: 'America/Bogota' })).toContain('America/Bogota');
  });

  it('asks which team is the user\'s when none is known', () => {
    expect(directReply('need_my_team', 'en')).toMatch(/which team is yours\?/i);
    expect(directReply('need_my_team', 'es')).toMatch(/¿Cuál es tu equipo\?/);
  });
});
