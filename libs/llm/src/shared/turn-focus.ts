import { INTENT_NAMES, type Ask, type Intent, type LegEntity, type Market, type NluResult, type Outcome, type RiskProfile, type Sport } from '@app/nlu';
import type { Amount, TrackedContext } from './conversation-types.js';

/** What this turn is about once follow-ups ("And Real Madrid?", "And the odds?") are filled in from the context. */
export interface TurnFocus {
  intent: Intent;
  /** True when something was taken from the tracked context. */
  usedContext: boolean;
  teams: string[];
  /** The match the conversation was on, when the message names none. */
  fixtureId?: string;
  tournament?: string;
  /** Every competition named, when there are several ("Premier League and Serie A"). */
  tournaments?: string[];
  dates?: { from: string; to: string };
  market?: Market;
  outcome?: Outcome;
  pick?: string;
  amount?: Amount;
  riskProfile?: RiskProfile;
  /** Legs of an accumulator, two or more. */
  legs?: LegEntity[];
  ask?: Ask;
  sport?: Sport;
  /** Names the user gave that match no known team. */
  unknownTeams?: string[];
  certainty?: boolean;
  chasingLosses?: boolean;
  offTopic?: boolean;
  /** The data call behind the previous answer, for "more", "why" and bets on it. */
  lastCall?: { name: string; args: Record<string, unknown> };
  /** What a bet of this turn backs: a team, the draw, a total or both-teams-to-score. */
  selection?: FocusSelection;
  /** Teams the user just said they support. */
  supports?: string[];
  /** "My team" said with no team of the user's known. */
  myTeam?: boolean;
}

export interface FocusSelection {
  selection: string;
  market?: string;
  line?: number;
  /** For `opponent`: the team whose opponent is backed. */
  of?: string;
}

const UNDER_RE = /\b(under|menos de|menos)\b/i;
const NO_RE = /\b(no)\b/i;
const LINE_RE = /\b(\d+[.,]5)\b/;

/** The selection a message backs, from what it names (a market, the draw, a team). */
function selectionOf(focus: TurnFocus, message: string): FocusSelection | undefined {
  const line = LINE_RE.exec(message)?.[1];
  if (focus.market === 'over_under') {
    return { selection: UNDER_RE.test(message) ? 'under' : 'over', market: 'over_under', ...(line ? { line: Number(line.replace(',', '.')) } : {}) };
  }
  if (focus.market === 'btts') return { selection: NO_RE.test(message) ? 'no' : 'yes', market: 'btts' };
  if (focus.outcome === 'draw') return { selection: 'draw', market: '1x2' };
  if (focus.pick) return { selection: focus.pick, market: '1x2' };
  if (focus.outcome) return { selection: focus.outcome, market: '1x2' };
  return undefined;
}

/** Intents about sports data, which a follow-up can continue. */
export const DATA_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  'MATCH_SCHEDULE_QUERY',
  'ODDS_INFORMATION_QUERY',
  'BETTING_RECOMMENDATION',
  'TEAM_COMPARISON',
  'TOURNAMENT_INFO',
  'BET_SIMULATION',
  'GENERAL_SPORTS_QUERY',
]);

// Below this the NLU is guessing; a short message with entities is then read as a follow-up.
const WEAK_CONFIDENCE = 0.5;
const SHORT_MESSAGE_TOKENS = 5;
// Intents whose answer is about one match, so a message without teams means the last match.
const MATCH_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['ODDS_INFORMATION_QUERY', 'BET_SIMULATION']);
// "Put 10 on them to win", "¿y si apuesto 50 a que gana?": backing the team the conversation is about.
const BACK_TO_WIN_RE = /\b(?:win|wins|winning|to\s+beat|victory|gana|ganan|gane|ganen|ganar|victoria)\b|\bon\s+(?:them|him|that\s+team|the\s+team)\b|\b(?:a|por)\s+ellos\b|\bal\s+equipo\b/i;
// "Put 10 on it", "mete 20 ahí": the selection just priced, not the team.
const ON_IT_RE = /\b(?:on\s+(?:it|that|this)|ah[ií]|a\s+eso|en\s+eso)\b/i;
// "30 on the other team": the side the conversation was not about.
const OTHER_SIDE_RE = /\b(?:the\s+other\s+(?:team|side|one)|the\s+opponents?|their\s+opponents?|el\s+otro(?:\s+equipo)?|el\s+rival|al\s+rival|al\s+otro)\b/i;
// A question about prices, whatever else it mentions ("odds for Sevilla's next match").
const PRICE_WORDS_RE = /\b(?:odds|price|prices|priced|cuotas?|momios?|paga|pagan|pagaria|pays?|paying|moneyline|money\s+line|spread|handicap|over\s*\/\s*under|fav(?:ou?rite)?s?)\b/i;
const PRICE_LEANING: ReadonlySet<Intent> = new Set<Intent>(['MATCH_SCHEDULE_QUERY', 'GENERAL_SPORTS_QUERY', 'UNCLEAR']);
// Markets that, named alone after a match ("¿marcan ambos equipos?", "over 2.5?"), ask for that market's odds.
const MATCH_MARKETS: ReadonlySet<Market> = new Set<Market>(['btts', 'over_under', 'double_chance', 'handicap']);
const AGAINST_RE = /^\W*(?:(?:and|y|what\s+about|how\s+about|qu[eé]\s+tal)\s+)?(?:against|vs\.?|versus|v|contra|frente\s+a(?:l)?|ante)\b/i;

