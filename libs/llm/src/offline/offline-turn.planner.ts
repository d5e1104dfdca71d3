import type { NluResult } from '@app/nlu';
import type { TurnFocus } from '../shared/turn-focus.js';
import { COMPARE_TEAMS } from '../tools/compare-teams.tool.js';
import { GET_MATCH_ODDS } from '../tools/get-match-odds.tool.js';
import { GET_USER_BALANCE } from '../tools/get-user-balance.tool.js';
import { LIST_TOURNAMENTS } from '../tools/list-tournaments.tool.js';
import { MATCH_VERDICT } from '../tools/match-verdict.tool.js';
import { PREDICT_MATCH } from '../tools/predict-match.tool.js';
import { PROPOSE_BET } from '../tools/propose-bet.tool.js';
import { RECOMMEND_BETS } from '../tools/recommend-bets.tool.js';
import { SEARCH_FIXTURES } from '../tools/search-fixtures.tool.js';
import { SIMULATE_BET } from '../tools/simulate-bet.tool.js';

export interface PlannedCall {
  name: string;
  args: Record<string, unknown>;
}

/** Answers that need no data: greetings, help, and questions back to the user. */
export type DirectReply =
  | 'greeting'
  | 'thanks'
  | 'farewell'
  | 'help'
  | 'unclear'
  | 'general'
  | 'need_match'
  | 'need_amount'
  | 'need_pick'
  | 'need_teams'
  | 'need_legs_amount'
  | 'need_my_team'
  | 'zone_noted'
  | 'off_topic'
  | 'no_guarantee'
  | 'chasing_losses'
  | 'basketball_draw'
  | 'nothing_more'
  | 'unavailable';

export type OfflinePlan = { kind: 'tools'; calls: PlannedCall[] } | { kind: 'reply'; reply: DirectReply };

export interface PlanInput {
  message: string;
  nlu: NluResult;
  focus: TurnFocus;
  /** Names of the tools bound to the model; nothing else may be called. */
  tools: ReadonlySet<string>;
}

