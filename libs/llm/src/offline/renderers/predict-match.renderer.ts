import { responsibleGamblingNote } from '../../shared/responsible-gambling.js';
import type { PredictionResult } from '../../tools/predict-match.tool.js';
import { selectionLabel } from '../../tools/selection-labels.js';
import { competitionName, formatOdds, formatPercent, shortKickoff } from '../answer-format.js';
import type { Renderer } from './renderer.js';

/** The model's probabilities for a match and the selections priced above them. */
export const renderPrediction: Renderer<PredictionResult> = (result, { language, timeZone }) => {
  const es = language === 'es';
  const m = result.match;
  const p = result.probabilities;
  const xg = result.expectedGoals;
  const best = result.mostLikelyScore;
  const where = `${competitionName(m.competition, language)}, ${shortKickoff(m.kickoff, timeZone, language)}`;
  const lines = [
    es ? `Pronóstico del modelo para ${m.home} vs ${m.away} (${where}):` : `Model estimate for ${m.home} vs ${m.away} (${where}):`,
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
    const items = value.map(
      (s) =>
        `${selectionLabel(s.market, s.selection, s.name, s.market === 'over_under' ? 2.5 : undefined, language)} @ ${formatOdds(s.marketOdds ?? 0)} (${es ? 'ventaja' : 'edge'} ${formatPercent(s.edge ?? 0)})`,
    );
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
};
