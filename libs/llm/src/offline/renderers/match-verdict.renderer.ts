import type { Language } from '../../shared/conversation-types.js';
import { responsibleGamblingNote } from '../../shared/responsible-gambling.js';
import type { MatchVerdictResult, VerdictSelection, VerdictStrength } from '../../tools/match-verdict.tool.js';
import { formatOdds, formatPercent } from '../answer-format.js';
import type { Renderer } from './renderer.js';
import { matchWhere } from './shared.js';

const STRENGTH: Record<VerdictStrength, Record<Language, (name: string) => string>> = {
  strong_favourite: { en: (n) => `${n} are clear favourites`, es: (n) => `${n} es claro favorito` },
  favourite: { en: (n) => `${n} are the favourites`, es: (n) => `${n} es el favorito` },
  slight_favourite: { en: (n) => `${n} are slight favourites`, es: (n) => `${n} es ligeramente favorito` },
  toss_up: { en: (n) => `it's close to a toss-up, with ${n} the marginal favourites`, es: (n) => `está muy igualado; ${n} es favorito por muy poco` },
};

/**
 * A verdict first ("Barcelona are the favourites"), then the prices behind it, and for a question
 * about one outcome ("is Bayern the favourite?", "any value in the draw?") a direct answer to it.
 */
export const renderMatchVerdict: Renderer<MatchVerdictResult> = (result, ctx) => {
  const { language, focus } = ctx;
  const es = language === 'es';
  const fav = result.favourite;
  const favName = fav.key === 'draw' ? (es ? 'El empate' : 'The draw') : fav.name;
  const lines: string[] = [];
  if (focus.certainty) {
    lines.push(es ? 'Nada es seguro en una apuesta y no puedo prometerte ningún resultado. Esto es lo que dicen las cuotas:' : "No result is ever certain and I can't promise you one. Here is what the prices say:");
  }

  if (focus.ask === 'value') {
    lines.push(`${matchWhere(result.match, ctx)}:`, valueLine(result, language));
  } else if (result.asked) {
    const a = result.asked;
    // The verdict names the favourite next to the word, the match apart, so it cannot be read as the other side.
    const where = matchWhere(result.match, ctx);
    lines.push(
      a.isFavourite
        ? es ? `Sí: ${a.name} es el favorito (${where}).` : `Yes: ${a.name} are the favourites (${where}).`
        : es ? `No: el favorito es ${fav.name}, no ${a.name} (${where}).` : `No: the favourites are ${fav.name}, not ${a.name} (${where}).`,
    );
  } else {
    lines.push(`${es ? 'Veredicto' : 'Verdict'} (${matchWhere(result.match, ctx)}): ${STRENGTH[result.strength][language](favName)}.`);
  }

  const label = es ? 'Favorito según el mercado' : 'Market favourite';
  lines.push(
    es
      ? `${label}: ${fav.name} a ${formatOdds(fav.odds)} (probabilidad sin margen ${formatPercent(fav.fairProbability)}).`
      : `${label}: ${fav.name} at ${formatOdds(fav.odds)} (${formatPercent(fav.fairProbability)} once the margin is removed).`,
  );
  for (const s of result.selections) {
    const model = s.modelProbability !== undefined ? (es ? `, modelo ${formatPercent(s.modelProbability)}` : `, model ${formatPercent(s.modelProbability)}`) : '';
    lines.push(`• ${s.key === 'draw' ? (es ? 'Empate' : 'Draw') : s.name}: ${formatOdds(s.odds)} — ${es ? 'implícita' : 'implied'} ${formatPercent(s.impliedProbability)}${model}`);
  }

  if (focus.ask === 'value') lines.push(`${es ? 'Veredicto del partido' : 'Match verdict'}: ${STRENGTH[result.strength][language](favName)}.`);
  lines.push(es ? `Favorito no significa seguro. ${responsibleGamblingNote(language)}` : `Favourite doesn't mean certain. ${responsibleGamblingNote(language)}`);
  return lines.join('\n');
};

/** Whether the asked outcome (or the best-rated one) is priced above the model's estimate. */
function valueLine(result: MatchVerdictResult, language: Language): string {
  const es = language === 'es';
  const name = (s: VerdictSelection): string => (s.key === 'draw' ? (es ? 'el empate' : 'the draw') : s.name);
  const target = result.asked ?? result.selections.find((s) => s.value) ?? result.favourite;
  if (!result.modelAvailable || target.edge === undefined) {
    return es
      ? `No tengo un modelo propio para este partido, así que no puedo decir si ${name(target)} tiene valor: solo el precio del mercado.`
      : `I have no model of my own for this match, so I can't say whether ${name(target)} is value: only the market's price.`;
  }
  if (target.value) {
    return es
      ? `Hay algo de valor en ${name(target)}: el modelo le da ${formatPercent(target.modelProbability ?? 0)} frente al ${formatPercent(target.impliedProbability)} que implica la cuota ${formatOdds(target.odds)} (ventaja ${formatPercent(target.edge)}).`
      : `There is some value in ${name(target)}: the model gives it ${formatPercent(target.modelProbability ?? 0)} against the ${formatPercent(target.impliedProbability)} implied by ${formatOdds(target.odds)} (edge ${formatPercent(target.edge)}).`;
  }
  return es
    ? `No veo valor en ${name(target)}: el modelo le da ${formatPercent(target.modelProbability ?? 0)} y la cuota ${formatOdds(target.odds)} implica ${formatPercent(target.impliedProbability)} (ventaja ${formatPercent(target.edge)}).`
    : `I don't see value in ${name(target)}: the model gives it ${formatPercent(target.modelProbability ?? 0)} and ${formatOdds(target.odds)} implies ${formatPercent(target.impliedProbability)} (edge ${formatPercent(target.edge)}).`;
}
