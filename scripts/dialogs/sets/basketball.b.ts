import type { Check, Dialog } from '../dialog.types.js';

// Basketball as a first-class sport: sport words pick the basketball section of a football club,
// NBA and EuroLeague prices come as moneyline (no draw), spread and totals, and lists stay in the sport.

const NO_DRAW_EN: Check = { kind: 'not_mentions', any: ['draw', '1x2'] };
const NO_DRAW_ES: Check = { kind: 'not_mentions', any: ['empate', 'draw', '1x2'] };
/** A basketball list must not bring football in. */
const NO_FOOTBALL: Check = { kind: 'not_mentions', any: ['Arsenal', 'Chelsea', 'Juventus', 'Bayern', 'Atletico', 'Liverpool'] };
const NBA_TEAMS = [
  'Celtics', 'Nets', 'Knicks', '76ers', 'Raptors', 'Bulls', 'Cavaliers', 'Pistons', 'Pacers', 'Bucks', 'Hawks', 'Hornets',
  'Heat', 'Magic', 'Wizards', 'Nuggets', 'Timberwolves', 'Thunder', 'Blazers', 'Jazz', 'Warriors', 'Clippers', 'Lakers',
  'Suns', 'Kings', 'Mavericks', 'Rockets', 'Grizzlies', 'Pelicans', 'Spurs',
];
const EUROLEAGUE_TEAMS = [
  'Real Madrid', 'Barcelona', 'Barça', 'Olympiacos', 'Panathinaikos', 'Fenerbahçe', 'Efes', 'Maccabi', 'Žalgiris', 'Zalgiris',
  'Partizan', 'Zvezda', 'Red Star', 'Milano', 'Baskonia',
];
const NBA_LIST: Check = { kind: 'mentions', any: NBA_TEAMS };
const EUROLEAGUE_LIST: Check = { kind: 'mentions', any: EUROLEAGUE_TEAMS };

