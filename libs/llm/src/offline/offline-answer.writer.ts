import type { MarketCode, SelectionKey } from '@app/sports-data';
import type { Language } from '../shared/conversation-types.js';
import { responsibleGamblingNote, selfExclusionNote } from '../shared/responsible-gambling.js';
import type { TurnFocus } from '../shared/turn-focus.js';
import { COMPARE_TEAMS } from '../tools/compare-teams.tool.js';
import { GET_MATCH_ODDS } from '../tools/get-match-odds.tool.js';
import { GET_USER_BALANCE } from '../tools/get-user-balance.tool.js';
import { LIST_TOURNAMENTS } from '../tools/list-tournaments.tool.js';
import { PREDICT_MATCH } from '../tools/predict-match.tool.js';
import { PROPOSE_BET } from '../tools/propose-bet.tool.js';
import { RECOMMEND_BETS } from '../tools/recommend-bets.tool.js';
import { SEARCH_FIXTURES } from '../tools/search-fixtures.tool.js';
import { selectionLabel, marketLabel } from '../tools/selection-labels.js';
import { SIMULATE_BET } from '../tools/simulate-bet.tool.js';
import {
  competitionName,
  countryName,
  formatMoney,
  formatOdds,
  formatPercent,
  joinList,
  kickoffPhrase,
  shortDay,
  shortKickoff,
  staleNote,
} from './answer-format.js';

/** A tool call of this turn with its parsed JSON result. */
export interface ToolOutcome {
  name: string;
  args: Record<string, unknown>;
  result: Record<string, unknown>;
}

export interface WriteInput {
  message: string;
  focus: TurnFocus;
  language: Language;
  timeZone: string;
  outcomes: ToolOutcome[];
}

// The shapes below mirror the tools' JSON; only the fields the answers use are declared.
interface Match {
  id: string;
  sport: string;
  competition: string;
  competitionId: string;
  home: string;
  away: string;
  kickoff: string;
  status: 'pre_match' | 'live' | 'finished';
  venue?: string;
  score?: { home: number; away: number };
}
interface Fresh {
  stale?: boolean;
  ageSeconds?: number;
}
interface SearchResult extends Fresh {
  filters: { team?: string; tournament?: string; from: string; to: string; status: string };
  matches: Match[];
}
interface OddsSelection {
  key: SelectionKey;
  name: string;
  odds: number;
  impliedProbability: number;
}
interface OddsMarket {
  market: MarketCode;
  line?: number;
  overround: number;
  selections: OddsSelection[];
}
interface OddsResult extends Fresh {
  match: Match;
  bettingOpen: boolean;
  markets: OddsMarket[];
}
interface Leg {
  match: Match;
  market: MarketCode;
  selection: SelectionKey;
  pick: string;
  odds: number;
  impliedProbability: number;
}
interface SimulationResult extends Fresh {
  type: 'single' | 'accumulator';
  stake: number;
  currency: string;
  legs: Leg[];
  odds?: number;
  combinedOdds?: number;
  potentialReturn: number;
  profit: number;
  impliedProbability: number;
}
interface ProposalResult {
  loginRequired?: boolean;
  proposal_id: string;
  legs: Array<{ home: string; away: string; kickoff: string; market: MarketCode; line?: number; selection: SelectionKey; name: string; odds: number }>;
  stake: number;
  currency: string;
  combined_odds: number;
  potential_return: number;
  profit: number;
  expires_at: string;
}
interface RecommendedPick {
  match: Match;
  selection: SelectionKey;
  pick: string;
  odds: number;
  impliedProbability: number;
  modelProbability: number;
  edge: number;
  reason: string;
  stake?: number;
  potentialReturn?: number;
}
interface RecommendationResult extends Fresh {
  risk: 'safest' | 'value' | 'underdog' | 'accumulator';
  window: { from: string; to: string };
  selections: RecommendedPick[];
  nearMisses?: RecommendedPick[];
  accumulator?: { combinedOdds: number; impliedProbability: number; modelProbability: number; stake?: number; potentialReturn?: number; profit?: number };
  budget?: number;
  currency?: string;
  responsibleGambling: string;
}
interface PredictionResult extends Fresh {
  match: Match;
  probabilities: { home: number; draw: number; away: number; over25: number; bttsYes: number };
  expectedGoals: { home: number; away: number };
  mostLikelyScore: { home: number; away: number; probability: number };
  selections: Array<{ market: MarketCode; selection: SelectionKey; name: string; probability: number; marketOdds?: number; edge?: number; value: boolean }>;
}
interface TeamView {
  name: string;
  form: { last: string; points: number; goalsFor: number; goalsAgainst: number; results: unknown[] };
}
interface ComparisonResult extends Fresh {
  teamA: TeamView;
  teamB: TeamView;
  headToHead: {
    meetings: number;
    winsA: number;
    draws: number;
    winsB: number;
    recent: Array<{ date: string; competition: string; home: string; away: string; score: { home: number; away: number } }>;
  };
  nextMeeting: Match | null;
  nextMeetingOdds: OddsSelection[] | null;
}
interface TournamentsResult extends Fresh {
  tournaments: Array<{ id: string; name: string; nameEs: string; country: string; sport: string; active: boolean }>;
}
interface BalanceResult {
  loginRequired: boolean;
  currency?: string;
  available?: number;
  pending?: number;
  bonus?: number;
}
interface ErrorResult {
  error: string;
  message: string;
  suggestions?: string[];
}

