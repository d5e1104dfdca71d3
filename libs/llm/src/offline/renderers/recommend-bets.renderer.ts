import type { Language } from '../../shared/conversation-types.js';
import { responsibleGamblingNote } from '../../shared/responsible-gambling.js';
import type { RecommendationResult, RecommendedPick } from '../../tools/recommend-bets.tool.js';
import { competitionName, formatOdds, formatPercent, shortKickoff } from '../answer-format.js';
import type { RenderContext, Renderer } from './renderer.js';
import { dayRange, moneyIn } from './shared.js';

type Risk = RecommendationResult['risk'];

const TITLES: Record<Language, Record<Risk, (period: string) => string>> = {
  en: {
    safest: (period) => `Lowest-risk picks (${period}), from the model and current odds:`,
    value: (period) => `Value picks (the model rates them above their price), ${period}:`,
    underdog: (period) => `Underdogs worth a look (${period}):`,
    accumulator: (period) => `Accumulator suggestion (${period}):`,
  },
  es: {
    safest: (period) => `Las selecciones más probables (${period}), según el modelo y las cuotas actuales:`,
    value: (period) => `Apuestas de valor (el modelo ve más probabilidad de la que indica la cuota), ${period}:`,
    underdog: (period) => `No favoritos que merecen un vistazo (${period}):`,
    accumulator: (period) => `Propuesta de combinada (${period}):`,
  },
};

/** Suggested bets with their reasons, or the closest picks when nothing has value. */
export const renderRecommendation: Renderer<RecommendationResult> = (result, ctx) => {
  const { language } = ctx;
  const es = language === 'es';
  const period = dayRange(result.window.from, result.window.to, language);
  const money = moneyIn(result.currency, language);
  const lines: string[] = [];
  const picks = result.selections;
  const nearMisses = result.nearMisses ?? [];
  if (picks.length === 0 && nearMisses.length === 0) {
    lines.push(es ? `No encuentro partidos de fútbol con cuotas abiertas que encajen (${period}).` : `I can't find football matches with open odds that fit (${period}).`);
  } else if (picks.length === 0) {
    lines.push(
      es
        ? `No veo valor claro (ventaja del 3% o más) en ${period}. Lo más cercano, sin ventaja positiva:`
        : `I see no clear value (an edge of 3% or more) in ${period}. The closest, without a positive edge:`,
    );
    nearMisses.forEach((p, i) => lines.push(pickLine(p, i, ctx, money)));
  } else {
    if (ctx.focus.ask === 'explain') {
      lines.push(
        es
          ? 'Por qué estas: cada una está elegida por la probabilidad que le da el modelo (cuotas sin margen y forma reciente) frente a la que implica su cuota; el motivo va debajo de cada una.'
          : 'Why these: each is picked for the probability the model gives it (margin-free prices and recent form) against the one its price implies; the reason is under each pick.',
      );
    }
    lines.push(TITLES[language][result.risk](period));
    picks.forEach((p, i) => lines.push(pickLine(p, i, ctx, money)));
    const acc = result.accumulator;
    if (acc) {
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
};

/** "1. Barcelona — Barcelona vs Sevilla (La Liga, Sat 28 Nov, 21:00) @ 1.80" and its reason. */
function pickLine(p: RecommendedPick, index: number, { language, timeZone }: RenderContext, money: (amount: number) => string): string {
  const es = language === 'es';
  const m = p.match;
  const head = `${index + 1}. ${p.pick} — ${m.home} vs ${m.away} (${competitionName(m.competition, language)}, ${shortKickoff(m.kickoff, timeZone, language)}) @ ${formatOdds(p.odds)}`;
  const stake =
    p.stake !== undefined && p.potentialReturn !== undefined
      ? es
        ? ` Apuesta sugerida: ${money(p.stake)} (cobrarías ${money(p.potentialReturn)} si acierta).`
        : ` Suggested stake: ${money(p.stake)} (returns ${money(p.potentialReturn)} if it wins).`
      : '';
  return `${head}\n   ${p.reason}${stake}`;
}
