/**
 * The replayed chat script of `npm run bench:upstream` and of the upstream-economy e2e test: eight
 * distinct questions over public data (a team's next match, odds of a match, tomorrow in a league,
 * a payout, a comparison, tournaments, a favourite, what the assistant can do).
 */
export const UPSTREAM_SCRIPT: readonly string[] = [
  'When does Barcelona play next?',
  'What are the odds for Arsenal vs Chelsea?',
  'Which Premier League matches are tomorrow?',
  'If I bet 20 on Real Madrid to win their next match, how much would I get back?',
  'Compare Liverpool and Manchester City',
  'Which tournaments are active?',
  'Who is the favourite in the next Lakers game?',
  'What can you do?',
];
