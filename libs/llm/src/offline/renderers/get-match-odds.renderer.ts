import { winnerMarketOf, type MarketCode } from '@app/sports-data';
import type { Language } from '../../shared/conversation-types.js';
import type { TurnFocus } from '../../shared/turn-focus.js';
import type { MatchOddsResult, OddsMarketView, OddsSelectionView } from '../../tools/get-match-odds.tool.js';
import { marketLabel, selectionLabel } from '../../tools/selection-labels.js';
import { competitionName, formatOdds, formatPercent, shortKickoff } from '../answer-format.js';
import type { Renderer } from './renderer.js';

const WIN_WORDS_RE = /\b(win|wins|winning|victory|pays?|paying|gana|ganar|gane|victoria|paga|pagan|pago)\b/i;

/** The match's main markets with implied probabilities, led by the selection the user asked about. */
export const renderMatchOdds: Renderer<MatchOddsResult> = (result, ctx) => {
  const { language, timeZone, focus, message } = ctx;
  const es = language === 'es';
  const m = result.match;
  const competition = competitionName(m.competition, language);
  if (!result.bettingOpen || result.markets.length === 0) {
    return es
      ? `Las apuestas del ${m.home} vs ${m.away} (${competition}) están cerradas: el partido ya terminó.`
      : `Betting on ${m.home} vs ${m.away} (${competition}) is closed: the match has finished.`;
  }
  const kickoff = shortKickoff(m.kickoff, timeZone, language);
  const lines = [es ? `Cuotas del ${m.home} vs ${m.away} (${competition}, ${kickoff}):` : `Odds for ${m.home} vs ${m.away} (${competition}, ${kickoff}):`];

  const highlight = highlightedSelection(result, focus, message);
  if (highlight) {
    const label = selectionLabel('1x2', highlight.key, highlight.name, undefined, language);
    const price = formatOdds(highlight.odds);
    const implied = formatPercent(highlight.impliedProbability);
    lines.unshift(
      highlight.key === 'draw'
        ? es
          ? `El empate en el ${m.home} vs ${m.away} se paga a ${price} (probabilidad implícita ${implied}).`
          : `A draw in ${m.home} vs ${m.away} pays ${price} (implied probability ${implied}).`
        : es
          ? `La victoria del ${label} se paga a ${price} (probabilidad implícita ${implied}).`
          : `A ${label} win pays ${price} (implied probability ${implied}).`,
    );
  }

  const sport = m.sport;
  for (const market of marketsToShow(result, focus.market)) {
    const selections = market.selections.map((s) => `${oddsLabel(market.market, s, language)} ${formatOdds(s.odds)} (${formatPercent(s.impliedProbability)})`).join(' · ');
    lines.push(`• ${marketLabel(market.market, market.line, language, sport)}: ${selections}`);
  }
  if (sport === 'basketball' && focus.outcome === 'draw') {
    lines.push(es ? 'En baloncesto no hay empate: si acaban igualados se juega prórroga, y el ganador incluye la prórroga.' : 'Basketball has no draw: a tie goes to overtime, and the moneyline includes overtime.');
  }
  const main = winnerMarketOf(result.markets) ?? result.markets[0];
  const margin = formatPercent(main.overround);
  const mainLabel = marketLabel(main.market, main.line, language, sport);
  lines.push(
    es
      ? `Entre paréntesis, la probabilidad implícita de cada cuota, que incluye el margen de la casa (${margin} en ${mainLabel}). Las cuotas pueden cambiar antes del inicio.`
      : `In brackets, the probability each price implies, bookmaker margin included (${margin} on ${mainLabel}). Odds can change before kick-off.`,
  );
  return lines.join('\n');
};

function highlightedSelection(result: MatchOddsResult, focus: TurnFocus, message: string): OddsSelectionView | undefined {
  const result1x2 = winnerMarketOf(result.markets);
  if (!result1x2) return undefined;
  // "Odds for Juventus vs Milan" names a team first without backing it; only "draw" or a word
  // about winning/paying singles out one selection.
  if (focus.outcome === 'draw') return result1x2.selections.find((s) => s.key === 'draw');
  if (!WIN_WORDS_RE.test(message)) return undefined;
  const pick = focus.pick ?? (focus.teams.length === 1 ? focus.teams[0] : undefined);
  if (pick) return result1x2.selections.find((s) => s.name === pick);
  if (focus.outcome) return result1x2.selections.find((s) => s.key === focus.outcome);
  return undefined;
}

/**
 * The market asked for first, then the main ones: football's result, goals and both-to-score;
 * basketball's moneyline, point spread and total points.
 */
function marketsToShow(result: MatchOddsResult, wanted: string | undefined): OddsMarketView[] {
  const markets = result.markets;
  const pick = (code: MarketCode, line?: number) => markets.find((x) => x.market === code && (line === undefined || x.line === line));
  const shown: OddsMarketView[] = [];
  const add = (m: OddsMarketView | undefined) => {
    if (m && !shown.includes(m)) shown.push(m);
  };
  if (wanted) markets.filter((x) => x.market === wanted).forEach(add);
  add(pick('moneyline'));
  add(pick('1x2'));
  if (result.match.sport === 'basketball') add(pick('handicap'));
  add(pick('over_under', 2.5) ?? pick('over_under'));
  add(pick('btts'));
  return shown;
}

/** Selection names inside an odds table, where the market is already named on the line. */
function oddsLabel(market: MarketCode, s: OddsSelectionView, language: Language): string {
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
