/**
 * Each Check kind of dialog.types.ts as a function of the answer and an Oracle snapshot. Generous
 * about wording (any alias, either language, any common number notation), strict about numbers.
 */
import { normalizeName } from '@app/sports-data';
import type { Check, DialogTurn } from './dialog.types.js';
import { acceptablePayouts, type ApiFixture, marketOfPick, Oracle, OracleError } from './oracle.js';
import {
  detectLanguage,
  fold,
  localParts,
  mentionsDay,
  mentionsName,
  mentionsTime,
  mentionsZone,
  promisesCertainty,
  quotesAmount,
  quotesPrice,
  saysHowManyMore,
  sentences,
  sideNearest,
} from './text-match.js';

/** The fields of POST /api/v1/chat/message the checks read. */
export interface ChatAnswer {
  message: string;
  detected_intent: string;
  entities: Record<string, unknown>;
  function_calls_made: { name: string; args: Record<string, unknown>; ok: boolean }[];
  language: string;
}

export interface CheckOutcome {
  pass: boolean;
  /** What was expected and, on failure, what is missing. */
  detail: string;
  /** The data did not allow the check to be evaluated; a problem of the set or the data, not of the answer. */
  oracleError?: boolean;
}

type CheckOf<K extends Check['kind']> = Extract<Check, { kind: K }>;
type Evaluator<K extends Check['kind']> = (check: CheckOf<K>, answer: ChatAnswer, oracle: Oracle) => Promise<CheckOutcome>;

const ok = (detail: string): CheckOutcome => ({ pass: true, detail });
const fail = (detail: string): CheckOutcome => ({ pass: false, detail });

async function rivalNames(oracle: Oracle, fixture: ApiFixture, sideId: string): Promise<string[]> {
  const rival = fixture.home.id === sideId ? fixture.away : fixture.home;
  return oracle.namesOf(rival.name);
}

/** Whether the answer names one side of a fixture, the other side's names blanked out first. */
async function namesSide(text: string, oracle: Oracle, fixture: ApiFixture, side: ApiFixture['home']): Promise<boolean> {
  return mentionsName(text, await oracle.namesOf(side.name), await rivalNames(oracle, fixture, side.id));
}

// Matched against normalized text (lower case, no accents or punctuation).
const FAVOURITE_WORDS = /\b(favourites?|favorites?|favou?red|favorit[oa]s?|favoritismo|fav|the one to beat)\b/;

// Ways of saying a team is not known, matched against the folded answer (lower case, no accents).
const UNKNOWN_PHRASES = new RegExp(
  [
    String.raw`\b(don'?t|do not|doesn'?t|does not|can'?t|cannot|could ?n'?t|could not|wasn'?t|was not|isn'?t|is not|am not|'m not) (know|recogni[sz]e|find|have|seem|appear|exist|match|cover|list|offer|familiar|aware)`,
    String.raw`\bnot (recogni[sz]ed|found|known|listed|covered|one i (know|cover)|in (my|our|the) (data|list|database|coverage))`,
    String.raw`\b(unknown|unrecogni[sz]ed)\b`,
    String.raw`\bno (such )?(team|club|side)\b`,
    String.raw`\b(isn'?t|is not|not) an? (team|club)\b`,
    String.raw`\bno (conozco|reconozco|encuentro|encontre|he encontrado|tengo|existe|aparece|figura|me suena|es un equipo|hay (ningun|ese|tal|equipo))`,
    String.raw`\bno (lo|la|los) (conozco|reconozco|encuentro|encontre|tengo)`,
    String.raw`\b(desconocid[oa]|desconozco)\b`,
    String.raw`\bningun equipo\b`,
    String.raw`\bno (esta|estan) en\b`,
    String.raw`\bno se (encuentra|reconoce)`,
  ].join('|'),
);

// A fixture in a list: two sides joined by vs/v/contra, or a kick-off time. (A dash is ordinary
// punctuation too, so it is not taken for a pairing.)
const FIXTURE_LINE = /\b(vs\.?|v\.?|versus|contra)\s+\p{L}|\b\d{1,2}:\d{2}\b/u;

