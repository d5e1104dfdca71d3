import type { TournamentRecord } from '../directory.types.js';
import { BASKETBALL_SPORT_ID, FOOTBALL_SPORT_ID } from '../domain/sport.js';

export const LA_LIGA_ID = '10';
export const PREMIER_LEAGUE_ID = '20';
export const SERIE_A_ID = '30';
export const BUNDESLIGA_ID = '40';
export const LIGUE_1_ID = '50';
export const CHAMPIONS_LEAGUE_ID = '60';
export const NBA_ID = '70';
export const EUROLEAGUE_ID = '80';
export const WORLD_CUP_ID = '90';
export const EURO_ID = '91';

export const TOURNAMENT_DATA: readonly TournamentRecord[] = [
  {
    id: LA_LIGA_ID,
    name: 'La Liga',
    nameEs: 'LaLiga',
    aliases: ['LaLiga EA Sports', 'La Liga EA Sports', 'Primera División', 'Liga española', 'Spanish league', 'Liga BBVA'],
    country: 'Spain',
    sportId: FOOTBALL_SPORT_ID,
    active: true,
  },
  {
    id: PREMIER_LEAGUE_ID,
    name: 'Premier League',
    nameEs: 'Premier League',
    aliases: ['EPL', 'English Premier League', 'Premier', 'Premier inglesa', 'Liga inglesa', 'English league', 'PL'],
    country: 'England',
    sportId: FOOTBALL_SPORT_ID,
    active: true,
  },
  {
    id: SERIE_A_ID,
    name: 'Serie A',
    nameEs: 'Serie A',
    aliases: ['Serie A Enilive', 'Liga italiana', 'Italian league', 'Calcio', 'Serie A italiana'],
    country: 'Italy',
    sportId: FOOTBALL_SPORT_ID,
    active: true,
  },
  {
    id: BUNDESLIGA_ID,
    name: 'Bundesliga',
    nameEs: 'Bundesliga',
    aliases: ['1. Bundesliga', 'Liga alemana', 'German league', 'Bundesliga alemana'],
    country: 'Germany',
    sportId: FOOTBALL_SPORT_ID,
    active: true,
  },
  {
    id: LIGUE_1_ID,
    name: 'Ligue 1',
    nameEs: 'Ligue 1',
    aliases: ["Ligue 1 McDonald's", 'Ligue One', 'Liga francesa', 'French league'],
    country: 'France',
    sportId: FOOTBALL_SPORT_ID,
    active: true,
  },
  {
    id: CHAMPIONS_LEAGUE_ID,
    name: 'Champions League',
    nameEs: 'Liga de Campeones',
    aliases: ['UEFA Champions League', 'UCL', 'Champions', 'La Champions', 'Liga de Campeones de la UEFA', 'Orejona'],
    country: 'Europe',
    sportId: FOOTBALL_SPORT_ID,
    active: true,
  },
  {
    id: NBA_ID,
    name: 'NBA',
    nameEs: 'NBA',
    aliases: ['National Basketball Association', 'Liga NBA'],
    country: 'USA',
    sportId: BASKETBALL_SPORT_ID,
    active: true,
  },
  {
    id: EUROLEAGUE_ID,
    name: 'EuroLeague',
    nameEs: 'Euroliga',
    aliases: ['Turkish Airlines EuroLeague', 'Euroleague Basketball', 'Euroliga de baloncesto'],
    country: 'Europe',
    sportId: BASKETBALL_SPORT_ID,
    active: true,
  },
  {
    id: WORLD_CUP_ID,
    name: 'FIFA World Cup',
    nameEs: 'Copa Mundial de la FIFA',
    aliases: ['World Cup', 'Mundial', 'Copa del Mundo', 'Copa Mundial'],
    country: 'International',
    sportId: FOOTBALL_SPORT_ID,
    active: false,
  },
  {
    id: EURO_ID,
    name: 'UEFA European Championship',
    nameEs: 'Eurocopa',
    aliases: ['Euro', 'Euros', 'European Championship', 'Campeonato de Europa'],
    country: 'Europe',
    sportId: FOOTBALL_SPORT_ID,
    active: false,
  },
];
