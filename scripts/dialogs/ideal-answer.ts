/**
 * A minimal answer that a correct assistant could give to a turn, written from the turn's own
 * checks and the data: `npm run eval:dialogs -- --self-test` plays the set with these answers to
 * show that every check can be satisfied (a check that fails here asks for the impossible, or
 * refers to data that does not exist).
 */
import type { Check, DialogLanguage, DialogTurn } from './dialog.types.js';
import type { ChatAnswer } from './checks.js';
import { acceptablePayouts, marketOfPick, Oracle, OracleError, type SportsApi } from './oracle.js';
import type { ChatClient, ChatRequest, TurnContext } from './runner.js';
import { localParts } from './text-match.js';

const MONTHS: Record<DialogLanguage, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};

const SENTENCES: Record<DialogLanguage, { filler: string; hedge: string; favourite: (team: string) => string; unknown: (name: string) => string; suggest: (name: string) => string; more: string; ask: string }> = {
  en: {
    filler: 'Here is what the data says for you and the match.',
    hedge: 'Not a certainty',
    favourite: (team) => `${team} are the favourites`,
    unknown: (name) => `I don't know a team called ${name}`,
    suggest: (name) => `Did you mean ${name}?`,
    more: 'There are 5 more.',
    ask: 'Anything else?',
  },
  es: {
    filler: 'Esto es lo que dicen los datos para ti y el partido.',
    hedge: 'Nada es seguro',
    favourite: (team) => `El favorito es ${team}`,
    unknown: (name) => `No conozco ningún equipo llamado ${name}`,
    suggest: (name) => `¿Quizás ${name}?`,
    more: 'Hay 5 más.',
    ask: '¿Algo más?',
  },
};

async function sentenceFor(check: Check, oracle: Oracle, language: DialogLanguage): Promise<string> {
  const say = SENTENCES[language];
  switch (check.kind) {
    case 'fixture': {
      const { fixture, opponent } = await oracle.sides(check.fixture);
      const day = localParts(new Date(fixture.startTime), oracle.zone);
      return `${opponent.name}, ${day.day} ${MONTHS[language][day.month - 1]}.`;
    }
    case 'odds': {
      const { fixture, team } = await oracle.sides(check.fixture);
      const market = await oracle.market(fixture, check.market ?? marketOfPick(check.selections?.[0] ?? ''), check.line);
      const selections = check.selections === undefined ? market.selections : await Promise.all(check.selections.map((s) => oracle.selection(fixture, market, team.id, s)));
      return `${selections.map((s) => `${s.name} ${s.odds.toFixed(2)}`).join(', ')}.`;
    }
    case 'favourite': {
      const { favourites } = await oracle.favourites(check.fixture);
      return `${say.favourite(favourites[0].name)}.`;
    }
    case 'payout': {
      const legs = await Promise.all(check.legs.map((leg) => oracle.leg(leg)));
      const payout = acceptablePayouts(check.stake, legs.map((l) => l.selection.odds))[0];
      return `${legs.map((l) => `${l.selection.name} ${l.selection.odds.toFixed(2)}`).join(', ')}: ${payout.toFixed(2)} €.`;
    }
    case 'unknown_team':
      return `${say.unknown(check.name)}. ${check.suggest ? say.suggest(check.suggest) : ''}`;
    case 'mentions':
      // Hedged, so that words such as "guarantee" read as the disclaimer they are meant for.
      return `${say.hedge}: ${[...(check.all ?? []), ...(check.any ?? []).slice(0, 1)].join(', ')}.`;
    case 'local_time': {
      const fixture = await oracle.fixture(check.fixture);
      const at = localParts(new Date(fixture.startTime), check.zone);
      return `${String(at.hours).padStart(2, '0')}:${String(at.minutes).padStart(2, '0')} (${check.zone}).`;
    }
    case 'says_more':
      return say.more;
    case 'asks_back':
      return say.ask;
    case 'not_mentions':
    case 'no_promise':
    case 'language':
      return '';
  }
}

/** The answer to a turn written from its checks, with the turn's teams and first intent. */
export async function idealAnswer(turn: DialogTurn, oracle: Oracle, language: DialogLanguage): Promise<ChatAnswer> {
  const parts = [SENTENCES[language].filler];
  for (const check of turn.checks) {
    try {
      parts.push(await sentenceFor(check, oracle, language));
    } catch (error) {
      if (!(error instanceof OracleError)) throw error;
    }
  }
  return {
    message: parts.filter(Boolean).join('\n'),
    detected_intent: turn.intents?.[0] ?? 'UNCLEAR',
    entities: { teams: turn.teams ?? [] },
    function_calls_made: [],
    language,
  };
}

/** Answers every turn with its ideal answer, from the data of the moment. */
export class IdealChatClient implements ChatClient {
  constructor(private readonly api: SportsApi) {}

  async send(body: ChatRequest, context: TurnContext) {
    const answer = await idealAnswer(context.turn, new Oracle(this.api, new Date(), context.zone), context.language);
    return { ...answer, session_id: body.session_id ?? 'self-test' };
  }
}