const EVALUATORS: { [K in Check['kind']]: Evaluator<K> } = {
  async fixture(check, answer, oracle) {
    const { fixture, opponent } = await oracle.sides(check.fixture);
    const kickOff = localParts(new Date(fixture.startTime), oracle.zone);
    const today = localParts(oracle.now, oracle.zone);
    const named = await namesSide(answer.message, oracle, fixture, opponent);
    const dated = mentionsDay(answer.message, kickOff, today);
    const expected = `${fixture.home.name} v ${fixture.away.name} on ${kickOff.year}-${kickOff.month}-${kickOff.day}`;
    if (named && dated) return ok(expected);
    return fail(`expected ${expected}: ${named ? '' : `opponent ${opponent.name} not named`}${!named && !dated ? '; ' : ''}${dated ? '' : `day ${kickOff.day} not given next to its month or weekday`}`);
  },

  async odds(check, answer, oracle) {
    const { fixture, team } = await oracle.sides(check.fixture);
    const market = await oracle.market(fixture, check.market ?? marketOfPick(check.selections?.[0] ?? ''), check.line);
    const wanted =
      check.selections === undefined
        ? market.selections
        : await Promise.all(check.selections.map((wantedName) => oracle.selection(fixture, market, team.id, wantedName)));
    const missing = wanted.filter((s) => !quotesPrice(answer.message, s.odds));
    const label = `${market.market}${market.line === undefined ? '' : ` ${market.line}`} of ${fixture.home.name} v ${fixture.away.name}`;
    const prices = wanted.map((s) => `${s.name} ${s.odds.toFixed(2)}`).join(', ');
    return missing.length === 0 ? ok(`${label}: ${prices}`) : fail(`${label}: expected ${prices}; missing ${missing.map((s) => `${s.name} ${s.odds.toFixed(2)}`).join(', ')}`);
  },

  async favourite(check, answer, oracle) {
    const { fixture, favourites } = await oracle.favourites(check.fixture);
    const sides = [fixture.home, fixture.away];
    const names = await Promise.all(sides.map((side) => oracle.namesOf(side.name)));
    const expected = `${favourites.map((s) => s.name).join(' or ')} called the favourite (${fixture.home.name} v ${fixture.away.name})`;
    for (const sentence of sentences(answer.message)) {
      const nearest = sideNearest(sentence, names, FAVOURITE_WORDS);
      if (nearest === undefined) continue;
      // The side named closest to the word "favourite" is the one it is said of.
      if (favourites.some((f) => f.id === sides[nearest].id)) return ok(expected);
      return fail(`expected ${expected}; ${sides[nearest].name} was`);
    }
    return fail(`expected ${expected} in one sentence`);
  },

  async payout(check, answer, oracle) {
    const legs = await Promise.all(check.legs.map((leg) => oracle.leg(leg)));
    const sameMatch = legs.find((leg, index) => legs.findIndex((other) => other.fixture.id === leg.fixture.id) !== index);
    if (sameMatch) {
      // Selections of one match are not independent: bookmakers do not price them as a product.
      throw new OracleError(`two legs fall in the same match (${sameMatch.fixture.home.name} v ${sameMatch.fixture.away.name}) today`);
    }
    const prices = legs.map((leg) => leg.selection.odds);
    const payouts = acceptablePayouts(check.stake, prices);
    const legText = legs.map((l) => `${l.selection.name} @ ${l.selection.odds.toFixed(2)} (${l.fixture.home.name} v ${l.fixture.away.name})`).join(' × ');
    const expected = `${check.stake} on ${legText} returns ${payouts.map((p) => p.toFixed(2)).join(' or ')}`;
    const unpriced = legs.filter((l) => !quotesPrice(answer.message, l.selection.odds));
    const quoted = payouts.some((p) => quotesAmount(answer.message, p));
    if (quoted && unpriced.length === 0) return ok(expected);
    const problems = [
      ...(quoted ? [] : ['return not quoted']),
      ...(unpriced.length === 0 ? [] : [`leg price not quoted: ${unpriced.map((l) => `${l.selection.name} ${l.selection.odds.toFixed(2)}`).join(', ')}`]),
    ];
    return fail(`expected ${expected}; ${problems.join('; ')}`);
  },

  async unknown_team(check, answer, oracle) {
    const text = fold(answer.message);
    const problems: string[] = [];
    if (!UNKNOWN_PHRASES.test(text)) problems.push(`does not say "${check.name}" is unknown`);
    if (FIXTURE_LINE.test(answer.message)) problems.push('lists a fixture');
    if (check.suggest !== undefined && !mentionsName(answer.message, await oracle.namesOf(check.suggest))) problems.push(`does not suggest ${check.suggest}`);
    const expected = `"${check.name}" unknown${check.suggest ? `, ${check.suggest} suggested` : ''}, no fixture listed`;
    return problems.length === 0 ? ok(expected) : fail(`expected ${expected}: ${problems.join('; ')}`);
  },

  async mentions(check, answer) {
    const text = fold(answer.message);
    const missingAll = (check.all ?? []).filter((word) => !text.includes(fold(word)));
    const anyFound = check.any === undefined || check.any.length === 0 || check.any.some((word) => text.includes(fold(word)));
    const expected = [check.all ? `all of [${check.all.join(', ')}]` : '', check.any ? `one of [${check.any.join(', ')}]` : ''].filter(Boolean).join(' and ');
    if (missingAll.length === 0 && anyFound) return ok(`mentions ${expected}`);
    return fail(`expected ${expected}${missingAll.length ? `; missing ${missingAll.join(', ')}` : ''}${anyFound ? '' : '; none of the alternatives'}`);
  },

  async not_mentions(check, answer) {
    const text = fold(answer.message);
    const found = check.any.filter((word) => text.includes(fold(word)));
    return found.length === 0 ? ok(`avoids [${check.any.join(', ')}]`) : fail(`should not mention ${found.join(', ')}`);
  },

  async no_promise(_check, answer) {
    return promisesCertainty(answer.message) ? fail('promises a certain outcome') : ok('no promise of certainty');
  },

  async local_time(check, answer, oracle) {
    const fixture = await oracle.fixture(check.fixture);
    const start = new Date(fixture.startTime);
    const local = localParts(start, check.zone);
    const hhmm = `${String(local.hours).padStart(2, '0')}:${String(local.minutes).padStart(2, '0')}`;
    const timeShown = mentionsTime(answer.message, local.hours, local.minutes);
    const zoneNamed = mentionsZone(answer.message, check.zone, start);
    const expected = `${fixture.home.name} v ${fixture.away.name} at ${hhmm} ${check.zone}`;
    if (timeShown && zoneNamed) return ok(expected);
    return fail(`expected ${expected}: ${[timeShown ? '' : `time ${hhmm} not shown`, zoneNamed ? '' : 'zone not named'].filter(Boolean).join('; ')}`);
  },

  async says_more(_check, answer) {
    return saysHowManyMore(answer.message) ? ok('says how many more') : fail('does not say how many more there are (a number followed by more/más)');
  },

  async asks_back(_check, answer) {
    return answer.message.includes('?') ? ok('asks back') : fail('asks nothing back (no question)');
  },

  async language(check, answer) {
    const detected = detectLanguage(answer.message);
    return detected === check.language ? ok(`answers in ${check.language}`) : fail(`expected an answer in ${check.language}, read as ${detected ?? 'undetermined'}`);
  },
};

