import type { Sport } from '../domain/sport.js';
import { BASKETBALL_SPORT_ID, FOOTBALL_SPORT_ID } from '../domain/sport.js';

export const SPORT_DATA: readonly Sport[] = [
  { id: FOOTBALL_SPORT_ID, name: 'Football', nameEs: 'Fútbol' },
  { id: BASKETBALL_SPORT_ID, name: 'Basketball', nameEs: 'Baloncesto' },
];
