import type { Check, Dialog } from '../dialog.types.js';

// Follow-ups that only make sense with the earlier turns: reasons after a recommendation, the next
// page after a list, other markets of the match just discussed, stakes, team switches and pronouns.

/** A recommendation quotes what it recommends at a price. */
const RECOMMENDS: Check = { kind: 'mentions', any: ['odds', ' @ ', 'price', 'priced', 'cuota', 'paga'] };
/** A reason rests on probabilities, prices or form, not on a restated list. */
const REASONS_EN: Check = {
  kind: 'mentions',
  any: ['probab', 'implied', 'value', 'edge', 'form', '%', 'chance', 'likely', 'rating'],
};
const REASONS_ES: Check = {
  kind: 'mentions',
  any: ['probab', 'implícita', 'valor', 'forma', '%', 'ventaja', 'racha', 'favorit'],
};
/** A fixture list writes its pairings with a separator. */
const LIST: Check = { kind: 'mentions', any: [' vs ', ' vs. ', ' v ', ' - ', '–', '—', ' @ '] };
const NO_BASKETBALL: Check = { kind: 'not_mentions', any: ['Lakers', 'Celtics', 'Knicks', 'Warriors', 'Nuggets', 'Baloncesto'] };
const NOT_LOST_EN: Check = { kind: 'not_mentions', any: ["didn't understand", 'did not understand', 'rephrase', 'what would you like to bet on'] };
const NOT_LOST_ES: Check = { kind: 'not_mentions', any: ['no entendí', 'no he entendido', 'reformula', '¿a qué quieres apostar'] };