const WIN_WORDS_RE = /\b(win|wins|winning|victory|pays?|paying|gana|ganar|gane|victoria|paga|pagan|pago)\b/i;

/**
 * Writes the offline engine's answers from tool results with bilingual templates. Every figure it
 * prints is read from a result: odds, probabilities, money, dates. Nothing is estimated here.
 */
export class OfflineAnswerWriter {
  write(input: WriteInput): string {
    const failure = input.outcomes.find((o) => isError(o.result));
    const ok = input.outcomes.filter((o) => !isError(o.result));
    if (failure && ok.length === 0) return this.error(failure, input);
    const by = (name: string) => ok.filter((o) => o.name === name);

    let text: string;
    if (by(PROPOSE_BET).length) text = this.proposal(by(PROPOSE_BET)[0].result as unknown as ProposalResult, input);
    else if (by(GET_USER_BALANCE).length) text = this.balance(by(GET_USER_BALANCE)[0].result as unknown as BalanceResult, input);
    else if (by(SIMULATE_BET).length) text = this.simulation(by(SIMULATE_BET)[0].result as unknown as SimulationResult, input);
    else if (by(RECOMMEND_BETS).length) text = this.recommendation(by(RECOMMEND_BETS)[0].result as unknown as RecommendationResult, input);
    else if (by(PREDICT_MATCH).length) text = this.prediction(by(PREDICT_MATCH)[0].result as unknown as PredictionResult, input);
    else if (by(COMPARE_TEAMS).length) text = this.comparison(by(COMPARE_TEAMS)[0].result as unknown as ComparisonResult, input);
    else if (by(GET_MATCH_ODDS).length) text = this.odds(by(GET_MATCH_ODDS)[0].result as unknown as OddsResult, input);
    else if (by(LIST_TOURNAMENTS).length) {
      text = this.tournaments(by(LIST_TOURNAMENTS)[0].result as unknown as TournamentsResult, by(SEARCH_FIXTURES)[0]?.result as unknown as SearchResult | undefined, input);
    } else if (by(SEARCH_FIXTURES).length) text = this.fixtures(by(SEARCH_FIXTURES).map((o) => o.result as unknown as SearchResult), input);
    else text = failure ? this.error(failure, input) : '';

    const stale = ok.map((o) => o.result as Fresh).find((r) => r.stale);
    return text + staleNote(stale !== undefined, stale?.ageSeconds, input.language);
  }

  // ── Errors ──────────────────────────────────────────────────────────────────────────────────

  private error(outcome: ToolOutcome, { language, focus }: WriteInput): string {
    const es = language === 'es';
    const error = outcome.result as unknown as ErrorResult;
    const suggestions = error.suggestions?.length ? joinList(error.suggestions.map((s) => `"${s}"`), language) : '';
    switch (error.error) {
      case 'UNKNOWN_TEAM':
      case 'UNKNOWN_TOURNAMENT': {
        const what = error.error === 'UNKNOWN_TEAM' ? (es ? 'ese equipo' : 'that team') : es ? 'esa competición' : 'that competition';
        const hint = suggestions ? (es ? ` ¿Quizás te refieres a ${suggestions}?` : ` Did you mean ${suggestions}?`) : '';
        return es ? `No encuentro ${what} en mis datos.${hint}` : `I can't find ${what} in my data.${hint}`;
      }
      case 'NO_UPCOMING_MATCH': {
        const teams = joinList(focus.teams, language);
        const next = suggestions ? (es ? ` Próximos partidos: ${suggestions}.` : ` Coming up instead: ${suggestions}.`) : '';
        return es
          ? `No encuentro un próximo partido${teams ? ` de ${teams}` : ''} en el calendario publicado (próximos 14 días).${next}`
          : `I can't find an upcoming match${teams ? ` for ${teams}` : ''} in the published schedule (the next 14 days).${next}`;
      }
      case 'BETTING_CLOSED':
        return es ? 'Las apuestas para ese partido ya están cerradas.' : 'Betting on that match is already closed.';
      case 'SELF_EXCLUDED': {
        const until = typeof outcome.result.until === 'string' ? outcome.result.until : null;
        return selfExclusionNote(language, until);
      }
      case 'STAKE_OUT_OF_RANGE':
        return es
          ? 'Ese importe está fuera de los límites por apuesta de esta cuenta. Prueba con otro importe.'
          : `That stake is outside this account's limits per bet (${error.message}). Try another amount.`;
      case 'BETTING_UNAVAILABLE':
      case 'LOGIN_REQUIRED':
        return es
          ? 'Ahora mismo no puedo preparar apuestas para tu cuenta. Inicia sesión de nuevo o inténtalo más tarde.'
          : "I can't prepare bets for your account right now. Please log in again or try later.";
      case 'BALANCE_UNAVAILABLE':
        return es
          ? 'Ahora mismo no puedo consultar saldos: el servicio de cuentas no está disponible en este servidor.'
          : "I can't check balances right now: the accounts service isn't available on this server.";
      case 'UPSTREAM_UNAVAILABLE':
        return es
          ? 'La fuente de datos deportivos no responde en este momento. Inténtalo de nuevo en unos minutos.'
          : "The sports data source isn't responding right now. Please try again in a few minutes.";
      case 'INVALID_QUERY':
        return es ? 'Solo tengo pronósticos para partidos de fútbol.' : 'I only have predictions for football matches.';
      default:
        return es
          ? 'No he podido completar esa consulta. ¿Puedes reformularla, por ejemplo con los equipos y el importe?'
          : `I couldn't complete that request (${error.message}). Could you rephrase it, for example with the teams and the amount?`;
    }
  }

