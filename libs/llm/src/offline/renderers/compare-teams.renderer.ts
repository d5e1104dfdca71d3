import type { Language } from '../../shared/conversation-types.js';
import type { ComparisonResult, TeamView } from '../../tools/compare-teams.tool.js';
import { selectionLabel } from '../../tools/selection-labels.js';
import { competitionName, formatOdds, shortDay, shortKickoff } from '../answer-format.js';
import type { Renderer } from './renderer.js';
import { plural } from './shared.js';

/** Form, head-to-head record and next meeting of two teams, with who is in better shape. */
export const renderComparison: Renderer<ComparisonResult> = (result, { language, timeZone }) => {
  const es = language === 'es';
  const a = result.teamA;
  const b = result.teamB;
  const h = result.headToHead;
  const lines = [
    es ? `${a.name} vs ${b.name}, comparativa:` : `${a.name} vs ${b.name}, compared:`,
    es
      ? `• Forma (últimos ${a.form.results.length}): ${formLine(a, language)}; ${formLine(b, language)}.`
      : `• Form (last ${a.form.results.length}): ${formLine(a, language)}; ${formLine(b, language)}.`,
  ];
  if (h.meetings > 0) {
    const last = h.recent[0];
    const lastMeeting = last ? `${shortDay(last.date, language)}, ${last.home} ${last.score.home}-${last.score.away} ${last.away}` : '';
    const lastText = last ? (es ? ` Último: ${lastMeeting}.` : ` Last one: ${lastMeeting}.`) : '';
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
    const when = `${shortKickoff(n.kickoff, timeZone, language)} (${competitionName(n.competition, language)})`;
    lines.push(
      es
        ? `• Próximo duelo: ${n.home} vs ${n.away}, ${when}${odds ? `; cuotas ${odds}` : ''}.`
        : `• Next meeting: ${n.home} vs ${n.away}, ${when}${odds ? `; odds ${odds}` : ''}.`,
    );
  }
  if (a.form.points !== b.form.points) {
    const better = a.form.points > b.form.points ? a.name : b.name;
    lines.push(es ? `En forma reciente, llega mejor ${better}.` : `On recent form, ${better} are in better shape.`);
  } else {
    lines.push(es ? 'En forma reciente llegan igualados.' : 'On recent form they are level.');
  }
  return lines.join('\n');
};

/** "Barcelona WWDLW (10 pts, 9 scored, 4 conceded)". */
function formLine(t: TeamView, language: Language): string {
  const f = t.form;
  return language === 'es'
    ? `${t.name} ${f.last || '—'} (${f.points} pts, ${f.goalsFor} goles a favor, ${f.goalsAgainst} en contra)`
    : `${t.name} ${f.last || '—'} (${f.points} pts, ${f.goalsFor} scored, ${f.goalsAgainst} conceded)`;
}