export function resolveTurnFocus(nlu: NluResult, context: TrackedContext, message: string): TurnFocus {
  const e = nlu.entities;
  const lastIntent = isIntent(context.lastIntent) && DATA_INTENTS.has(context.lastIntent) ? context.lastIntent : undefined;
  const hasEntities = e.teams.length > 0 || e.tournaments.length > 0 || e.dates !== undefined || e.amounts.length > 0 || e.outcome !== undefined;
  const short = message.trim().split(/\s+/).length <= SHORT_MESSAGE_TOKENS;
  const weak = nlu.confidence < WEAK_CONFIDENCE || nlu.intent === 'UNCLEAR';
  // A correction of the sport ("no, el de baloncesto") asks the last question again.
  const followUp = e.isFollowUp || e.correctsSport === true || (short && hasEntities && weak && lastIntent !== undefined);

  let intent = nlu.intent;
  let usedContext = false;
  if (followUp && weak && lastIntent) {
    intent = lastIntent;
    usedContext = true;
  }
  // A market named on its own right after a match is a question about that market's odds.
  const marketOnly = e.teams.length === 0 && e.markets.some((m) => MATCH_MARKETS.has(m)) && context.lastFixtureId !== undefined;
  if (marketOnly && e.amounts.length === 0 && intent !== 'BET_SIMULATION') {
    intent = 'ODDS_INFORMATION_QUERY';
    usedContext = true;
  }
  // Prices asked about a match ("cuotas del próximo partido del Sevilla") are an odds question.
  const aboutMatch = e.teams.length > 0 || context.lastFixtureId !== undefined;
  if (PRICE_LEANING.has(intent) && aboutMatch && e.amounts.length === 0 && (PRICE_WORDS_RE.test(message) || e.markets.some((m) => MATCH_MARKETS.has(m)))) {
    intent = 'ODDS_INFORMATION_QUERY';
  }
  // A stake said after a match or a bet ("pon 20", "mete 20 ahí") is a bet on it.
  if (e.amounts.length > 0 && (intent === 'UNCLEAR' || (weak && followUp)) && (context.lastFixtureId !== undefined || context.lastCall !== undefined)) {
    intent = 'BET_SIMULATION';
    usedContext = true;
  }
  // "And the draw?" after a match: the draw's price.
  if (followUp && e.outcome === 'draw' && e.amounts.length === 0 && !e.ask && context.lastFixtureId && intent !== 'BET_SIMULATION') intent = 'ODDS_INFORMATION_QUERY';
  if (e.legs && e.legs.length >= 2) intent = 'BET_SIMULATION';
  if ((e.ask === 'favourite' || e.ask === 'value') && intent !== 'BET_SIMULATION') intent = 'BETTING_RECOMMENDATION';
  // "Why those?" and "show me more" continue the previous answer whatever they read as alone.
  if ((e.ask === 'explain' || e.ask === 'more') && context.lastCall && lastIntent) {
    intent = lastIntent;
    usedContext = true;
  }

  const focus: TurnFocus = { intent, usedContext, teams: [...e.teams] };
  const lastTeams = context.lastTeams ?? [];
  const verdict = e.ask === 'favourite' || e.ask === 'value';
  // "And against Monaco?": the team the conversation is about, against the one now named.
  const against = AGAINST_RE.test(message) && e.teams.length === 1 && lastTeams.length > 0 && !lastTeams.includes(e.teams[0]) && lastIntent !== undefined;
  if (against) {
    focus.teams = [context.lastPick ?? lastTeams[0], e.teams[0]];
    if (weak || intent === 'MATCH_SCHEDULE_QUERY') focus.intent = intent = lastIntent;
    focus.usedContext = true;
  }
  // "¿Y cuánto paga el Bayern?" right after Bayern–Dortmund: that match, not Bayern's next one.
  const sameMatch =
    !against && (MATCH_INTENTS.has(intent) || verdict) && context.lastFixtureId !== undefined && !e.dates && lastTeams.length >= 2 && e.teams.length > 0 && e.teams.every((t) => lastTeams.includes(t));

  if (sameMatch) {
    focus.fixtureId = context.lastFixtureId;
    focus.teams = [...lastTeams];
    focus.usedContext = true;
    if (e.teams.length === 1 && !e.pick && !e.outcome && intent === 'ODDS_INFORMATION_QUERY') focus.pick = e.teams[0];
  } else if (against) {
    // Teams already set above.
  } else if (focus.teams.length === 0 && lastTeams.length > 0) {
    if ((MATCH_INTENTS.has(intent) || verdict) && context.lastFixtureId && !e.unknownTeams) {
      focus.fixtureId = context.lastFixtureId;
      focus.teams = [...lastTeams];
      focus.usedContext = true;
    } else if (followUp || intent === 'TEAM_COMPARISON' || (intent === 'BETTING_RECOMMENDATION' && !e.riskProfile && !e.dates)) {
      focus.teams = [...lastTeams];
      if (context.lastFixtureId) focus.fixtureId = context.lastFixtureId;
      focus.usedContext = true;
    }
  } else if (intent === 'TEAM_COMPARISON' && focus.teams.length === 1 && lastTeams.length > 0) {
    // "Compare them with Real Madrid": the other side is the team discussed before.
    const other = lastTeams.find((t) => t !== focus.teams[0]);
    if (other) {
      focus.teams = [other, focus.teams[0]];
      focus.usedContext = true;
    }
  } else if (intent === 'BET_SIMULATION' && e.pick && context.lastFixtureId && lastTeams.includes(e.pick) && focus.teams.length === 1) {
    // "€20 on Barcelona" right after talking about Barcelona vs Real Madrid: that match.
    focus.fixtureId = context.lastFixtureId;
    focus.teams = [...lastTeams];
    focus.usedContext = true;
  }

  const tournament = e.tournaments[0] ?? (followUp ? context.lastTournament : undefined);
  if (tournament) focus.tournament = tournament;
  if (e.tournaments.length > 1) focus.tournaments = [...e.tournaments];
  const dates = e.dates ?? (followUp && focus.teams.length === 0 ? context.lastDates : undefined);
  if (dates) focus.dates = { from: dates.from, to: dates.to };
  const market = e.markets[0] ?? (followUp && MATCH_INTENTS.has(intent) ? asMarket(context.lastMarket) : undefined);
  if (market) focus.market = market;
  if (e.outcome) focus.outcome = e.outcome;
  if (e.pick) focus.pick = e.pick;
  const subject = (e.teams.length === 1 ? e.teams[0] : undefined) ?? context.lastPick ?? (lastTeams.length === 1 ? lastTeams[0] : undefined);
  if (intent === 'BET_SIMULATION' && !e.pick && !e.outcome && e.teams.length === 0 && e.markets.length === 0 && ON_IT_RE.test(message) && context.lastSelection) {
    focus.selection = { ...context.lastSelection };
    focus.usedContext = true;
  } else if (intent === 'BET_SIMULATION' && !e.pick && e.teams.length === 0 && OTHER_SIDE_RE.test(message) && lastTeams.length === 1) {
    focus.selection = { selection: 'opponent', of: lastTeams[0] };
    focus.usedContext = true;
  } else if (intent === 'BET_SIMULATION' && !e.outcome && !e.pick && !e.legs && e.markets.length === 0 && BACK_TO_WIN_RE.test(message)) {
    // Backing "them" to win: the team picked before, or the one team the conversation is about.
    if (subject) {
      focus.pick = subject;
      focus.usedContext = true;
    }
  } else if (intent === 'BET_SIMULATION' && followUp && e.teams.length === 1 && !e.outcome && !e.pick && e.markets.length === 0) {
    // "And on Dortmund?" after a bet: the same stake on the team now named.
    focus.pick = e.teams[0];
  } else if (intent === 'BET_SIMULATION' && !e.outcome && !e.pick && followUp) {
    if (context.lastOutcome) focus.outcome = context.lastOutcome;
    if (context.lastPick) focus.pick = context.lastPick;
  }
  const amount = e.amounts[0] ?? (intent === 'BET_SIMULATION' ? context.lastAmount : undefined);
  if (amount) focus.amount = { value: amount.value, currency: amount.currency };
  if (e.riskProfile) focus.riskProfile = e.riskProfile;
  if (e.legs) focus.legs = e.legs.map((leg) => ({ ...leg }));
  if (e.ask) focus.ask = e.ask;
  if (e.sport) focus.sport = e.sport;
  if (e.unknownTeams) focus.unknownTeams = [...e.unknownTeams];
  if (e.certainty) focus.certainty = true;
  if (e.chasingLosses) focus.chasingLosses = true;
  if (e.offTopic) focus.offTopic = true;
  if (e.supports) focus.supports = [...e.supports];
  if (e.myTeam) focus.myTeam = true;
  if (context.lastCall) focus.lastCall = context.lastCall;
  // "¿y a que sí?" / "yes" after both-teams-to-score: the market talked about.
  if (intent === 'BET_SIMULATION' && !focus.market && /\b(?:yes|si|sí|no)\b/i.test(message) && context.lastSelection?.market === 'btts') focus.market = 'btts';
  const named = focus.selection ?? selectionOf(focus, message);
  if (named) focus.selection = named;
  else if (intent === 'BET_SIMULATION' && context.lastSelection && e.teams.length === 0) {
    // "Put 10 on it": the selection last priced or asked about.
    focus.selection = { ...context.lastSelection };
    focus.usedContext = true;
  }
  return focus;
}

function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENT_NAMES as readonly string[]).includes(value);
}

const MARKETS: ReadonlySet<string> = new Set(['1x2', 'over_under', 'btts', 'double_chance', 'handicap']);

function asMarket(value: string | undefined): Market | undefined {
  return value !== undefined && MARKETS.has(value) ? (value as Market) : undefined;
}