  // ── Fixtures ────────────────────────────────────────────────────────────────────────────────

  private fixtures(results: SearchResult[], input: WriteInput): string {
    const { language, timeZone, focus } = input;
    const es = language === 'es';
    const finished = results.find((r) => r.filters.status === 'finished');
    const upcoming = results.find((r) => r.filters.status !== 'finished');
    const lines: string[] = [];

    if (finished) {
      const subject = finished.filters.team ?? competitionLabel(finished.filters.tournament, finished.matches[0], language);
      if (focus.intent === 'GENERAL_SPORTS_QUERY') {
        lines.push(
          es
            ? `No tengo estadísticas de jugadores ni noticias, pero esto es lo que sé de ${subject}:`
            : `I don't have player statistics or news, but here is what I know about ${subject}:`,
        );
      }
      if (finished.matches.length > 0) {
        lines.push(es ? 'Últimos resultados:' : 'Recent results:');
        for (const m of finished.matches) lines.push(`• ${this.resultLine(m, language)}`);
      } else {
        lines.push(es ? 'No hay resultados recientes en mis datos.' : 'There are no recent results in my data.');
      }
    }
    if (upcoming) {
      if (finished) lines.push(es ? 'Próximos partidos:' : 'Coming up:');
      lines.push(...(finished ? upcoming.matches.map((m) => `• ${this.fixtureLine(m, input)}`) : this.upcoming(upcoming, input)));
      if (finished && upcoming.matches.length === 0) lines.push(es ? '• Ninguno en los próximos 14 días.' : '• None in the next 14 days.');
    }
    lines.push(es ? `(Horas en ${timeZone}.)` : `(Times in ${timeZone}.)`);
    return lines.join('\n');
  }

  private upcoming(result: SearchResult, input: WriteInput): string[] {
    const { language, focus } = input;
    const es = language === 'es';
    const matches = result.matches;
    const team = result.filters.team;
    const period = es ? `entre el ${shortDay(result.filters.from, language)} y el ${shortDay(result.filters.to, language)}` : `between ${shortDay(result.filters.from, language)} and ${shortDay(result.filters.to, language)}`;

    if (team) {
      const opponent = focus.teams.find((t) => t !== team);
      if (opponent) {
        const meeting = matches.find((m) => m.home === opponent || m.away === opponent);
        if (meeting) return [this.card(meeting, es ? `El próximo ${meeting.home} vs ${meeting.away}` : `The next ${meeting.home} vs ${meeting.away}`, input)];
        const lines = [es ? `No hay un ${team} vs ${opponent} programado ${period}.` : `There is no ${team} vs ${opponent} scheduled ${period}.`];
        if (matches[0]) lines.push(this.card(matches[0], es ? `El próximo partido del ${team}` : `${team}'s next match`, input));
        return lines;
      }
      if (matches.length === 0) {
        return [es ? `No encuentro partidos del ${team} ${period}.` : `I can't find any ${team} matches ${period}.`];
      }
      const [first, ...rest] = matches;
      const lines = [this.card(first, first.status === 'live' ? (es ? `El ${team} está jugando ahora` : `${team} are playing right now`) : es ? `El próximo partido del ${team}` : `${team}'s next match`, input)];
      if (rest.length > 0) {
        lines.push(es ? 'Después:' : 'After that:');
        for (const m of rest.slice(0, 3)) lines.push(`• ${this.fixtureLine(m, input)}`);
      }
      return lines;
    }

    const title = result.filters.tournament
      ? competitionLabel(result.filters.tournament, matches[0], language)
      : undefined;
    if (matches.length === 0) {
      return [
        es
          ? `No hay partidos${title ? ` de ${title}` : ''} ${period}.`
          : `There are no${title ? ` ${title}` : ''} matches ${period}.`,
      ];
    }
    const header = title
      ? es
        ? `Próximos partidos de ${title} (${dayRange(result.filters.from, result.filters.to, language)}):`
        : `Upcoming ${title} matches (${dayRange(result.filters.from, result.filters.to, language)}):`
      : es
        ? 'Próximos partidos:'
        : 'Upcoming matches:';
    return [header, ...matches.map((m) => `• ${this.fixtureLine(m, input, !title)}`)];
  }

