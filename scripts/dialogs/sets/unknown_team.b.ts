import type { Check, Dialog } from '../dialog.types.js';

// Names the data does not know: invented clubs and real clubs outside the covered competitions must
// be said to be unknown without listing anything unrelated; plain typos of covered clubs are answered
// with the right club's data.

/**
 * Teams a generic list of upcoming fixtures shows (NBA games are on most nights), which an answer
 * about an unknown football club has no reason to name. The big football clubs are left out: an
 * answer may fairly name them as examples of what is covered.
 */
const NO_UNRELATED: Check = {
  kind: 'not_mentions',
  any: ['Lakers', 'Celtics', 'Knicks', 'Warriors', 'Nuggets', 'Bucks', '76ers'],
};

export const dialogs: Dialog[] = [
  {
    id: 'unknown_team.b.springfield.en',
    category: 'unknown_team',
    language: 'en',
    turns: [
      {
        user: 'When does Real Springfield FC play next?',
        checks: [{ kind: 'unknown_team', name: 'Real Springfield FC' }, NO_UNRELATED, { kind: 'language', language: 'en' }],
      },
    ],
  },
  {
    id: 'unknown_team.b.patitos.es',
    category: 'unknown_team',
    language: 'es',
    turns: [
      {
        user: '¿Cuándo juega el Atlético Patitos?',
        checks: [{ kind: 'unknown_team', name: 'Atlético Patitos' }, NO_UNRELATED, { kind: 'language', language: 'es' }],
      },
    ],
  },
  {
    id: 'unknown_team.b.narnia-odds.es',
    category: 'unknown_team',
    language: 'es',
    turns: [
      { user: 'cuotas del deportivo narnia', checks: [{ kind: 'unknown_team', name: 'Deportivo Narnia' }, NO_UNRELATED] },
    ],
  },
  {
    id: 'unknown_team.b.narnia-bet.en',
    category: 'unknown_team',
    language: 'en',
    turns: [
      {
        user: 'bet 20 on Deportivo Narnia to win, whats the payout',
        checks: [{ kind: 'unknown_team', name: 'Deportivo Narnia' }, NO_UNRELATED, { kind: 'no_promise' }],
      },
    ],
  },
  {
    id: 'unknown_team.b.atoms-then-lakers.en',
    category: 'unknown_team',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [
      {
        user: 'odds for Springfield Atoms vs Lakers',
        checks: [{ kind: 'unknown_team', name: 'Springfield Atoms' }, { kind: 'not_mentions', any: ['Knicks', 'Warriors', 'Real Madrid'] }],
      },
      {
        user: 'ok just the lakers next game then',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Los Angeles Lakers'],
        checks: [
          { kind: 'odds', fixture: { team: 'Los Angeles Lakers', sport: 'basketball' }, selections: ['home', 'away'] },
          { kind: 'not_mentions', any: ['draw'] },
        ],
      },
    ],
  },
  {
    id: 'unknown_team.b.patitos-vs-narnia.es',
    category: 'unknown_team',
    language: 'es',
    turns: [
      {
        user: 'que paga el atletico patitos vs deportivo narnia',
        checks: [{ kind: 'unknown_team', name: 'Atlético Patitos' }, { kind: 'unknown_team', name: 'Deportivo Narnia' }, NO_UNRELATED],
      },
    ],
  },
  {
    id: 'unknown_team.b.springfield-then-madrid.es',
    category: 'unknown_team',
    language: 'es',
    turns: [
      { user: '¿cuándo juega el Real Springfield?', checks: [{ kind: 'unknown_team', name: 'Real Springfield' }, NO_UNRELATED] },
      {
        user: 'vale, ¿y el Real Madrid?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Real Madrid'],
        checks: [{ kind: 'fixture', fixture: { team: 'Real Madrid' } }],
      },
    ],
  },
  {
    id: 'unknown_team.b.springfield-then-arsenal.en',
    category: 'unknown_team',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      { user: 'springfield atoms next match?', checks: [{ kind: 'unknown_team', name: 'Springfield Atoms' }, NO_UNRELATED] },
      {
        user: 'fine, arsenal then',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Arsenal'],
        checks: [{ kind: 'fixture', fixture: { team: 'Arsenal' } }],
      },
    ],
  },
  {
    id: 'unknown_team.b.boca.ar.es',
    category: 'unknown_team',
    language: 'es',
    timeZone: 'America/Argentina/Buenos_Aires',
    turns: [
      { user: 'che cuando juega boca juniors', checks: [{ kind: 'unknown_team', name: 'Boca Juniors' }, NO_UNRELATED] },
    ],
  },
  {
    id: 'unknown_team.b.club-america.mx.es',
    category: 'unknown_team',
    language: 'es',
    timeZone: 'America/Mexico_City',
    turns: [
      { user: 'momios del club america pa este fin', checks: [{ kind: 'unknown_team', name: 'Club América' }, NO_UNRELATED] },
    ],
  },
  {
    id: 'unknown_team.b.inter-miami.en',
    category: 'unknown_team',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [
      {
        user: 'when is inter miami playing next',
        checks: [{ kind: 'unknown_team', name: 'Inter Miami' }, NO_UNRELATED],
      },
    ],
  },
  {
    id: 'unknown_team.b.typo-barcelonna.en',
    category: 'unknown_team',
    language: 'en',
    turns: [
      {
        user: 'When does Barcelonna play next?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Barcelona'],
        checks: [{ kind: 'fixture', fixture: { team: 'Barcelona' } }],
      },
    ],
  },
  {
    id: 'unknown_team.b.typo-juventis.en',
    category: 'unknown_team',
    language: 'en',
    turns: [
      {
        user: 'juventis odds',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Juventus'],
        checks: [{ kind: 'odds', fixture: { team: 'Juventus' } }],
      },
    ],
  },
  {
    id: 'unknown_team.b.typo-manchster.en',
    category: 'unknown_team',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      {
        user: 'Manchster United next match',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Manchester United'],
        checks: [{ kind: 'fixture', fixture: { team: 'Manchester United' } }],
      },
    ],
  },
  {
    id: 'unknown_team.b.typo-totenham.en',
    category: 'unknown_team',
    language: 'en',
    turns: [
      {
        user: 'totenham odds next game',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Tottenham Hotspur'],
        checks: [{ kind: 'odds', fixture: { team: 'Tottenham Hotspur' } }],
      },
    ],
  },
  {
    id: 'unknown_team.b.typo-bettis.es',
    category: 'unknown_team',
    language: 'es',
    turns: [
      {
        user: 'cuotas del bettis',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Real Betis'],
        checks: [{ kind: 'odds', fixture: { team: 'Real Betis' } }],
      },
    ],
  },
  {
    id: 'unknown_team.b.typo-villareal.es',
    category: 'unknown_team',
    language: 'es',
    turns: [
      {
        user: '¿cuándo juega el Villareal?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Villarreal'],
        checks: [{ kind: 'fixture', fixture: { team: 'Villarreal' } }],
      },
    ],
  },
  {
    id: 'unknown_team.b.typo-dortmunt.es',
    category: 'unknown_team',
    language: 'es',
    turns: [
      {
        user: 'proximo partido del borussia dortmunt',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Borussia Dortmund'],
        checks: [{ kind: 'fixture', fixture: { team: 'Borussia Dortmund' } }],
      },
    ],
  },
];