export const dialogs: Dialog[] = [
  {
    id: 'basketball.b.real-madrid-baloncesto.es',
    category: 'basketball',
    language: 'es',
    turns: [
      {
        user: '¿Cuándo juega el Real Madrid de baloncesto?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Real Madrid Baloncesto'],
        checks: [{ kind: 'fixture', fixture: { team: 'Real Madrid Baloncesto', sport: 'basketball' } }],
      },
      {
        user: '¿y qué cuotas tiene?',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Real Madrid Baloncesto'],
        checks: [
          { kind: 'odds', fixture: { team: 'Real Madrid Baloncesto', sport: 'basketball' }, selections: ['home', 'away'] },
          NO_DRAW_ES,
        ],
      },
    ],
  },
  {
    id: 'basketball.b.barca-basket.es',
    category: 'basketball',
    language: 'es',
    turns: [
      {
        user: 'cuando juega el barça de basket',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['FC Barcelona Bàsquet'],
        checks: [{ kind: 'fixture', fixture: { team: 'FC Barcelona Bàsquet', sport: 'basketball' } }],
      },
      {
        user: '¿quién es el favorito?',
        teams: ['FC Barcelona Bàsquet'],
        checks: [{ kind: 'favourite', fixture: { team: 'FC Barcelona Bàsquet', sport: 'basketball' } }],
      },
    ],
  },
  {
    id: 'basketball.b.barcelona-basketball.en',
    category: 'basketball',
    language: 'en',
    turns: [
      {
        user: 'Barcelona basketball next game',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['FC Barcelona Bàsquet'],
        checks: [{ kind: 'fixture', fixture: { team: 'FC Barcelona Bàsquet', sport: 'basketball' } }],
      },
      {
        user: 'odds?',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['FC Barcelona Bàsquet'],
        checks: [
          { kind: 'odds', fixture: { team: 'FC Barcelona Bàsquet', sport: 'basketball' }, selections: ['home', 'away'] },
          NO_DRAW_EN,
        ],
      },
    ],
  },
  {
    id: 'basketball.b.football-then-basketball.en',
    category: 'basketball',
    language: 'en',
    turns: [
      {
        user: 'when does real madrid play',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Real Madrid'],
        checks: [{ kind: 'fixture', fixture: { team: 'Real Madrid', sport: 'football' } }],
      },
      {
        user: 'no i mean the basketball team',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Real Madrid Baloncesto'],
        checks: [{ kind: 'fixture', fixture: { team: 'Real Madrid Baloncesto', sport: 'basketball' } }],
      },
      {
        user: 'and baskonia?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Baskonia'],
        checks: [{ kind: 'fixture', fixture: { team: 'Baskonia', sport: 'basketball' } }],
      },
    ],
  },
  {
    id: 'basketball.b.madrid-basket-odds.es',
    category: 'basketball',
    language: 'es',
    turns: [
      {
        user: 'cuotas del madrid de basket',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Real Madrid Baloncesto'],
        checks: [
          { kind: 'odds', fixture: { team: 'Real Madrid Baloncesto', sport: 'basketball' }, selections: ['home', 'away'] },
          NO_DRAW_ES,
        ],
      },
      {
        user: 'si le meto 20 euros a que gana el madrid cuanto saco',
        intents: ['BET_SIMULATION'],
        teams: ['Real Madrid Baloncesto'],
        checks: [{ kind: 'payout', stake: 20, legs: [{ team: 'Real Madrid Baloncesto', sport: 'basketball', pick: 'team' }] }],
      },
    ],
  },
  {
    id: 'basketball.b.lakers-moneyline.en',
    category: 'basketball',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [
      {
        user: 'lakers odds',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Los Angeles Lakers'],
        checks: [{ kind: 'odds', fixture: { team: 'Los Angeles Lakers', sport: 'basketball' }, selections: ['home', 'away'] }, NO_DRAW_EN],
      },
    ],
  },
  {
    id: 'basketball.b.lakers-spread.en',
    category: 'basketball',
    language: 'en',
    timeZone: 'America/Los_Angeles',
    turns: [
      {
        user: 'Lakers -5.5?',
        teams: ['Los Angeles Lakers'],
        checks: [
          { kind: 'odds', fixture: { team: 'Los Angeles Lakers', sport: 'basketball' }, market: 'handicap', selections: ['home', 'away'] },
          { kind: 'mentions', any: ['spread', 'handicap', 'points', 'line'] },
          NO_DRAW_EN,
        ],
      },
    ],
  },
  {
    id: 'basketball.b.celtics-favourite.en',
    category: 'basketball',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [
      {
        user: 'celtics next game?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Boston Celtics'],
        checks: [{ kind: 'fixture', fixture: { team: 'Boston Celtics', sport: 'basketball' } }],
      },
      {
        user: "who's favored",
        teams: ['Boston Celtics'],
        checks: [{ kind: 'favourite', fixture: { team: 'Boston Celtics', sport: 'basketball' } }, NO_DRAW_EN],
      },
      {
        user: 'whats the over/under on that one',
        teams: ['Boston Celtics'],
        checks: [{ kind: 'odds', fixture: { team: 'Boston Celtics', sport: 'basketball' }, market: 'over_under', selections: ['over', 'under'] }],
      },
    ],
  },
  {
    id: 'basketball.b.knicks-total.en',
    category: 'basketball',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [
      {
        user: "over/under for the knicks' next game",
        teams: ['New York Knicks'],
        checks: [
          { kind: 'odds', fixture: { team: 'New York Knicks', sport: 'basketball' }, market: 'over_under', selections: ['over', 'under'] },
          { kind: 'mentions', any: ['points', 'total', 'over'] },
        ],
      },
      {
        user: 'and the knicks moneyline',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['New York Knicks'],
        checks: [{ kind: 'odds', fixture: { team: 'New York Knicks', sport: 'basketball' }, selections: ['home', 'away'] }, NO_DRAW_EN],
      },
    ],
  },
  {
    id: 'basketball.b.warriors-payout.en',
    category: 'basketball',
    language: 'en',
    timeZone: 'America/Los_Angeles',
    turns: [
      {
        user: 'if I put $50 on the warriors moneyline what do I get back',
        intents: ['BET_SIMULATION'],
        teams: ['Golden State Warriors'],
        checks: [{ kind: 'payout', stake: 50, legs: [{ team: 'Golden State Warriors', sport: 'basketball', pick: 'team' }] }],
      },
    ],
  },
  {
    id: 'basketball.b.dubs-spread.en',
    category: 'basketball',
    language: 'en',
    timeZone: 'America/Los_Angeles',
    turns: [
      {
        user: 'when do the dubs play',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Golden State Warriors'],
        checks: [{ kind: 'fixture', fixture: { team: 'Golden State Warriors', sport: 'basketball' } }],
      },
      {
        user: 'whats the spread',
        teams: ['Golden State Warriors'],
        checks: [{ kind: 'odds', fixture: { team: 'Golden State Warriors', sport: 'basketball' }, market: 'handicap', selections: ['home', 'away'] }],
      },
    ],
  },
  {
    id: 'basketball.b.nba-tonight.en',
    category: 'basketball',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [{ user: 'NBA games tonight', checks: [NBA_LIST, NO_FOOTBALL, { kind: 'not_mentions', any: ['draw'] }] }],
  },
  {
    id: 'basketball.b.nba-esta-noche.mx.es',
    category: 'basketball',
    language: 'es',
    timeZone: 'America/Mexico_City',
    turns: [{ user: 'que juegos de la nba hay hoy en la noche', checks: [NBA_LIST, NO_FOOTBALL, { kind: 'language', language: 'es' }] }],
  },
  {
    id: 'basketball.b.euroleague-upcoming.en',
    category: 'basketball',
    language: 'en',
    turns: [
      {
        user: 'upcoming euroleague games?',
        checks: [EUROLEAGUE_LIST, { kind: 'not_mentions', any: ['Lakers', 'Celtics', 'Knicks', 'Arsenal', 'Chelsea'] }],
      },
    ],
  },
  {
    id: 'basketball.b.euroliga-proximos.es',
    category: 'basketball',
    language: 'es',
    turns: [
      {
        user: '¿Cuáles son los próximos partidos de la Euroliga?',
        checks: [EUROLEAGUE_LIST, { kind: 'not_mentions', any: ['Lakers', 'Celtics', 'Knicks', 'Arsenal', 'Sevilla'] }],
      },
      {
        user: '¿y cuándo juega el Baskonia?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Baskonia'],
        checks: [{ kind: 'fixture', fixture: { team: 'Baskonia', sport: 'basketball' } }],
      },
    ],
  },
  {
    id: 'basketball.b.barca-basquet-favorito.es',
    category: 'basketball',
    language: 'es',
    turns: [
      {
        user: '¿Quién es favorito en el próximo partido del Barça de baloncesto?',
        teams: ['FC Barcelona Bàsquet'],
        checks: [{ kind: 'favourite', fixture: { team: 'FC Barcelona Bàsquet', sport: 'basketball' } }, NO_DRAW_ES],
      },
    ],
  },
  {
    id: 'basketball.b.lakers-payout.es',
    category: 'basketball',
    language: 'es',
    timeZone: 'America/Mexico_City',
    turns: [
      {
        user: 'apuesto 20 a que ganan los lakers, cuanto me llevo?',
        intents: ['BET_SIMULATION'],
        teams: ['Los Angeles Lakers'],
        checks: [{ kind: 'payout', stake: 20, legs: [{ team: 'Los Angeles Lakers', sport: 'basketball', pick: 'team' }] }],
      },
      {
        user: '¿y con 50?',
        intents: ['BET_SIMULATION'],
        teams: ['Los Angeles Lakers'],
        checks: [{ kind: 'payout', stake: 50, legs: [{ team: 'Los Angeles Lakers', sport: 'basketball', pick: 'team' }] }],
      },
    ],
  },
  {
    id: 'basketball.b.celtics-handicap.es',
    category: 'basketball',
    language: 'es',
    turns: [
      {
        user: '¿cuál es el hándicap de los Celtics en su próximo partido?',
        teams: ['Boston Celtics'],
        checks: [
          { kind: 'odds', fixture: { team: 'Boston Celtics', sport: 'basketball' }, market: 'handicap', selections: ['home', 'away'] },
          NO_DRAW_ES,
        ],
      },
    ],
  },
  {
    id: 'basketball.b.nuggets-puntos.es',
    category: 'basketball',
    language: 'es',
    turns: [
      {
        user: 'over/under de puntos del proximo de los nuggets',
        teams: ['Denver Nuggets'],
        checks: [
          { kind: 'odds', fixture: { team: 'Denver Nuggets', sport: 'basketball' }, market: 'over_under', selections: ['over', 'under'] },
          { kind: 'mentions', any: ['puntos', 'más de', 'over'] },
        ],
      },
    ],
  },
  {
    id: 'basketball.b.knicks-favoritos.es',
    category: 'basketball',
    language: 'es',
    turns: [
      {
        user: '¿los Knicks son favoritos en su próximo partido?',
        teams: ['New York Knicks'],
        checks: [{ kind: 'favourite', fixture: { team: 'New York Knicks', sport: 'basketball' } }, NO_DRAW_ES],
      },
    ],
  },
  {
    id: 'basketball.b.nba-draw.en',
    category: 'basketball',
    language: 'en',
    timeZone: 'America/Chicago',
    turns: [
      {
        user: 'can nba games end in a draw? thinking of betting the tie on the bulls game',
        checks: [{ kind: 'mentions', any: ['overtime', 'over time', 'extra time', 'extra period'] }, { kind: 'no_promise' }],
      },
      {
        user: 'ok so whats the bulls moneyline',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Chicago Bulls'],
        checks: [{ kind: 'odds', fixture: { team: 'Chicago Bulls', sport: 'basketball' }, selections: ['home', 'away'] }],
      },
    ],
  },
  {
    id: 'basketball.b.nba-empate.ar.es',
    category: 'basketball',
    language: 'es',
    timeZone: 'America/Argentina/Buenos_Aires',
    turns: [
      {
        user: 'che, en la nba se puede apostar al empate?',
        checks: [{ kind: 'mentions', any: ['prórroga', 'prorroga', 'tiempo extra', 'tiempo suplementario', 'overtime'] }],
      },
      {
        user: 'cuando juegan los bulls',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Chicago Bulls'],
        checks: [{ kind: 'fixture', fixture: { team: 'Chicago Bulls', sport: 'basketball' } }],
      },
    ],
  },
  {
    id: 'basketball.b.panathinaikos.en',
    category: 'basketball',
    language: 'en',
    turns: [
      {
        user: 'panathinaikos next game odds',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Panathinaikos'],
        checks: [{ kind: 'odds', fixture: { team: 'Panathinaikos', sport: 'basketball' }, selections: ['home', 'away'] }, NO_DRAW_EN],
      },
    ],
  },
  {
    id: 'basketball.b.thunder-favourite-stake.en',
    category: 'basketball',
    language: 'en',
    timeZone: 'America/Chicago',
    turns: [
      {
        user: 'is okc favourite in their next game',
        teams: ['Oklahoma City Thunder'],
        checks: [{ kind: 'favourite', fixture: { team: 'Oklahoma City Thunder', sport: 'basketball' } }, NO_DRAW_EN],
      },
      {
        user: 'put 100 on the thunder',
        intents: ['BET_SIMULATION'],
        teams: ['Oklahoma City Thunder'],
        checks: [{ kind: 'payout', stake: 100, legs: [{ team: 'Oklahoma City Thunder', sport: 'basketball', pick: 'team' }] }],
      },
    ],
  },
  {
    id: 'basketball.b.basket-finde.es',
    category: 'basketball',
    language: 'es',
    turns: [
      {
        user: 'partidos de baloncesto este finde',
        checks: [{ kind: 'mentions', any: [...NBA_TEAMS, ...EUROLEAGUE_TEAMS] }, NO_FOOTBALL],
      },
    ],
  },
  {
    id: 'basketball.b.real-madrid-basketball-bet.en',
    category: 'basketball',
    language: 'en',
    turns: [
      {
        user: 'bet 10 on real madrid basketball to win their next game',
        intents: ['BET_SIMULATION'],
        teams: ['Real Madrid Baloncesto'],
        checks: [{ kind: 'payout', stake: 10, legs: [{ team: 'Real Madrid Baloncesto', sport: 'basketball', pick: 'team' }] }],
      },
    ],
  },
];