export const dialogs: Dialog[] = [
  {
    id: 'follow_up.b.why-those.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'any good bets for this weekend?', checks: [RECOMMENDS, { kind: 'no_promise' }] },
      { user: 'why those?', checks: [REASONS_EN, NOT_LOST_EN, { kind: 'no_promise' }, { kind: 'language', language: 'en' }] },
    ],
  },
  {
    id: 'follow_up.b.por-que-esas.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: 'recomiendame algo para el finde', checks: [RECOMMENDS, { kind: 'no_promise' }] },
      { user: '¿por qué esas?', checks: [REASONS_ES, NOT_LOST_ES, { kind: 'no_promise' }, { kind: 'language', language: 'es' }] },
    ],
  },
  {
    id: 'follow_up.b.safest-why.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: "what's the safest pick in the premier league this weekend", checks: [RECOMMENDS, { kind: 'no_promise' }] },
      { user: 'why that one tho', checks: [REASONS_EN, NOT_LOST_EN, { kind: 'no_promise' }] },
    ],
  },
  {
    id: 'follow_up.b.por-que.mx.es',
    category: 'follow_up',
    language: 'es',
    timeZone: 'America/Mexico_City',
    turns: [
      { user: 'q me recomiendas pa apostar en la champions', checks: [RECOMMENDS, { kind: 'no_promise' }] },
      { user: 'y eso por que', checks: [REASONS_ES, NOT_LOST_ES, { kind: 'no_promise' }] },
    ],
  },
  {
    id: 'follow_up.b.show-more.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'what football is on in the next 7 days?', checks: [LIST, { kind: 'says_more' }, NO_BASKETBALL] },
      { user: 'show me more', checks: [LIST, NOT_LOST_EN, NO_BASKETBALL] },
    ],
  },
  {
    id: 'follow_up.b.mas.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: 'que partidos hay esta semana', checks: [LIST, { kind: 'says_more' }] },
      { user: 'más', checks: [LIST, NOT_LOST_ES] },
    ],
  },
  {
    id: 'follow_up.b.draw-value.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      {
        user: "odds for barcelona's next game?",
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Barcelona'],
        checks: [{ kind: 'odds', fixture: { team: 'Barcelona' } }],
      },
      {
        user: 'is there any value in the draw?',
        teams: ['Barcelona'],
        checks: [
          { kind: 'odds', fixture: { team: 'Barcelona' }, selections: ['draw'] },
          { kind: 'mentions', any: ['draw'] },
          { kind: 'no_promise' },
        ],
      },
      {
        user: 'ok put 10 on it',
        intents: ['BET_SIMULATION'],
        teams: ['Barcelona'],
        checks: [{ kind: 'payout', stake: 10, legs: [{ team: 'Barcelona', pick: 'draw' }] }],
      },
    ],
  },
  {
    id: 'follow_up.b.btts.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      {
        user: 'when do liverpool play next',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Liverpool'],
        checks: [{ kind: 'fixture', fixture: { team: 'Liverpool' } }],
      },
      {
        user: 'and both teams to score?',
        teams: ['Liverpool'],
        checks: [{ kind: 'odds', fixture: { team: 'Liverpool' }, market: 'btts', selections: ['yes'] }],
      },
    ],
  },
  {
    id: 'follow_up.b.over-2-5.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      {
        user: 'real madrid odds',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Real Madrid'],
        checks: [{ kind: 'odds', fixture: { team: 'Real Madrid' } }],
      },
      {
        user: 'what about over 2.5 goals?',
        teams: ['Real Madrid'],
        checks: [{ kind: 'odds', fixture: { team: 'Real Madrid' }, market: 'over_under', line: 2.5, selections: ['over'] }],
      },
      {
        user: 'put 10 on it',
        intents: ['BET_SIMULATION'],
        teams: ['Real Madrid'],
        checks: [{ kind: 'payout', stake: 10, legs: [{ team: 'Real Madrid', pick: 'over', market: 'over_under', line: 2.5 }] }],
      },
    ],
  },
  {
    id: 'follow_up.b.ambos-marcan.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      {
        user: '¿Cuándo juega el Madrid?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Real Madrid'],
        checks: [{ kind: 'fixture', fixture: { team: 'Real Madrid' } }],
      },
      {
        user: '¿Marcan ambos equipos?',
        teams: ['Real Madrid'],
        checks: [{ kind: 'odds', fixture: { team: 'Real Madrid' }, market: 'btts', selections: ['yes'] }, NOT_LOST_ES],
      },
    ],
  },
  {
    id: 'follow_up.b.mas-de-2-5.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      {
        user: 'cuotas del atleti',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Atletico Madrid'],
        checks: [{ kind: 'odds', fixture: { team: 'Atletico Madrid' } }],
      },
      {
        user: '¿y más de 2.5 goles?',
        teams: ['Atletico Madrid'],
        checks: [{ kind: 'odds', fixture: { team: 'Atletico Madrid' }, market: 'over_under', line: 2.5, selections: ['over'] }],
      },
      {
        user: 'mete 20 ahí',
        intents: ['BET_SIMULATION'],
        teams: ['Atletico Madrid'],
        checks: [{ kind: 'payout', stake: 20, legs: [{ team: 'Atletico Madrid', pick: 'over', market: 'over_under', line: 2.5 }] }],
      },
    ],
  },
  {
    id: 'follow_up.b.sevilla-stakes.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      {
        user: 'When does Sevilla play next?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Sevilla'],
        checks: [{ kind: 'fixture', fixture: { team: 'Sevilla' } }],
      },
      {
        user: 'Put 10 on them to win',
        intents: ['BET_SIMULATION'],
        teams: ['Sevilla'],
        checks: [{ kind: 'payout', stake: 10, legs: [{ team: 'Sevilla', pick: 'team' }] }, NOT_LOST_EN],
      },
      {
        user: 'make it 50',
        intents: ['BET_SIMULATION'],
        teams: ['Sevilla'],
        checks: [{ kind: 'payout', stake: 50, legs: [{ team: 'Sevilla', pick: 'team' }] }],
      },
    ],
  },
  {
    id: 'follow_up.b.sevilla-stakes.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      {
        user: 'cuando juega el sevilla',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Sevilla'],
        checks: [{ kind: 'fixture', fixture: { team: 'Sevilla' } }],
      },
      {
        user: '¿y si apuesto 50 a que gana?',
        intents: ['BET_SIMULATION'],
        teams: ['Sevilla'],
        checks: [{ kind: 'payout', stake: 50, legs: [{ team: 'Sevilla', pick: 'team' }] }, NOT_LOST_ES],
      },
      {
        user: '¿y con 20?',
        intents: ['BET_SIMULATION'],
        teams: ['Sevilla'],
        checks: [{ kind: 'payout', stake: 20, legs: [{ team: 'Sevilla', pick: 'team' }] }],
      },
    ],
  },
  {
    id: 'follow_up.b.betis-stakes.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      {
        user: 'cuanto me pagan si le meto 10€ al betis',
        intents: ['BET_SIMULATION'],
        teams: ['Real Betis'],
        checks: [{ kind: 'payout', stake: 10, legs: [{ team: 'Real Betis', pick: 'team' }] }],
      },
      {
        user: '¿y con 20?',
        intents: ['BET_SIMULATION'],
        teams: ['Real Betis'],
        checks: [{ kind: 'payout', stake: 20, legs: [{ team: 'Real Betis', pick: 'team' }] }],
      },
      {
        user: '¿y si empatan? con los mismos 20',
        intents: ['BET_SIMULATION'],
        teams: ['Real Betis'],
        checks: [{ kind: 'payout', stake: 20, legs: [{ team: 'Real Betis', pick: 'draw' }] }],
      },
    ],
  },
  {
    id: 'follow_up.b.switch-real-madrid.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      {
        user: 'when does barca play next',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Barcelona'],
        checks: [{ kind: 'fixture', fixture: { team: 'Barcelona' } }],
      },
      {
        user: 'and Real Madrid?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Real Madrid'],
        checks: [{ kind: 'fixture', fixture: { team: 'Real Madrid' } }],
      },
    ],
  },
  {
    id: 'follow_up.b.switch-odds.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      {
        user: 'gunners odds for their next one?',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Arsenal'],
        checks: [{ kind: 'odds', fixture: { team: 'Arsenal' } }],
      },
      {
        user: 'and chelsea?',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Chelsea'],
        checks: [{ kind: 'odds', fixture: { team: 'Chelsea' } }],
      },
      {
        user: 'what would 25 on chelsea pay',
        intents: ['BET_SIMULATION'],
        teams: ['Chelsea'],
        checks: [{ kind: 'payout', stake: 25, legs: [{ team: 'Chelsea', pick: 'team' }] }],
      },
    ],
  },
  {
    id: 'follow_up.b.switch-three.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      {
        user: '¿Cuándo juega el Barça?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Barcelona'],
        checks: [{ kind: 'fixture', fixture: { team: 'Barcelona' } }],
      },
      {
        user: '¿y el Madrid?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Real Madrid'],
        checks: [{ kind: 'fixture', fixture: { team: 'Real Madrid' } }],
      },
      {
        user: 'y el atleti',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Atletico Madrid'],
        checks: [{ kind: 'fixture', fixture: { team: 'Atletico Madrid' } }],
      },
    ],
  },
  {
    id: 'follow_up.b.pronoun-them.en',
    category: 'follow_up',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      {
        user: 'when do the gunners play next?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Arsenal'],
        checks: [{ kind: 'fixture', fixture: { team: 'Arsenal' } }],
      },
      {
        user: 'what are the odds for them?',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Arsenal'],
        checks: [{ kind: 'odds', fixture: { team: 'Arsenal' } }],
      },
      {
        user: "who's favourite?",
        teams: ['Arsenal'],
        checks: [{ kind: 'favourite', fixture: { team: 'Arsenal' } }],
      },
    ],
  },
  {
    id: 'follow_up.b.ellos.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      {
        user: 'cuando juega el liverpool?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Liverpool'],
        checks: [{ kind: 'fixture', fixture: { team: 'Liverpool' } }],
      },
      {
        user: '¿y qué cuotas tienen ellos?',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Liverpool'],
        checks: [{ kind: 'odds', fixture: { team: 'Liverpool' } }],
      },
    ],
  },
  {
    id: 'follow_up.b.el-equipo.es',
    category: 'follow_up',
    language: 'es',
    timeZone: 'America/Bogota',
    turns: [
      {
        user: 'contra quien juega el villarreal',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Villarreal'],
        checks: [{ kind: 'fixture', fixture: { team: 'Villarreal' } }],
      },
      {
        user: '¿el equipo sale de favorito?',
        teams: ['Villarreal'],
        checks: [{ kind: 'favourite', fixture: { team: 'Villarreal' } }],
      },
      {
        user: 'listo, apuéstale 15 a que gana',
        intents: ['BET_SIMULATION'],
        teams: ['Villarreal'],
        checks: [{ kind: 'payout', stake: 15, legs: [{ team: 'Villarreal', pick: 'team' }] }],
      },
    ],
  },
  {
    id: 'follow_up.b.man-u-draw.en',
    category: 'follow_up',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      {
        user: 'man u next game odds',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Manchester United'],
        checks: [{ kind: 'odds', fixture: { team: 'Manchester United' } }],
      },
      {
        user: 'is there any value in the draw?',
        teams: ['Manchester United'],
        checks: [
          { kind: 'odds', fixture: { team: 'Manchester United' }, selections: ['draw'] },
          { kind: 'mentions', any: ['draw'] },
          { kind: 'no_promise' },
        ],
      },
    ],
  },
  {
    id: 'follow_up.b.empate-dortmund.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      {
        user: 'cuotas del dortmund',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Borussia Dortmund'],
        checks: [{ kind: 'odds', fixture: { team: 'Borussia Dortmund' } }],
      },
      {
        user: '¿y el empate cuánto paga?',
        teams: ['Borussia Dortmund'],
        checks: [{ kind: 'odds', fixture: { team: 'Borussia Dortmund' }, selections: ['draw'] }, { kind: 'mentions', any: ['empate'] }],
      },
      {
        user: 'pon 15 al empate',
        intents: ['BET_SIMULATION'],
        teams: ['Borussia Dortmund'],
        checks: [{ kind: 'payout', stake: 15, legs: [{ team: 'Borussia Dortmund', pick: 'draw' }] }],
      },
    ],
  },
  {
    id: 'follow_up.b.juve-markets.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      {
        user: 'juventus next match?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Juventus'],
        checks: [{ kind: 'fixture', fixture: { team: 'Juventus' } }],
      },
      {
        user: 'btts odds?',
        teams: ['Juventus'],
        checks: [{ kind: 'odds', fixture: { team: 'Juventus' }, market: 'btts', selections: ['yes'] }],
      },
      {
        user: 'and over 2.5?',
        teams: ['Juventus'],
        checks: [{ kind: 'odds', fixture: { team: 'Juventus' }, market: 'over_under', line: 2.5, selections: ['over'] }],
      },
    ],
  },
  {
    id: 'follow_up.b.psg-stake.mx.es',
    category: 'follow_up',
    language: 'es',
    timeZone: 'America/Mexico_City',
    turns: [
      {
        user: 'cuando juega el psg',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Paris Saint-Germain'],
        checks: [{ kind: 'fixture', fixture: { team: 'Paris Saint-Germain' } }],
      },
      {
        user: 'y si le apuesto 30 a que ganan cuanto me llevo',
        intents: ['BET_SIMULATION'],
        teams: ['Paris Saint-Germain'],
        checks: [{ kind: 'payout', stake: 30, legs: [{ team: 'Paris Saint-Germain', pick: 'team' }] }, NOT_LOST_ES],
      },
    ],
  },
  {
    id: 'follow_up.b.inter-favourite-stake.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      {
        user: 'inter next match odds pls',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Inter'],
        checks: [{ kind: 'odds', fixture: { team: 'Inter' } }],
      },
      {
        user: "who's the favourite then?",
        teams: ['Inter'],
        checks: [{ kind: 'favourite', fixture: { team: 'Inter' } }],
      },
      {
        user: 'put €10 on inter',
        intents: ['BET_SIMULATION'],
        teams: ['Inter'],
        checks: [{ kind: 'payout', stake: 10, legs: [{ team: 'Inter', pick: 'team' }] }],
      },
    ],
  },
  {
    id: 'follow_up.b.bayern-bet-then-switch.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      {
        user: 'how much do i win with 20 on bayern',
        intents: ['BET_SIMULATION'],
        teams: ['Bayern Munich'],
        checks: [{ kind: 'payout', stake: 20, legs: [{ team: 'Bayern Munich', pick: 'team' }] }],
      },
      {
        user: 'and on dortmund?',
        intents: ['BET_SIMULATION'],
        teams: ['Borussia Dortmund'],
        checks: [{ kind: 'payout', stake: 20, legs: [{ team: 'Borussia Dortmund', pick: 'team' }] }],
      },
    ],
  },
  {
    id: 'follow_up.b.napoles-ambos.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      {
        user: 'a q hora juega el napoles',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Napoli'],
        checks: [{ kind: 'fixture', fixture: { team: 'Napoli' } }],
      },
      {
        user: 'y marcan los dos?',
        teams: ['Napoli'],
        checks: [{ kind: 'odds', fixture: { team: 'Napoli' }, market: 'btts', selections: ['yes'] }],
      },
      {
        user: 'vale, 10 euros a que sí',
        intents: ['BET_SIMULATION'],
        teams: ['Napoli'],
        checks: [{ kind: 'payout', stake: 10, legs: [{ team: 'Napoli', pick: 'yes', market: 'btts' }] }],
      },
    ],
  },
];