  /** "Barcelona's next match is Barcelona vs Real Madrid (La Liga) on Saturday 28 November at 21:00, at Spotify Camp Nou." */
  private card(m: Match, lead: string, { language, timeZone }: WriteInput): string {
    const es = language === 'es';
    const competition = competitionName(m.competitionId, m.competition, language);
    const when = kickoffPhrase(m.kickoff, timeZone, language);
    const venue = m.venue ? (es ? `, en el ${m.venue}` : `, at ${m.venue}`) : '';
    const live = m.status === 'live' && m.score ? (es ? ` Va ${m.score.home}-${m.score.away}.` : ` It's ${m.score.home}-${m.score.away}.`) : '';
    if (m.status === 'live') {
      return es
        ? `${lead}: ${m.home} vs ${m.away} (${competition}), empezó ${when}${venue}.${live}`
        : `${lead}: ${m.home} vs ${m.away} (${competition}), which kicked off ${when}${venue}.${live}`;
    }
    return es
      ? `${lead} es ${m.home} vs ${m.away} (${competition}) ${when}${venue}.`
      : `${lead} is ${m.home} vs ${m.away} (${competition}) ${when}${venue}.`;
  }

  private fixtureLine(m: Match, { language, timeZone }: WriteInput, withCompetition = true): string {
    const competition = withCompetition ? ` (${competitionName(m.competitionId, m.competition, language)})` : '';
    const live = m.status === 'live' ? (language === 'es' ? ' — en juego' : ' — live') : '';
    return `${shortKickoff(m.kickoff, timeZone, language)} — ${m.home} vs ${m.away}${competition}${live}`;
  }

  private resultLine(m: Match, language: Language): string {
    const score = m.score ? `${m.score.home}-${m.score.away}` : 'vs';
    return `${shortDay(m.kickoff.slice(0, 10), language)} — ${m.home} ${score} ${m.away} (${competitionName(m.competitionId, m.competition, language)})`;
  }

  // ── Odds ────────────────────────────────────────────────────────────────────────────────────

  private odds(result: OddsResult, input: WriteInput): string {
    const { language, timeZone, focus, message } = input;
    const es = language === 'es';
    const m = result.match;
    const competition = competitionName(m.competitionId, m.competition, language);
    if (!result.bettingOpen || result.markets.length === 0) {
      return es
        ? `Las apuestas del ${m.home} vs ${m.away} (${competition}) están cerradas: el partido ya terminó.`
        : `Betting on ${m.home} vs ${m.away} (${competition}) is closed: the match has finished.`;
    }
    const lines = [
      es
        ? `Cuotas del ${m.home} vs ${m.away} (${competition}, ${shortKickoff(m.kickoff, timeZone, language)}):`
        : `Odds for ${m.home} vs ${m.away} (${competition}, ${shortKickoff(m.kickoff, timeZone, language)}):`,
    ];

    const highlight = this.highlightedSelection(result, focus, message);
    if (highlight) {
      const label = selectionLabel('1x2', highlight.key, highlight.name, undefined, language);
      lines.unshift(
        highlight.key === 'draw'
          ? es
            ? `El empate en el ${m.home} vs ${m.away} se paga a ${formatOdds(highlight.odds)} (probabilidad implícita ${formatPercent(highlight.impliedProbability)}).`
            : `A draw in ${m.home} vs ${m.away} pays ${formatOdds(highlight.odds)} (implied probability ${formatPercent(highlight.impliedProbability)}).`
          : es
            ? `La victoria del ${label} se paga a ${formatOdds(highlight.odds)} (probabilidad implícita ${formatPercent(highlight.impliedProbability)}).`
            : `A ${label} win pays ${formatOdds(highlight.odds)} (implied probability ${formatPercent(highlight.impliedProbability)}).`,
      );
    }

    for (const market of this.marketsToShow(result, focus.market)) {
      const selections = market.selections
        .map((s) => `${oddsLabel(market.market, s, language)} ${formatOdds(s.odds)} (${formatPercent(s.impliedProbability)})`)
        .join(' · ');
      lines.push(`• ${marketLabel(market.market, market.line, language)}: ${selections}`);
    }
    const main = result.markets.find((x) => x.market === '1x2') ?? result.markets[0];
    lines.push(
      es
        ? `Entre paréntesis, la probabilidad implícita de cada cuota, que incluye el margen de la casa (${formatPercent(main.overround)} en ${marketLabel(main.market, main.line, language)}). Las cuotas pueden cambiar antes del inicio.`
        : `In brackets, the probability each price implies, bookmaker margin included (${formatPercent(main.overround)} on ${marketLabel(main.market, main.line, language)}). Odds can change before kick-off.`,
    );
    return lines.join('\n');
  }

  private highlightedSelection(result: OddsResult, focus: TurnFocus, message: string): OddsSelection | undefined {
    const result1x2 = result.markets.find((x) => x.market === '1x2');
    if (!result1x2) return undefined;
    // "Odds for Juventus vs Milan" names a team first without backing it; only "draw" or a word
    // about winning/paying singles out one selection.
    if (focus.outcome === 'draw') return result1x2.selections.find((s) => s.key === 'draw');
    if (!WIN_WORDS_RE.test(message)) return undefined;
    if (focus.pick) return result1x2.selections.find((s) => s.name === focus.pick);
    if (focus.outcome) return result1x2.selections.find((s) => s.key === focus.outcome);
    return undefined;
  }

