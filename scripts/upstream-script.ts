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

/** The tool call a model makes for each question of the script (none: it answers at once), for the benches on the Gemini path. */
export const SCRIPT_TOOL_CALLS: Readonly<Record<string, { name: string; args: Record<string, unknown> }>> = {
  'When does Barcelona play next?': { name: 'search_fixtures', args: { team: 'Barcelona', limit: 3 } },
  'What are the odds for Arsenal vs Chelsea?': { name: 'get_match_odds', args: { team_a: 'Arsenal', team_b: 'Chelsea' } },
  'Which Premier League matches are tomorrow?': { name: 'search_fixtures', args: { tournament: 'Premier League' } },
  'If I bet 20 on Real Madrid to win their next match, how much would I get back?': {
    name: 'simulate_bet',
    args: { selections: [{ team_a: 'Real Madrid', selection: 'Real Madrid' }], stake: 20 },
  },
  'Compare Liverpool and Manchester City': { name: 'compare_teams', args: { team_a: 'Liverpool', team_b: 'Manchester City' } },
  'Which tournaments are active?': { name: 'list_tournaments', args: {} },
  'Who is the favourite in the next Lakers game?': { name: 'match_verdict', args: { team_a: 'Lakers' } },
  'And the odds?': { name: 'get_match_odds', args: { team_a: 'Lakers' } },
};