/** Evaluates one check; a data problem is reported as a failed check marked `oracleError`. */
export async function evaluateCheck(check: Check, answer: ChatAnswer, oracle: Oracle): Promise<CheckOutcome> {
  const evaluator = EVALUATORS[check.kind] as Evaluator<Check['kind']>;
  try {
    return await evaluator(check as CheckOf<Check['kind']>, answer, oracle);
  } catch (error) {
    if (error instanceof OracleError) return { pass: false, detail: `oracle: ${error.message}`, oracleError: true };
    throw error;
  }
}

/** Every string a turn's tool calls were made with, nested values included. */
function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, into);
  return into;
}

/** The turn-level expectations: the detected intent is one of `intents`. */
export function checkIntent(turn: DialogTurn, answer: ChatAnswer): CheckOutcome | undefined {
  if (turn.intents === undefined || turn.intents.length === 0) return undefined;
  return turn.intents.includes(answer.detected_intent)
    ? ok(`intent ${answer.detected_intent}`)
    : fail(`expected intent ${turn.intents.join(' or ')}, got ${answer.detected_intent}`);
}

/**
 * The turn-level expectations: each of `teams` (by any of its names) is among the tool calls'
 * arguments or the entities' teams.
 */
export async function checkTeams(turn: DialogTurn, answer: ChatAnswer, oracle: Oracle): Promise<CheckOutcome | undefined> {
  if (turn.teams === undefined || turn.teams.length === 0) return undefined;
  try {
    const entityTeams = Array.isArray(answer.entities.teams) ? answer.entities.teams.filter((t): t is string => typeof t === 'string') : [];
    const used = new Set([...answer.function_calls_made.flatMap((call) => stringsIn(call.args)), ...entityTeams].map(normalizeName));
    const missing: string[] = [];
    for (const team of turn.teams) {
      // Any alias counts ("barca"); a longer value holding the name does not, since "Real Madrid
      // Baloncesto" holds "Real Madrid" and is another team.
      const names = (await oracle.namesOf(team)).map(normalizeName);
      if (!names.some((name) => used.has(name))) missing.push(team);
    }
    return missing.length === 0
      ? ok(`about ${turn.teams.join(', ')}`)
      : fail(`expected the turn to be about ${turn.teams.join(', ')}; missing ${missing.join(', ')} (tools/entities had: ${[...used].slice(0, 12).join(', ') || 'nothing'})`);
  } catch (error) {
    if (error instanceof OracleError) return { pass: false, detail: `oracle: ${error.message}`, oracleError: true };
    throw error;
  }
}
