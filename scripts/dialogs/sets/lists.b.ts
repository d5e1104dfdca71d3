import type { Check, Dialog } from '../dialog.types.js';

// Fixture lists: scoped to what was asked (league, sport, day), saying how many more there are when
// a page does not hold them all, and paging on "more" / "más".

/** A fixture list writes its pairings with a separator. */
export const LIST: Check = { kind: 'mentions', any: [' vs ', ' vs. ', ' v ', ' - ', '–', '—', ' @ '] };
const NOT_LOST_EN: Check = { kind: 'not_mentions', any: ["didn't understand", 'did not understand', 'rephrase'] };
const NOT_LOST_ES: Check = { kind: 'not_mentions', any: ['no entendí', 'no he entendido', 'reformula'] };

export const LA_LIGA = ['Barcelona', 'Barça', 'Real Madrid', 'Atlético', 'Atletico', 'Athletic', 'Villarreal', 'Betis', 'Real Sociedad',
  'Sevilla', 'Valencia', 'Celta', 'Girona', 'Osasuna', 'Rayo', 'Getafe', 'Mallorca', 'Espanyol', 'Alavés', 'Alaves', 'Elche',
  'Levante', 'Oviedo'];
export const PREMIER = ['Arsenal', 'Manchester City', 'Man City', 'Manchester United', 'Man United', 'Man Utd', 'Liverpool', 'Chelsea',
  'Tottenham', 'Newcastle', 'Aston Villa', 'Brighton', 'Brentford', 'Bournemouth', 'Crystal Palace', 'Fulham', 'Everton',
  'Nottingham', 'West Ham', 'Wolves', 'Wolverhampton', 'Leeds', 'Burnley', 'Sunderland'];
// Names that are also common words ("Como", "Inter", "Nice", "Pisa", "Angers") are left out of the lists
// below, which only need one unmistakable club of the competition to appear.
export const SERIE_A = ['Juventus', 'Milan', 'Napoli', 'Nápoles', 'Lazio', 'Atalanta', 'Bologna', 'Fiorentina', 'Torino', 'Udinese',
  'Genoa', 'Verona', 'Cagliari', 'Lecce', 'Sassuolo', 'Cremonese'];
export const BUNDESLIGA = ['Bayern', 'Dortmund', 'Leipzig', 'Leverkusen', 'Frankfurt', 'Stuttgart', 'Freiburg', 'Gladbach',
  'Mönchengladbach', 'Wolfsburg', 'Bremen', 'Hoffenheim', 'Mainz', 'Union Berlin', 'Augsburg', 'Köln', 'Colonia', 'Hamburg',
  'St. Pauli', 'Heidenheim'];
export const LIGUE_1 = ['Paris Saint-Germain', 'PSG', 'Marseille', 'Marsella', 'Monaco', 'Mónaco', 'Lyon', 'Lille', 'Niza',
  'Strasbourg', 'Estrasburgo', 'Rennes', 'Brest', 'Toulouse', 'Nantes', 'Auxerre', 'Le Havre', 'Lorient', 'Paris FC', 'Metz'];
export const CL_GUESTS = ['Benfica', 'Sporting CP', 'Sporting de Lisboa', 'PSV', 'Ajax', 'Brugge', 'Brujas', 'Union Saint-Gilloise', 'Galatasaray', 'Olympiacos',
  'Copenhagen', 'Copenhague', 'Bodø', 'Bodo', 'Slavia', 'Qarabağ', 'Qarabag', 'Kairat', 'Pafos'];

const mentionsAny = (names: string[]): Check => ({ kind: 'mentions', any: names });
const NO_NBA: Check = { kind: 'not_mentions', any: ['Lakers', 'Celtics', 'Knicks', 'Warriors', 'Baloncesto', 'Bàsquet'] };