  private marketsToShow(result: OddsResult, wanted: string | undefined): OddsMarket[] {
    const markets = result.markets;
    const pick = (code: MarketCode, line?: number) => markets.find((x) => x.market === code && (line === undefined || x.line === line));
    const shown: OddsMarket[] = [];
    const add = (m: OddsMarket | undefined) => {
      if (m && !shown.includes(m)) shown.push(m);
    };
    if (wanted) markets.filter((x) => x.market === wanted).forEach(add);
    add(pick('1x2'));
    add(pick('over_under', 2.5) ?? pick('over_under'));
    add(pick('btts'));
    if (result.match.sport === 'basketball') add(pick('handicap'));
    return shown;
  }

  // ── Bet simulation ──────────────────────────────────────────────────────────────────────────

  private simulation(result: SimulationResult, input: WriteInput): string {
    const { language, timeZone } = input;
    const es = language === 'es';
    const money = (x: number) => formatMoney(x, result.currency, language);
    const lines: string[] = [];
    if (result.type === 'single') {
      const leg = result.legs[0];
      const m = leg.match;
      const where = `${m.home} vs ${m.away}, ${competitionName(m.competitionId, m.competition, language)}, ${shortKickoff(m.kickoff, timeZone, language)}`;
      lines.push(
        es
          ? `Con ${money(result.stake)} ${this.pickPhrase(leg, language)} (${where}) a cuota ${formatOdds(leg.odds)}, si aciertas cobrarías ${money(result.potentialReturn)}: ${money(result.profit)} de beneficio.`
          : `A ${money(result.stake)} bet on ${this.pickPhrase(leg, language)} (${where}) at odds of ${formatOdds(leg.odds)} would return ${money(result.potentialReturn)} if it wins: ${money(result.profit)} profit.`,
      );
      lines.push(
        es
          ? `Esa cuota implica una probabilidad del ${formatPercent(leg.impliedProbability)}. Es la cuota actual y puede cambiar antes del partido.`
          : `That price implies a ${formatPercent(leg.impliedProbability)} chance. It is the current price and can change before kick-off.`,
      );
    } else {
      lines.push(es ? `Combinada de ${result.legs.length} selecciones:` : `Accumulator with ${result.legs.length} selections:`);
      for (const leg of result.legs) {
        lines.push(`• ${leg.pick} — ${leg.match.home} vs ${leg.match.away} (${shortKickoff(leg.match.kickoff, timeZone, language)}) @ ${formatOdds(leg.odds)}`);
      }
      lines.push(
        es
          ? `Cuota combinada ${formatOdds(result.combinedOdds ?? 0)}: con ${money(result.stake)} cobrarías ${money(result.potentialReturn)} (${money(result.profit)} de beneficio) si aciertan todas.`
          : `Combined odds ${formatOdds(result.combinedOdds ?? 0)}: ${money(result.stake)} would return ${money(result.potentialReturn)} (${money(result.profit)} profit) if every selection wins.`,
      );
    }
    lines.push(es ? 'Apuesta solo lo que puedas permitirte perder.' : 'Only stake what you can afford to lose.');
    return lines.join('\n');
  }

  private pickPhrase(leg: Leg, language: Language): string {
    if (language === 'es') {
      if (leg.market === '1x2') return leg.selection === 'draw' ? 'al empate' : `a la victoria del ${leg.pick}`;
      return `a «${leg.pick}»`;
    }
    if (leg.market === '1x2') return leg.selection === 'draw' ? 'the draw' : `${leg.pick} to win`;
    return `"${leg.pick}"`;
  }

  // ── Bet proposal ────────────────────────────────────────────────────────────────────────────