const PREDICTION_RE = /\b(who(?:'ll| will| is going to|'s going to) win|predict(?:ion)?|forecast|pron[oó]stico|predicci[oó]n|qui[eé]n (?:ganar[aá]|gana|va a ganar))\b/i;
const THANKS_RE = /\b(thanks?|thank you|cheers|gracias|merci)\b/i;
const FAREWELL_RE = /\b(bye|goodbye|see you|adi[oó]s|hasta luego|chao|chau|nos vemos)\b/i;
// "Bet €10 on Barcelona", "place a bet…", "apuesta 10 € al Barça": asked as an order, not as a question.
const PLACE_BET_RE =
  /^\s*(?:(?:please|ok(?:ay)?|yes|vale|s[ií]|por favor)[,!\s]+)?(?:(?:i\s+(?:want|would\s+like|'d\s+like)\s+to|let'?s|can\s+you|could\s+you|go\s+ahead\s+and|quiero|quisiera|me\s+gustar[ií]a|puedes)\s+)?(?:place|put|stake|wager|bet|back|apu[eé]sta(?:me|le)?|apostar|apuesto|pon(?:me|le)?|coloca(?:r|me)?|haz(?:me)?\s+una\s+apuesta)\b/i;
// …unless it is a "what if": those are simulations.
const HYPOTHETICAL_RE = /\b(how much|what would|would (?:i|we|it|that) (?:win|get|make|return|pay)|if|si|cu[aá]nto|ganar[ií]a|cobrar[ií]a|pagar[ií]a)\b/i;
const SPORT_WORDS: Array<[RegExp, string]> = [
  [/\b(basketball|baloncesto|basket|b[aá]squet|nba)\b/i, 'basketball'],
  [/\b(football|soccer|f[uú]tbol)\b/i, 'football'],
];
const COUNTRY_WORDS: Array<[RegExp, string]> = [
  [/\b(spain|spanish|espa[nñ]a|espa[nñ]ol[ae]?s?)\b/i, 'Spain'],
  [/\b(england|english|inglaterra|ingles[ae]?s?|ingl[eé]s)\b/i, 'England'],
  [/\b(italy|italian|italia|italian[oa]s?)\b/i, 'Italy'],
  [/\b(germany|german|alemania|alem[aá]n[ae]?s?)\b/i, 'Germany'],
  [/\b(france|french|francia|franc[eé]s[ae]?s?)\b/i, 'France'],
  [/\b(europe|european|europa|europe[oa]s?)\b/i, 'Europe'],
  [/\b(usa|american|estados unidos|eeuu)\b/i, 'USA'],
];

/**
 * Decides, from the understood message, which tools the offline engine calls. Every figure in
 * the final answer then comes from those tools' results.
 */
export class OfflineTurnPlanner {
  plan(input: PlanInput): OfflinePlan {
    const plan = PRE_RULES.reduce<OfflinePlan | undefined>((found, rule) => found ?? rule(input), undefined) ?? this.choose(input);
    if (plan.kind === 'tools' && plan.calls.some((c) => !input.tools.has(c.name))) return { kind: 'reply', reply: 'unavailable' };
    return plan;
  }

  private choose({ message, nlu, focus }: PlanInput): OfflinePlan {
    const tools = (...calls: PlannedCall[]): OfflinePlan => ({ kind: 'tools', calls });
    const reply = (r: DirectReply): OfflinePlan => ({ kind: 'reply', reply: r });
    const dates = dateArgs(focus);
    const match = matchArgs(focus);

    switch (focus.intent) {
      case 'GREETING':
        return reply(THANKS_RE.test(message) ? 'thanks' : FAREWELL_RE.test(message) ? 'farewell' : 'greeting');
      case 'HELP_REQUEST':
        return reply('help');
      case 'UNCLEAR':
        return reply('unclear');
      case 'USER_BALANCE_QUERY':
        return tools({ name: GET_USER_BALANCE, args: {} });

      case 'MATCH_SCHEDULE_QUERY':
        if (focus.teams.length > 1) {
          // Two teams: their meeting among the first team's fixtures, else each one's next match.
          return tools(
            { name: SEARCH_FIXTURES, args: { team: focus.teams[0], ...dates, limit: 25 } },
            { name: SEARCH_FIXTURES, args: { team: focus.teams[1], ...dates, limit: 5 } },
          );
        }
        if (focus.teams.length > 0) return tools({ name: SEARCH_FIXTURES, args: { team: focus.teams[0], ...dates, limit: 5 } });
        if (focus.tournament) return tools({ name: SEARCH_FIXTURES, args: { ...competitionArgs(focus), ...dates, limit: 10 } });
        return tools({ name: SEARCH_FIXTURES, args: { ...dates, ...sportArgs(focus), limit: 10 } });

      case 'ODDS_INFORMATION_QUERY':
        if (!match) return reply('need_match');
        return tools({ name: GET_MATCH_ODDS, args: { ...match, ...(focus.market && focus.market !== '1x2' ? { market: focus.market } : {}) } });

      case 'BET_SIMULATION': {
        const selection = focus.selection;
        if (!focus.amount) return reply('need_amount');
        if (!selection) return reply('need_pick');
        const leg = match ?? (focus.pick ? { team_a: focus.pick } : undefined);
        if (!leg) return reply('need_match');
        // Asked to place it: the assistant only proposes; the user confirms the proposal themselves.
        const placing = PLACE_BET_RE.test(message) && !HYPOTHETICAL_RE.test(message);
        return betCalls(placing, {
          selections: [
            {
              ...leg,
              ...(selection.of ? { team_a: selection.of } : {}),
              selection: selection.selection,
              ...(selection.market ? { market: selection.market } : {}),
              ...(selection.line !== undefined ? { line: selection.line } : {}),
            },
          ],
          stake: focus.amount.value,
          currency: focus.amount.currency ?? 'EUR',
        });
      }

      case 'BETTING_RECOMMENDATION': {
        const aboutOneMatch = !focus.riskProfile && match !== undefined && (nlu.entities.teams.length >= 2 || PREDICTION_RE.test(message) || focus.usedContext);
        // A follow-up of a verdict ("and against Monaco?") is a verdict too.
        const verdictAgain = focus.usedContext && focus.lastCall?.name === MATCH_VERDICT;
        if (aboutOneMatch && match) return tools({ name: focus.sport === 'basketball' || verdictAgain ? MATCH_VERDICT : PREDICT_MATCH, args: match });
        const args: Record<string, unknown> = { risk: focus.riskProfile ?? 'safest', ...dates };
        if (focus.amount) {
          args.budget = focus.amount.value;
          args.currency = focus.amount.currency ?? 'EUR';
        }
        if (focus.tournament) args.tournament = focus.tournament;
        if (nlu.entities.teams.length === 1) args.team = nlu.entities.teams[0];
        // "Any of those worth a bet?" after a list: picks from that list's competition, team and days.
        const listed = focus.lastCall?.name === SEARCH_FIXTURES && THOSE_RE.test(message) && nlu.entities.teams.length === 0 && nlu.entities.tournaments.length === 0 ? focus.lastCall.args : undefined;
        if (listed) {
          for (const key of ['tournament', 'team', 'date_from', 'date_to'] as const) if (typeof listed[key] === 'string') args[key] = listed[key];
        }
        return tools({ name: RECOMMEND_BETS, args });
      }

      case 'TEAM_COMPARISON':
        if (focus.teams.length < 2) return reply('need_teams');
        return tools({ name: COMPARE_TEAMS, args: { team_a: focus.teams[0], team_b: focus.teams[1] } });

      case 'TOURNAMENT_INFO': {
        if (focus.tournament) {
          return tools(
            { name: LIST_TOURNAMENTS, args: {} },
            { name: SEARCH_FIXTURES, args: { ...competitionArgs(focus), ...dates, limit: focus.tournaments ? 10 : 8 } },
          );
        }
        const args: Record<string, unknown> = {};
        const sport = SPORT_WORDS.find(([re]) => re.test(message))?.[1];
        const country = COUNTRY_WORDS.find(([re]) => re.test(message))?.[1];
        if (sport) args.sport = sport;
        if (country) args.country = country;
        return tools({ name: LIST_TOURNAMENTS, args });
      }

      case 'GENERAL_SPORTS_QUERY':
        if (focus.teams.length >= 2) return tools({ name: COMPARE_TEAMS, args: { team_a: focus.teams[0], team_b: focus.teams[1] } });
        if (focus.teams.length === 1) {
          return tools(
            { name: SEARCH_FIXTURES, args: { team: focus.teams[0], status: 'finished', limit: 3 } },
            { name: SEARCH_FIXTURES, args: { team: focus.teams[0], limit: 1 } },
          );
        }
        if (focus.tournament) {
          return tools(
            { name: SEARCH_FIXTURES, args: { tournament: focus.tournament, status: 'finished', limit: 5 } },
            { name: SEARCH_FIXTURES, args: { tournament: focus.tournament, limit: 5 } },
          );
        }
        return reply('general');
    }
  }
}

function matchArgs(focus: TurnFocus): Record<string, string> | undefined {
  if (focus.fixtureId) return { match_id: focus.fixtureId };
  const dates = dateArgs(focus);
  if (focus.teams.length >= 2) return { team_a: focus.teams[0], team_b: focus.teams[1], ...dates };
  if (focus.teams.length === 1) return { team_a: focus.teams[0], ...dates };
  return undefined;
}

function dateArgs(focus: TurnFocus): Record<string, string> {
  return focus.dates ? { date_from: focus.dates.from, date_to: focus.dates.to } : {};
}

/** The competition asked about, or all of them when several are named. */
function competitionArgs(focus: TurnFocus): Record<string, unknown> {
  return { tournament: focus.tournament, ...(focus.tournaments ? { tournaments: focus.tournaments } : {}) };
}

function sportArgs(focus: TurnFocus): Record<string, string> {
  return focus.sport ? { sport: focus.sport } : {};
}

type PlanRule = (input: PlanInput) => OfflinePlan | undefined;

const reply = (r: DirectReply): OfflinePlan => ({ kind: 'reply', reply: r });
const call = (name: string, args: Record<string, unknown>): OfflinePlan => ({ kind: 'tools', calls: [{ name, args }] });
const PAGE_SIZE = 10;
// The matches just listed: "any of those", "alguno de esos".
const THOSE_RE = /\b(?:those|these|them|any\s+of\s+(?:those|these|them)|esos|estos|esas|estas|alguno\s+de\s+(?:esos|estos|ellos))\b/i;
const NOT_A_QUESTION: ReadonlySet<string> = new Set(['UNCLEAR', 'GREETING', 'GENERAL_SPORTS_QUERY', 'HELP_REQUEST']);
const WH_RE = /\b(?:who|which|qui[eé]n|cu[aá]l)\b/i;
const YES_NO_RE = /^\W*(?:is|are|isn'?t|aren'?t|will|es|son|sera|será)\b|\b(?:es|son|sera|será)\s+(?:el\s+|la\s+)?favorit/i;

/**
 * Requests read before the intent: what the assistant will not do, names it does not know,
 * accumulators, continuations of the previous answer ("more", "why"), and verdicts. Tried in order;
 * the first that applies decides the turn.
 */
const PRE_RULES: readonly PlanRule[] = [
  // Chasing losses is answered with help, not a tip.
  ({ focus }) => (focus.chasingLosses ? reply('chasing_losses') : undefined),
  // Certainty is never on offer, whatever else the message asks; about a match, the prices say how likely it is.
  ({ focus }) => {
    if (!focus.certainty) return undefined;
    const match = focus.legs ? undefined : matchArgs(focus);
    if (!match) return reply('no_guarantee');
    const asked = focus.outcome === 'draw' ? 'draw' : (focus.pick ?? focus.teams[0]);
    return call(MATCH_VERDICT, { ...match, ...(asked ? { selection: asked } : {}) });
  },
  ({ focus }) => (focus.offTopic ? reply('off_topic') : undefined),
  // "I'm in Mexico City" and nothing else: the zone is taken (the agent keeps it), and said so.
  ({ nlu }) => (nlu.entities.location?.stays && NOT_A_QUESTION.has(nlu.intent) && nlu.entities.teams.length === 0 && nlu.entities.tournaments.length === 0 ? reply('zone_noted') : undefined),
  // "When does my team play?" before the user has said which team is theirs.
  ({ nlu, focus }) => (focus.myTeam && nlu.entities.teams.length === 0 ? reply('need_my_team') : undefined),
  // "Can you bet on a draw in the NBA?": basketball has none.
  ({ nlu, focus }) => (focus.sport === 'basketball' && focus.outcome === 'draw' && nlu.entities.teams.length === 0 && nlu.entities.amounts.length === 0 ? reply('basketball_draw') : undefined),
  // "Only football": the last list again, for that sport.
  ({ message, nlu, focus }) => {
    const last = focus.lastCall;
    if (!focus.sport || nlu.entities.teams.length > 0 || nlu.entities.tournaments.length > 0 || last?.name !== SEARCH_FIXTURES || message.trim().split(/\s+/).length > 4) return undefined;
    return call(SEARCH_FIXTURES, { ...last.args, sport: focus.sport, offset: 0 });
  },
  // An unknown name is reported as unknown (with close names), never answered with another team's data.
  ({ focus }) => {
    const [unknown] = focus.unknownTeams ?? [];
    if (unknown === undefined) return undefined;
    return call(SEARCH_FIXTURES, { team: unknown, limit: 1 });
  },
  editSlip,
  ({ message, focus }) => {
    if (!focus.legs || focus.legs.length < 2) return undefined;
    // Without a stake the legs are priced per unit staked: the combined odds, and a stake to ask for.
    const placing = focus.amount !== undefined && PLACE_BET_RE.test(message) && !HYPOTHETICAL_RE.test(message);
    return betCalls(placing, {
      selections: focus.legs.map(legArgs),
      stake: focus.amount?.value ?? 1,
      currency: focus.amount?.currency ?? 'EUR',
    });
  },
  ({ focus }) => {
    if (focus.ask !== 'more') return undefined;
    const last = focus.lastCall;
    if (last?.name !== SEARCH_FIXTURES) return last ? undefined : reply('nothing_more');
    const offset = numberArg(last.args.offset) + (numberArg(last.args.limit) || PAGE_SIZE);
    return call(SEARCH_FIXTURES, { ...last.args, offset });
  },
  // "Why those?": the same call again; its answer is written with the reasons.
  ({ focus }) => (focus.ask === 'explain' && focus.lastCall ? call(focus.lastCall.name, { ...focus.lastCall.args }) : undefined),
  ({ message, focus }) => {
    if (focus.ask !== 'favourite' && focus.ask !== 'value') return undefined;
    const match = matchArgs(focus);
    if (!match) return focus.ask === 'value' ? undefined : reply('need_match');
    // "Is Bayern the favourite?" asks about Bayern; "who's the favourite in Arsenal's match?" does not.
    const yesNo = focus.ask === 'favourite' && YES_NO_RE.test(message) && !WH_RE.test(message) && focus.teams.length >= 1 && !focus.fixtureId;
    const asked = focus.outcome === 'draw' ? 'draw' : (focus.pick ?? (yesNo ? focus.teams[0] : undefined));
    return call(MATCH_VERDICT, { ...match, ...(asked ? { selection: asked } : {}) });
  },
];

const ADD_RE = /\b(?:add|adding|include|plus|throw\s+in|make\s+it\s+a\s+\w+\s+with|too|a[nñ]ad\w*|agreg\w*|s[uú]ma(?:le)?|incl[uú]y\w*|tambi[eé]n)\b/i;
const DROP_RE = /\b(?:drop|remove|take\b.*\bout|without|leave\b.*\bout|quit\w*|saca\w*|elimin\w*|sin)\b/i;
const SWAP_RE = /\b(?:swap|replace|change|switch|instead\s+of|cambia\w*|sustitu\w*|reemplaz\w*|en\s+vez\s+de|en\s+lugar\s+de)\b/i;
const INSTEAD_RE = /\b(?:instead|rather|en\s+(?:vez|lugar)|mejor)\b/i;
const DRAW_WORD_RE = /\b(?:draw|draws|tie|empate|empatan|empata|empaten)\b/i;

// Words that name a new selection, so a stake said with them is a new bet, not the last one re-staked.
const SELECTION_WORDS_RE = /\b(?:draw|empate|over|under|m[aá]s\s+de|menos\s+de|yes|no|win|lose|pierde\w*)\b|\bs[í]\b|a\s+que\s+s[ií]/i;

type SlipLeg = Record<string, unknown>;

/** The match a leg names, kept when its selection changes. */
function matchOf(leg: SlipLeg, team: string): SlipLeg {
  if (typeof leg.match_id === 'string') return { match_id: leg.match_id };
  return { team_a: typeof leg.team_a === 'string' ? leg.team_a : team, ...(typeof leg.team_b === 'string' ? { team_b: leg.team_b } : {}) };
}

/**
 * Changes to the bet just priced: a new stake ("and with 50?"), a leg added ("add Bayern to it"),
 * dropped ("drop Napoli") or swapped ("cambia el Inter por el Dortmund"). The other legs stay.
 */
function editSlip({ message, nlu, focus }: PlanInput): OfflinePlan | undefined {
  const last = focus.lastCall;
  if (!last || (last.name !== SIMULATE_BET && last.name !== PROPOSE_BET) || focus.legs) return undefined;
  const legs = Array.isArray(last.args.selections) ? (last.args.selections as SlipLeg[]) : [];
  if (legs.length === 0) return undefined;
  const teams = nlu.entities.teams;
  const about = (leg: SlipLeg, team: string) => [leg.selection, leg.team_a, leg.team_b].includes(team);
  let next: SlipLeg[];
  const changed = teams.find((team) => legs.some((leg) => about(leg, team)));
  if (changed && DRAW_WORD_RE.test(message) && teams.length === 1) {
    // "What if Milan only draw?", "¿y si en vez del Arsenal pongo el empate?": that leg becomes the draw.
    next = legs.map((leg) => (about(leg, changed) ? { ...matchOf(leg, changed), selection: 'draw', market: '1x2' } : leg));
  } else if (changed && teams.length === 1 && INSTEAD_RE.test(message)) {
    // "And with Madrid winning instead?": the leg of Madrid's match now backs Madrid.
    next = legs.map((leg) => (about(leg, changed) ? { ...matchOf(leg, changed), selection: changed, market: '1x2' } : leg));
  } else if (SWAP_RE.test(message) && teams.length >= 2) {
    next = legs.map((leg) => (about(leg, teams[0]) ? { team_a: teams[1], selection: teams[1] } : leg));
  } else if (DROP_RE.test(message) && teams.length >= 1 && legs.length > 1) {
    next = legs.filter((leg) => !teams.some((team) => about(leg, team)));
  } else if (ADD_RE.test(message) && teams.length >= 1) {
    next = [...legs, ...teams.filter((team) => !legs.some((leg) => about(leg, team))).map((team) => ({ team_a: team, selection: team }))];
  } else if (nlu.entities.amounts.length > 0 && teams.length === 0 && !nlu.entities.outcome && nlu.entities.markets.length === 0 && !SELECTION_WORDS_RE.test(message)) {
    next = legs;
  } else {
    return undefined;
  }
  if (next.length === 0) return undefined;
  const stake = nlu.entities.amounts[0]?.value ?? last.args.stake;
  return betCalls(last.name === PROPOSE_BET, { ...last.args, selections: next, stake });
}

/**
 * A "what if" is priced; an order is proposed for the user to confirm, and priced too, so the answer
 * shows the return even when the user still has to log in to place it.
 */
function betCalls(placing: boolean, args: Record<string, unknown>): OfflinePlan {
  const simulate = { name: SIMULATE_BET, args };
  return { kind: 'tools', calls: placing ? [{ name: PROPOSE_BET, args }, simulate] : [simulate] };
}

function legArgs(leg: NonNullable<TurnFocus['legs']>[number]): Record<string, unknown> {
  const match = { team_a: leg.team, ...(leg.opponent ? { team_b: leg.opponent } : {}) };
  switch (leg.selection) {
    case 'win':
      return { ...match, selection: leg.team };
    case 'lose':
      return { ...match, selection: OPPONENT };
    case 'draw':
      return { ...match, selection: 'draw', market: '1x2' };
    case 'over':
    case 'under':
      return { ...match, selection: leg.selection, market: 'over_under', ...(leg.line !== undefined ? { line: leg.line } : {}) };
    case 'yes':
    case 'no':
      return { ...match, selection: leg.selection, market: 'btts' };
  }
}

/** The selection word simulate_bet reads as "the side that is not team_a". */
const OPPONENT = 'opponent';

function numberArg(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