export const dialogs: Dialog[] = [
  {
    id: 'lists.b.weekend-more.en',
    category: 'lists',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      { user: "what's on this weekend?", checks: [LIST, { kind: 'says_more' }] },
      { user: 'more', checks: [LIST, NOT_LOST_EN] },
    ],
  },
  {
    id: 'lists.b.finde-mas.es',
    category: 'lists',
    language: 'es',
    turns: [
      { user: '¿qué hay este finde?', checks: [LIST, { kind: 'says_more' }, { kind: 'language', language: 'es' }] },
      { user: 'más', checks: [LIST, NOT_LOST_ES] },
      { user: 'mas', checks: [LIST, NOT_LOST_ES] },
    ],
  },
  {
    id: 'lists.b.premier-then-laliga.en',
    category: 'lists',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      {
        user: 'Premier League fixtures this weekend',
        checks: [LIST, mentionsAny(PREMIER), { kind: 'not_mentions', any: ['Lakers', 'Celtics', 'Barcelona', 'Juventus', 'Bayern'] }],
      },
      {
        user: 'and la liga?',
        checks: [LIST, mentionsAny(LA_LIGA), { kind: 'not_mentions', any: ['Lakers', 'Arsenal', 'Chelsea', 'Juventus', 'Bayern'] }],
      },
    ],
  },
  {
    id: 'lists.b.laliga-finde.es',
    category: 'lists',
    language: 'es',
    turns: [
      {
        user: 'partidos de la liga este fin de semana',
        checks: [LIST, mentionsAny(LA_LIGA), { kind: 'not_mentions', any: ['Lakers', 'Arsenal', 'Chelsea', 'Juventus', 'Bayern'] }],
      },
    ],
  },
  {
    id: 'lists.b.laliga-manana.es',
    category: 'lists',
    language: 'es',
    turns: [
      {
        user: 'partidos de La Liga mañana',
        checks: [NOT_LOST_ES, { kind: 'not_mentions', any: ['Lakers', 'Arsenal', 'Chelsea', 'Juventus', 'Bayern', 'Baloncesto'] }],
      },
      {
        user: '¿y el finde?',
        checks: [LIST, mentionsAny(LA_LIGA), { kind: 'not_mentions', any: ['Lakers', 'Arsenal', 'Chelsea', 'Juventus', 'Bayern'] }],
      },
    ],
  },
  {
    id: 'lists.b.serie-a-weekend.en',
    category: 'lists',
    language: 'en',
    turns: [
      {
        user: 'serie a this weekend?',
        checks: [LIST, mentionsAny(SERIE_A), { kind: 'not_mentions', any: ['Barcelona', 'Arsenal', 'Lakers', 'Bayern'] }],
      },
    ],
  },
  {
    id: 'lists.b.bundesliga-finde.es',
    category: 'lists',
    language: 'es',
    turns: [
      {
        user: '¿Qué partidos de la Bundesliga hay el finde?',
        checks: [LIST, mentionsAny(BUNDESLIGA), { kind: 'not_mentions', any: ['Barcelona', 'Arsenal', 'Lakers', 'Juventus'] }],
      },
    ],
  },
  {
    id: 'lists.b.ligue-1.en',
    category: 'lists',
    language: 'en',
    turns: [
      {
        user: 'ligue 1 fixtures this weekend pls',
        checks: [LIST, mentionsAny(LIGUE_1), { kind: 'not_mentions', any: ['Barcelona', 'Arsenal', 'Lakers', 'Juventus', 'Bayern'] }],
      },
    ],
  },
  {
    id: 'lists.b.liga-inglesa.mx.es',
    category: 'lists',
    language: 'es',
    timeZone: 'America/Mexico_City',
    turns: [
      {
        user: 'q partidos hay de la liga inglesa este fin',
        checks: [LIST, mentionsAny(PREMIER), { kind: 'not_mentions', any: ['Lakers', 'Barcelona', 'Juventus', 'Bayern'] }],
      },
      {
        user: 'y de la liga española?',
        checks: [LIST, mentionsAny(LA_LIGA), { kind: 'not_mentions', any: ['Lakers', 'Arsenal', 'Chelsea', 'Juventus'] }],
      },
    ],
  },
  {
    id: 'lists.b.champions-next.en',
    category: 'lists',
    language: 'en',
    turns: [
      {
        user: 'next champions league games?',
        checks: [
          LIST,
          mentionsAny([...LA_LIGA, ...PREMIER, ...SERIE_A, ...BUNDESLIGA, ...LIGUE_1, ...CL_GUESTS]),
          { kind: 'not_mentions', any: ['Lakers', 'Celtics', 'Getafe', 'Burnley', 'Lecce'] },
        ],
      },
    ],
  },
  {
    id: 'lists.b.champions-proximos.es',
    category: 'lists',
    language: 'es',
    turns: [
      {
        user: 'próximos partidos de la champions',
        checks: [
          LIST,
          mentionsAny([...LA_LIGA, ...PREMIER, ...SERIE_A, ...BUNDESLIGA, ...LIGUE_1, ...CL_GUESTS]),
          { kind: 'not_mentions', any: ['Lakers', 'Celtics', 'Getafe', 'Burnley', 'Lecce'] },
        ],
      },
    ],
  },
  {
    id: 'lists.b.football-7-days.en',
    category: 'lists',
    language: 'en',
    turns: [
      { user: 'all football matches in the next 7 days', checks: [LIST, { kind: 'says_more' }, NO_NBA] },
      { user: 'show me more', checks: [LIST, NO_NBA, NOT_LOST_EN] },
      { user: 'more', checks: [LIST, NO_NBA, NOT_LOST_EN] },
    ],
  },
  {
    id: 'lists.b.futbol-semana.es',
    category: 'lists',
    language: 'es',
    turns: [
      { user: 'dame todos los partidos de fútbol de esta semana', checks: [LIST, { kind: 'says_more' }, NO_NBA] },
      { user: 'más', checks: [LIST, NO_NBA, NOT_LOST_ES] },
    ],
  },
  {
    id: 'lists.b.weekend-only-football.en',
    category: 'lists',
    language: 'en',
    turns: [
      { user: 'whats on this weekend', checks: [LIST, { kind: 'says_more' }] },
      { user: 'only football', checks: [LIST, { kind: 'says_more' }, NO_NBA] },
      { user: 'next page', checks: [LIST, NO_NBA, NOT_LOST_EN] },
    ],
  },
  {
    id: 'lists.b.finde-espanol.es',
    category: 'lists',
    language: 'es',
    turns: [
      { user: 'partidos del finde', checks: [LIST, { kind: 'says_more' }, mentionsAny(LA_LIGA)] },
      { user: 'enséñame más', checks: [LIST, NOT_LOST_ES] },
    ],
  },
  {
    id: 'lists.b.saturday.en',
    category: 'lists',
    language: 'en',
    turns: [
      { user: 'games on saturday?', checks: [LIST, { kind: 'says_more' }] },
      { user: 'show me more', checks: [LIST, NOT_LOST_EN] },
    ],
  },
  {
    id: 'lists.b.domingo-sabado.es',
    category: 'lists',
    language: 'es',
    timeZone: 'America/Bogota',
    turns: [
      { user: 'partidos del domingo', checks: [LIST, { kind: 'says_more' }] },
      { user: 'más', checks: [LIST, NOT_LOST_ES] },
      { user: '¿y el sábado?', checks: [LIST, { kind: 'says_more' }] },
    ],
  },
  {
    id: 'lists.b.today.en',
    category: 'lists',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [{ user: 'what games are on today', checks: [LIST, NOT_LOST_EN, { kind: 'no_promise' }, { kind: 'language', language: 'en' }] }],
  },
  {
    id: 'lists.b.premier-serie-a.en',
    category: 'lists',
    language: 'en',
    turns: [
      {
        user: 'premier league and serie a games this weekend',
        checks: [LIST, mentionsAny(PREMIER), mentionsAny(SERIE_A), { kind: 'not_mentions', any: ['Lakers', 'Barcelona', 'Bayern'] }],
      },
      { user: 'more', checks: [LIST, NOT_LOST_EN, { kind: 'not_mentions', any: ['Lakers', 'Barcelona', 'Bayern'] }] },
    ],
  },
  {
    id: 'lists.b.hoy.ar.es',
    category: 'lists',
    language: 'es',
    timeZone: 'America/Argentina/Buenos_Aires',
    turns: [{ user: 'que partidos hay hoy', checks: [LIST, NOT_LOST_ES, { kind: 'language', language: 'es' }] }],
  },
];