  /** A bet the user asked to place: shown with how to confirm it, since only the user can place it. */
  private proposal(result: ProposalResult, { language, timeZone }: WriteInput): string {
    const es = language === 'es';
    if (result.loginRequired) {
      return es
        ? 'Para apostar tienes que iniciar sesión. Mientras tanto puedo decirte cuánto ganarías: pregunta, por ejemplo, "¿Cuánto ganaría con 10 € al Barcelona?".'
        : 'Please log in to place a bet. Meanwhile I can tell you what a stake would return: ask, for example, "How much would I win with €10 on Barcelona?".';
    }
    const money = (x: number) => formatMoney(x, result.currency, language);
    const id = result.proposal_id;
    const lines = [es ? 'Tu apuesta está lista para confirmar (todavía no se ha hecho):' : 'Your bet is ready to confirm (nothing has been placed yet):'];
    for (const leg of result.legs) {
      const pick = selectionLabel(leg.market, leg.selection, leg.name, leg.line, language);
      lines.push(`• ${pick} — ${leg.home} vs ${leg.away} (${shortKickoff(leg.kickoff, timeZone, language)}) @ ${formatOdds(leg.odds)}`);
    }
    if (result.legs.length > 1) {
      lines.push(es ? `Cuota combinada ${formatOdds(result.combined_odds)}; tienen que acertarse todas.` : `Combined odds ${formatOdds(result.combined_odds)}; every selection has to win.`);
    }
    lines.push(
      es
        ? `Importe ${money(result.stake)}: si aciertas cobrarías ${money(result.potential_return)} (${money(result.profit)} de beneficio).`
        : `Stake ${money(result.stake)}: it would return ${money(result.potential_return)} if it wins (${money(result.profit)} profit).`,
    );
    const until = shortKickoff(result.expires_at, timeZone, language);
    lines.push(
      es
        ? `Para hacerla, confirma la propuesta ${id} antes del ${until} (POST /api/v1/bets/proposals/${id}/confirm, o el evento confirm_bet del chat). Al confirmar se vuelven a comprobar las cuotas.`
        : `To place it, confirm proposal ${id} before ${until} (POST /api/v1/bets/proposals/${id}/confirm, or the chat's confirm_bet event). Prices are checked again when you confirm.`,
    );
    lines.push(es ? 'Apuesta solo lo que puedas permitirte perder.' : 'Only stake what you can afford to lose.');
    return lines.join('\n');
  }

  // ── Recommendations ─────────────────────────────────────────────────────────────────────────

  private recommendation(result: RecommendationResult, input: WriteInput): string {
    const { language } = input;
    const es = language === 'es';
    const period = dayRange(result.window.from, result.window.to, language);
    const money = (x: number) => formatMoney(x, result.currency, language);
    const titles = {
      safest: es ? `Las selecciones más probables (${period}), según el modelo y las cuotas actuales:` : `Lowest-risk picks (${period}), from the model and current odds:`,
      value: es ? `Apuestas de valor (el modelo ve más probabilidad de la que indica la cuota), ${period}:` : `Value picks (the model rates them above their price), ${period}:`,
      underdog: es ? `No favoritos que merecen un vistazo (${period}):` : `Underdogs worth a look (${period}):`,
      accumulator: es ? `Propuesta de combinada (${period}):` : `Accumulator suggestion (${period}):`,
    };
    const lines: string[] = [];
    const picks = result.selections;
    if (picks.length === 0 && !result.nearMisses?.length) {
      lines.push(
        es
          ? `No encuentro partidos de fútbol con cuotas abiertas que encajen (${period}).`
          : `I can't find football matches with open odds that fit (${period}).`,
      );
    } else if (picks.length === 0 && result.nearMisses?.length) {
      lines.push(
        es
          ? `No veo valor claro (ventaja del 3% o más) en ${period}. Lo más cercano, sin ventaja positiva:`
          : `I see no clear value (an edge of 3% or more) in ${period}. The closest, without a positive edge:`,
      );
      result.nearMisses.forEach((p, i) => lines.push(this.pickLine(p, i, input, money)));
    } else {
      lines.push(titles[result.risk]);
      picks.forEach((p, i) => lines.push(this.pickLine(p, i, input, money)));
      if (result.accumulator) {
        const acc = result.accumulator;
        lines.push(
          es
            ? `Cuota combinada ${formatOdds(acc.combinedOdds)} (probabilidad implícita ${formatPercent(acc.impliedProbability)}, según el modelo ${formatPercent(acc.modelProbability)}); tienen que acertarse todas.`
            : `Combined odds ${formatOdds(acc.combinedOdds)} (implied probability ${formatPercent(acc.impliedProbability)}, model ${formatPercent(acc.modelProbability)}); every leg has to win.`,
        );
        if (acc.stake !== undefined && acc.potentialReturn !== undefined) {
          lines.push(es ? `Con ${money(acc.stake)} cobrarías ${money(acc.potentialReturn)}.` : `${money(acc.stake)} would return ${money(acc.potentialReturn)}.`);
        }
      }
    }
    lines.push(`⚠️ ${result.responsibleGambling || responsibleGamblingNote(language)}`);
    return lines.join('\n');
  }

  private pickLine(p: RecommendedPick, index: number, { language, timeZone }: WriteInput, money: (x: number) => string): string {
    const es = language === 'es';
    const m = p.match;
    const head = `${index + 1}. ${p.pick} — ${m.home} vs ${m.away} (${competitionName(m.competitionId, m.competition, language)}, ${shortKickoff(m.kickoff, timeZone, language)}) @ ${formatOdds(p.odds)}`;
    const stake =
      p.stake !== undefined && p.potentialReturn !== undefined
        ? es
          ? ` Apuesta sugerida: ${money(p.stake)} (cobrarías ${money(p.potentialReturn)} si acierta).`
          : ` Suggested stake: ${money(p.stake)} (returns ${money(p.potentialReturn)} if it wins).`
        : '';
    return `${head}\n   ${p.reason}${stake}`;
  }

  // ── Prediction ──────────────────────────────────────────────────────────────────────────────

