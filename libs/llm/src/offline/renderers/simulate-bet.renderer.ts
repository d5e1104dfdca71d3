import type { Language } from '../../shared/conversation-types.js';
import type { PricedLeg, SimulationResult } from '../../tools/simulate-bet.tool.js';
import { formatOdds, formatPercent, shortKickoff } from '../answer-format.js';
import type { Renderer } from './renderer.js';
import { matchWhere, moneyIn, stakeWarning } from './shared.js';

/** What a stake would return at the current price, for a single or an accumulator. */
export const renderSimulation: Renderer<SimulationResult> = (result, ctx) => {
  const { language, timeZone } = ctx;
  const es = language === 'es';
  const money = moneyIn(result.currency, language);
  const lines: string[] = [];
  if (result.type === 'single') {
    const leg = result.legs[0];
    const where = matchWhere(leg.match, ctx);
    lines.push(
      es
        ? `Con ${money(result.stake)} ${pickPhrase(leg, language)} (${where}) a cuota ${formatOdds(leg.odds)}, si aciertas cobrarías ${money(result.potentialReturn)}: ${money(result.profit)} de beneficio.`
        : `A ${money(result.stake)} bet on ${pickPhrase(leg, language)} (${where}) at odds of ${formatOdds(leg.odds)} would return ${money(result.potentialReturn)} if it wins: ${money(result.profit)} profit.`,
      es
        ? `Esa cuota implica una probabilidad del ${formatPercent(leg.impliedProbability)}. Es la cuota actual y puede cambiar antes del partido.`
        : `That price implies a ${formatPercent(leg.impliedProbability)} chance. It is the current price and can change before kick-off.`,
    );
  } else {
    lines.push(es ? `Combinada de ${result.legs.length} selecciones:` : `Accumulator with ${result.legs.length} selections:`);
    for (const leg of result.legs) {
      lines.push(`• ${leg.pick} — ${leg.match.home} vs ${leg.match.away} (${shortKickoff(leg.match.kickoff, timeZone, language)}) @ ${formatOdds(leg.odds)}`);
    }
    if (ctx.focus.amount === undefined && result.stake === 1) {
      // No stake given: priced per unit staked, and the stake asked for.
      lines.push(
        es
          ? `Cuota combinada ${formatOdds(result.combinedOdds)}: cada ${money(1)} apostado devolvería ${money(result.potentialReturn)} si aciertan todas. ¿Cuánto quieres apostar?`
          : `Combined odds ${formatOdds(result.combinedOdds)}: every ${money(1)} staked would return ${money(result.potentialReturn)} if all the legs win. How much would you like to stake?`,
      );
    } else {
      lines.push(
        es
          ? `Cuota combinada ${formatOdds(result.combinedOdds)}: con ${money(result.stake)} cobrarías ${money(result.potentialReturn)} (${money(result.profit)} de beneficio) si aciertan todas.`
          : `Combined odds ${formatOdds(result.combinedOdds)}: ${money(result.stake)} would return ${money(result.potentialReturn)} (${money(result.profit)} profit) if every selection wins.`,
      );
    }
    }
  for (const failed of result.failedLegs ?? []) {
    if (failed.error === 'SAME_MATCH' && failed.sameMatchAs !== undefined) {
      lines.push(
        es
          ? `⚠️ La selección ${failed.index + 1} («${failed.requested}») es del mismo partido que la ${failed.sameMatchAs + 1} (${failed.match}): las selecciones de un mismo partido dependen entre sí, así que no se pueden combinar en una combinada. La he dejado fuera; puedo calcularla como apuesta simple si quieres.`
          : `⚠️ Leg ${failed.index + 1} ("${failed.requested}") is in the same match as leg ${failed.sameMatchAs + 1} (${failed.match}): selections of one match depend on each other, so they can't be combined in an accumulator. I've left it out; I can price it as a single if you like.`,
      );
      continue;
    }
    const hint = failed.suggestions?.length ? (es ? ` (¿quizás ${failed.suggestions.slice(0, 3).join(', ')}?)` : ` (did you mean ${failed.suggestions.slice(0, 3).join(', ')}?)`) : '';
    lines.push(
      es
        ? `⚠️ No he podido incluir la selección ${failed.index + 1} («${failed.requested}»): ${failed.message}${hint} Las cifras de arriba son sin ella.`
        : `⚠️ I couldn't include leg ${failed.index + 1} ("${failed.requested}"): ${failed.message}${hint} The figures above leave it out.`,
    );
  }
  lines.push(stakeWarning(language));
  return lines.join('\n');
};

/** "Barcelona to win", "the draw", or the quoted selection for other markets. */
function pickPhrase(leg: PricedLeg, language: Language): string {
  const winner = leg.market === '1x2' || leg.market === 'moneyline';
  if (language === 'es') {
    if (winner) return leg.selection === 'draw' ? 'al empate' : `a la victoria del ${leg.pick}`;
    return `a «${leg.pick}»`;
  }
  if (winner) return leg.selection === 'draw' ? 'the draw' : `${leg.pick} to win`;
  return `"${leg.pick}"`;
}
