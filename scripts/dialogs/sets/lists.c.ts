import type { Check, Dialog } from '../dialog.types.js';
import { fixture, intents, language, NO_PROMISE, VALUE_REASONING } from './helpers.js';

// Held-out fixture lists: scoped by league and day, a full day that cannot fit one page (so the
// answer says how many more, and pages on), the big games of a weekend, two teams at once.

const LIST: Check = { kind: 'mentions', any: [' vs ', ' vs. ', ' v ', ' - ', '–', '—', ' @ '] };
const NOT_LOST_EN: Check = { kind: 'not_mentions', any: ["didn't understand", 'did not understand', 'rephrase'] };
const NOT_LOST_ES: Check = { kind: 'not_mentions', any: ['no entendí', 'no he entendido', 'reformula'] };
const NO_NBA: Check = { kind: 'not_mentions', any: ['Lakers', 'Celtics', 'Knicks', 'Warriors', 'Bulls', 'Pistons', 'Baloncesto', 'Bàsquet'] };
const SERIE_A: Check = { kind: 'mentions', any: ['Juventus', 'Milan', 'Napoli', 'Nápoles', 'Lazio', 'Atalanta', 'Bologna', 'Fiorentina', 'Torino', 'Udinese', 'Genoa', 'Verona', 'Cagliari', 'Lecce', 'Sassuolo', 'Cremonese', 'Parma', 'Roma'] };
const BUNDESLIGA: Check = { kind: 'mentions', any: ['Bayern', 'Dortmund', 'Leipzig', 'Leverkusen', 'Frankfurt', 'Stuttgart', 'Freiburg', 'Gladbach', 'Mönchengladbach', 'Wolfsburg', 'Bremen', 'Hoffenheim', 'Mainz', 'Union Berlin', 'Augsburg', 'Köln', 'Hamburg', 'St. Pauli', 'Heidenheim'] };
const LA_LIGA: Check = { kind: 'mentions', any: ['Barcelona', 'Barça', 'Real Madrid', 'Atlético', 'Atletico', 'Athletic', 'Villarreal', 'Betis', 'Real Sociedad', 'Sevilla', 'Valencia', 'Celta', 'Girona', 'Osasuna', 'Rayo', 'Getafe', 'Mallorca', 'Espanyol', 'Alavés', 'Alaves', 'Elche', 'Levante', 'Oviedo'] };
const PREMIER: Check = { kind: 'mentions', any: ['Arsenal', 'Manchester City', 'Man City', 'Manchester United', 'Man United', 'Liverpool', 'Chelsea', 'Tottenham', 'Newcastle', 'Aston Villa', 'Brighton', 'Brentford', 'Bournemouth', 'Crystal Palace', 'Fulham', 'Everton', 'Nottingham', 'West Ham', 'Wolves', 'Wolverhampton', 'Leeds', 'Burnley', 'Sunderland'] };
const LIGUE_1: Check = { kind: 'mentions', any: ['Paris Saint-Germain', 'PSG', 'Marseille', 'Marsella', 'Monaco', 'Mónaco', 'Lyon', 'Lille', 'Niza', 'Strasbourg', 'Rennes', 'Brest', 'Toulouse', 'Nantes', 'Auxerre', 'Le Havre', 'Lorient', 'Paris FC', 'Metz', 'Lens'] };
/** Clubs that play in the covered data only in the Champions League. */
const CHAMPIONS_GUESTS = ['Benfica', 'PSV', 'Ajax', 'Brugge', 'Brujas', 'Galatasaray', 'Olympiacos', 'Copenhagen', 'Copenhague', 'Slavia', 'Qarabağ', 'Qarabag', 'Kairat', 'Pafos', 'Sporting', 'Bodø', 'Bodo', 'Union Saint-Gilloise'];
const NOT_CHAMPIONS_GUESTS: Check = { kind: 'not_mentions', any: CHAMPIONS_GUESTS };
const CHAMPIONS: Check = { kind: 'mentions', any: CHAMPIONS_GUESTS };

export const dialogs: Dialog[] = [
  {
    id: 'lists.c.serie-a-then-bundesliga.en',
    category: 'lists',
    language: 'en',
    turns: [
      { user: 'serie a games this weekend?', checks: [LIST, SERIE_A, NO_NBA, { kind: 'not_mentions', any: ['Arsenal', 'Barcelona', 'Bayern'] }] },
      { user: 'and the bundesliga', checks: [LIST, BUNDESLIGA, NO_NBA, { kind: 'not_mentions', any: ['Arsenal', 'Barcelona', 'Juventus'] }] },
    ],
  },
  {
    id: 'lists.c.champions-semana-mas.es',
    category: 'lists',
    language: 'es',
    turns: [
      { user: 'partidos de champions esta semana', checks: [LIST, CHAMPIONS, NO_NBA, { kind: 'says_more' }, language('es')] },
      { user: 'dame más', checks: [LIST, NOT_LOST_ES] },
    ],
  },
  {
    id: 'lists.c.saturday-everything-next-page.en',
    category: 'lists',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      { user: 'show me everything on saturday', checks: [LIST, { kind: 'says_more' }] },
      { user: 'next page', checks: [LIST, NOT_LOST_EN] },
    ],
  },
  {
    id: 'lists.c.liga-then-premier.es',
    category: 'lists',
    language: 'es',
    turns: [
      { user: 'partidos de la liga este finde', checks: [LIST, LA_LIGA, NO_NBA, { kind: 'not_mentions', any: ['Arsenal', 'Juventus', 'Bayern'] }, language('es')] },
      { user: '¿y de la premier?', checks: [LIST, PREMIER, NO_NBA, { kind: 'not_mentions', any: ['Sevilla', 'Juventus', 'Bayern'] }] },
    ],
  },
  {
    id: 'lists.c.big-games-weekend.en',
    category: 'lists',
    language: 'en',
    turns: [
      {
        user: 'what are the big games this weekend?',
        checks: [LIST, { kind: 'mentions', all: ['Real Madrid'], any: ['Barcelona', 'Barça', 'Clásico', 'Clasico'] }, { kind: 'mentions', any: ['Arsenal', 'Manchester City', 'Juventus', 'Bayern'] }],
      },
    ],
  },
  {
    id: 'lists.c.domingo-futbol-mas.es',
    category: 'lists',
    language: 'es',
    turns: [
      { user: 'que hay de futbol el domingo', checks: [LIST, NO_NBA, { kind: 'says_more' }, language('es')] },
      { user: 'más partidos', checks: [LIST, NO_NBA, NOT_LOST_ES] },
    ],
  },
  {
    id: 'lists.c.ligue-1-worth-a-bet.en',
    category: 'lists',
    language: 'en',
    turns: [
      { user: 'ligue 1 fixtures coming up', checks: [LIST, LIGUE_1, NO_NBA] },
      // "those" are the Ligue 1 fixtures just listed: picks from other competitions do not answer it.
      { user: 'any of those worth a bet?', checks: [VALUE_REASONING, LIGUE_1, NOT_CHAMPIONS_GUESTS, NO_PROMISE, NOT_LOST_EN] },
    ],
  },
  {
    id: 'lists.c.betis-y-sevilla.es',
    category: 'lists',
    language: 'es',
    turns: [
      {
        user: '¿cuándo juegan el betis y el sevilla?',
        intents: intents('schedule'),
        teams: ['Real Betis', 'Sevilla'],
        checks: [fixture('Real Betis'), fixture('Sevilla'), language('es')],
      },
    ],
  },
];