  private prediction(result: PredictionResult, input: WriteInput): string {
    const { language, timeZone } = input;
    const es = language === 'es';
    const m = result.match;
    const p = result.probabilities;
    const xg = result.expectedGoals;
    const best = result.mostLikelyScore;
    const lines = [
      es
        ? `Pronóstico del modelo para ${m.home} vs ${m.away} (${competitionName(m.competitionId, m.competition, language)}, ${shortKickoff(m.kickoff, timeZone, language)}):`
        : `Model estimate for ${m.home} vs ${m.away} (${competitionName(m.competitionId, m.competition, language)}, ${shortKickoff(m.kickoff, timeZone, language)}):`,
      es
        ? `• Gana ${m.home} ${formatPercent(p.home)} · Empate ${formatPercent(p.draw)} · Gana ${m.away} ${formatPercent(p.away)}`
        : `• ${m.home} win ${formatPercent(p.home)} · Draw ${formatPercent(p.draw)} · ${m.away} win ${formatPercent(p.away)}`,
      es
        ? `• Goles esperados ${xg.home.toFixed(2)}-${xg.away.toFixed(2)}; resultado más probable ${best.home}-${best.away} (${formatPercent(best.probability)})`
        : `• Expected goals ${xg.home.toFixed(2)}-${xg.away.toFixed(2)}; most likely score ${best.home}-${best.away} (${formatPercent(best.probability)})`,
      es
        ? `• Más de 2.5 goles ${formatPercent(p.over25)} · Ambos marcan ${formatPercent(p.bttsYes)}`
        : `• Over 2.5 goals ${formatPercent(p.over25)} · Both teams to score ${formatPercent(p.bttsYes)}`,
    ];
    const value = result.selections.filter((s) => s.value && s.marketOdds !== undefined);
    if (value.length > 0) {
      const items = value.map((s) => `${selectionLabel(s.market, s.selection, s.name, s.market === 'over_under' ? 2.5 : undefined, language)} @ ${formatOdds(s.marketOdds ?? 0)} (${es ? 'ventaja' : 'edge'} ${formatPercent(s.edge ?? 0)})`);
      lines.push(es ? `Con valor frente a las cuotas actuales: ${items.join('; ')}.` : `Value against the current odds: ${items.join('; ')}.`);
    } else {
      lines.push(
        es
          ? 'Ninguna selección principal está pagada por encima de la estimación del modelo, así que no veo valor claro.'
          : "None of the main selections is priced above the model's estimate, so I see no clear value.",
      );
    }
    lines.push(`⚠️ ${responsibleGamblingNote(language)}`);
    return lines.join('\n');
  }

  // ── Comparison ──────────────────────────────────────────────────────────────────────────────

  private comparison(result: ComparisonResult, input: WriteInput): string {
    const { language, timeZone } = input;
    const es = language === 'es';
    const a = result.teamA;
    const b = result.teamB;
    const h = result.headToHead;
    const form = (t: TeamView) =>
      es
        ? `${t.name} ${t.form.last || '—'} (${t.form.points} pts, ${t.form.goalsFor} goles a favor, ${t.form.goalsAgainst} en contra)`
        : `${t.name} ${t.form.last || '—'} (${t.form.points} pts, ${t.form.goalsFor} scored, ${t.form.goalsAgainst} conceded)`;
    const lines = [
      es ? `${a.name} vs ${b.name}, comparativa:` : `${a.name} vs ${b.name}, compared:`,
      es ? `• Forma (últimos ${a.form.results.length}): ${form(a)}; ${form(b)}.` : `• Form (last ${a.form.results.length}): ${form(a)}; ${form(b)}.`,
    ];
    if (h.meetings > 0) {
      const last = h.recent[0];
      const lastText = last
        ? es
          ? ` Último: ${shortDay(last.date, language)}, ${last.home} ${last.score.home}-${last.score.away} ${last.away}.`
          : ` Last one: ${shortDay(last.date, language)}, ${last.home} ${last.score.home}-${last.score.away} ${last.away}.`
        : '';
      lines.push(
        es
          ? `• Cara a cara (últimos ${h.meetings}): ${a.name} ${plural(h.winsA, 'victoria', 'victorias')}, ${plural(h.draws, 'empate', 'empates')}, ${b.name} ${plural(h.winsB, 'victoria', 'victorias')}.${lastText}`
          : `• Head-to-head (last ${h.meetings}): ${a.name} ${plural(h.winsA, 'win', 'wins')}, ${plural(h.draws, 'draw', 'draws')}, ${b.name} ${plural(h.winsB, 'win', 'wins')}.${lastText}`,
      );
    } else {
      lines.push(es ? '• No se han enfrentado recientemente.' : "• They haven't met recently.");
    }
    if (result.nextMeeting) {
      const n = result.nextMeeting;
      const odds = result.nextMeetingOdds?.map((s) => `${selectionLabel('1x2', s.key, s.name, undefined, language)} ${formatOdds(s.odds)}`).join(' · ');
      lines.push(
        es
          ? `• Próximo duelo: ${n.home} vs ${n.away}, ${shortKickoff(n.kickoff, timeZone, language)} (${competitionName(n.competitionId, n.competition, language)})${odds ? `; cuotas ${odds}` : ''}.`
          : `• Next meeting: ${n.home} vs ${n.away}, ${shortKickoff(n.kickoff, timeZone, language)} (${competitionName(n.competitionId, n.competition, language)})${odds ? `; odds ${odds}` : ''}.`,
      );
    }
    if (a.form.points !== b.form.points) {
      const better = a.form.points > b.form.points ? a.name : b.name;
      lines.push(es ? `En forma reciente, llega mejor ${better}.` : `On recent form, ${better} are in better shape.`);
    } else {
      lines.push(es ? 'En forma reciente llegan igualados.' : 'On recent form they are level.');
    }
    return lines.join('\n');
  }

