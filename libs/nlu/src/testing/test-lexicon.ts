import { buildLexicon, type LexiconDerbySource, type LexiconTeamSource, type LexiconTournamentSource } from '../nlu-lexicon.js';

/** A small hand-made directory so unit tests do not depend on the shared team table. */
export const TEST_TEAMS: readonly LexiconTeamSource[] = [
  { id: 't1', name: 'Barcelona', aliases: ['Barça', 'FC Barcelona'], sportId: '1' },
  { id: 't2', name: 'Real Madrid', aliases: ['Madrid', 'Los Blancos'], sportId: '1' },
  { id: 't3', name: 'Atletico Madrid', nameEs: 'Atlético de Madrid', aliases: ['Atleti'], sportId: '1' },
  { id: 't4', name: 'Chelsea', aliases: ['The Blues'], sportId: '1' },
  { id: 't5', name: 'Manchester United', aliases: ['Man Utd'], sportId: '1' },
  { id: 't6', name: 'Manchester City', aliases: ['Man City'], sportId: '1' },
  { id: 't7', name: 'Borussia Dortmund', aliases: ['BVB'], sportId: '1' },
  { id: 't8', name: 'Como', aliases: ['Como 1907'], sportId: '1' },
  { id: 't9', name: 'FC Barcelona Bàsquet', aliases: ['Barça Basket'], sportId: '3' },
  { id: 't10', name: 'Inter', aliases: ['Inter Milan'], sportId: '1' },
  { id: 't11', name: 'AC Milan', aliases: ['Milan'], sportId: '1' },
];

export const TEST_TOURNAMENTS: readonly LexiconTournamentSource[] = [
  { id: 'c1', name: 'La Liga', nameEs: 'LaLiga', aliases: ['Liga española'] },
  { id: 'c2', name: 'Champions League', nameEs: 'Liga de Campeones', aliases: ['UCL', 'Champions'] },
  { id: 'c3', name: 'Ligue 1', aliases: ['Liga francesa'] },
];

export const TEST_DERBIES: readonly LexiconDerbySource[] = [
  { name: 'El Clásico', aliases: ['Clasico'], teams: ['t1', 't2'] },
  { name: 'Manchester derby', aliases: [], teams: ['t6', 't5'] },
];

export const TEST_LEXICON = buildLexicon(TEST_TEAMS, TEST_TOURNAMENTS, TEST_DERBIES);