  // ── Tournaments ─────────────────────────────────────────────────────────────────────────────

  private tournaments(result: TournamentsResult, fixtures: SearchResult | undefined, input: WriteInput): string {
    const { language, focus } = input;
    const es = language === 'es';
    const name = (t: TournamentsResult['tournaments'][number]) => (es ? t.nameEs : t.name);
    const named = focus.tournament ? result.tournaments.find((t) => t.name === focus.tournament) : undefined;
    if (named) {
      const lines = [
        es
          ? `${name(named)} (${countryName(named.country, language)}, ${named.sport === 'football' ? 'fútbol' : 'baloncesto'}): ${named.active ? 'en temporada, con cuotas disponibles' : 'sin partidos en este periodo'}.`
          : `${named.name} (${named.country}, ${named.sport}): ${named.active ? 'in season, with odds available' : 'no matches in the current period'}.`,
      ];
      if (fixtures && !isError(fixtures as unknown as Record<string, unknown>)) {
        lines.push(...this.upcoming(fixtures, input));
        lines.push(es ? `(Horas en ${input.timeZone}.)` : `(Times in ${input.timeZone}.)`);
      }
      return lines.join('\n');
    }
    const active = result.tournaments.filter((t) => t.active);
    const inactive = result.tournaments.filter((t) => !t.active);
    if (result.tournaments.length === 0) {
      return es ? 'No cubro ninguna competición con ese filtro.' : "I don't cover any competition matching that.";
    }
    const sports = [...new Set(active.map((t) => t.sport))];
    const lines = [es ? `Cubro ${active.length} competiciones en temporada:` : `I cover ${active.length} competitions in season:`];
    for (const sport of sports) {
      const label = es ? (sport === 'football' ? 'Fútbol' : sport === 'basketball' ? 'Baloncesto' : sport) : sport[0].toUpperCase() + sport.slice(1);
      lines.push(`• ${label}: ${active.filter((t) => t.sport === sport).map((t) => `${name(t)} (${countryName(t.country, language)})`).join(', ')}`);
    }
    if (inactive.length > 0) {
      lines.push(es ? `Fuera de temporada ahora: ${inactive.map(name).join(', ')}.` : `Not in season right now: ${inactive.map(name).join(', ')}.`);
    }
    lines.push(es ? 'Pregúntame, por ejemplo: "Partidos de la Premier League este fin de semana".' : 'Ask me, for example: "Premier League matches this weekend".');
    return lines.join('\n');
  }

  // ── Balance ─────────────────────────────────────────────────────────────────────────────────

  private balance(result: BalanceResult, { language }: WriteInput): string {
    const es = language === 'es';
    if (result.loginRequired || result.available === undefined) {
      return es
        ? 'Inicia sesión para ver tu saldo: solo puedo mostrar el saldo de la cuenta con la que has entrado.'
        : 'Please log in to see your balance: I can only show the balance of the account you are signed in with.';
    }
    const money = (x: number) => formatMoney(x, result.currency, language);
    const extras: string[] = [];
    if (result.pending) extras.push(es ? `${money(result.pending)} en apuestas pendientes` : `${money(result.pending)} in open bets`);
    if (result.bonus) extras.push(es ? `${money(result.bonus)} de bono` : `${money(result.bonus)} bonus`);
    return es
      ? `Tu saldo disponible es ${money(result.available)}${extras.length ? ` (además, ${joinList(extras, language)})` : ''}.`
      : `Your available balance is ${money(result.available)}${extras.length ? ` (plus ${joinList(extras, language)})` : ''}.`;
  }
}

/** Selection names inside an odds table, where the market is already named on the line. */
function oddsLabel(market: MarketCode, s: OddsSelection, language: Language): string {
  const es = language === 'es';
  switch (market) {
    case 'over_under':
      return s.key === 'over' ? (es ? 'Más' : 'Over') : es ? 'Menos' : 'Under';
    case 'btts':
      return s.key === 'yes' ? (es ? 'Sí' : 'Yes') : 'No';
    default:
      return selectionLabel(market, s.key, s.name, undefined, language);
  }
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function isError(result: Record<string, unknown>): boolean {
  return typeof result.error === 'string';
}

function dayRange(from: string, to: string, language: Language): string {
  return from === to ? shortDay(from, language) : `${shortDay(from, language)}–${shortDay(to, language)}`;
}

function competitionLabel(tournament: string | undefined, sample: Match | undefined, language: Language): string {
  if (sample && sample.competition === tournament) return competitionName(sample.competitionId, sample.competition, language);
  return tournament ?? '';
}
