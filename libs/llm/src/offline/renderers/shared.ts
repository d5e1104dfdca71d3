import type { Language } from '../../shared/conversation-types.js';
import type { MatchSummary } from '../../tools/tool-results.js';
import { competitionName, formatMoney, kickoffPhrase, shortDay, shortKickoff } from '../answer-format.js';
import type { RenderContext } from './renderer.js';

/** Match wording shared by several renderers. */

type Wording = Pick<RenderContext, 'language' | 'timeZone'>;

/** "Barcelona's next match is Barcelona vs Real Madrid (La Liga) on Saturday 28 November at 21:00, at Spotify Camp Nou." */
export function matchCard(m: MatchSummary, lead: string, { language, timeZone }: Wording): string {
  const es = language === 'es';
  const competition = competitionName(m.competition, language);
  const when = kickoffPhrase(m.kickoff, timeZone, language);
  const venue = m.venue ? (es ? `, en el ${m.venue}` : `, at ${m.venue}`) : '';
  const live = m.status === 'live' && m.score ? (es ? ` Va ${m.score.home}-${m.score.away}.` : ` It's ${m.score.home}-${m.score.away}.`) : '';
  if (m.status === 'live') {
    return es
      ? `${lead}: ${m.home} vs ${m.away} (${competition}), empezó ${when}${venue}.${live}`
      : `${lead}: ${m.home} vs ${m.away} (${competition}), which kicked off ${when}${venue}.${live}`;
  }
  return es ? `${lead} es ${m.home} vs ${m.away} (${competition}) ${when}${venue}.` : `${lead} is ${m.home} vs ${m.away} (${competition}) ${when}${venue}.`;
}

/** "Sat 28 Nov, 21:00 — Barcelona vs Real Madrid (La Liga)". */
export function fixtureLine(m: MatchSummary, { language, timeZone }: Wording, withCompetition = true): string {
  const competition = withCompetition ? ` (${competitionName(m.competition, language)})` : '';
  const live = m.status === 'live' ? (language === 'es' ? ' — en juego' : ' — live') : '';
  return `${shortKickoff(m.kickoff, timeZone, language)} — ${m.home} vs ${m.away}${competition}${live}`;
}

/** "21 Nov — Barcelona 2-1 Sevilla (La Liga)". */
export function resultLine(m: MatchSummary, language: Language): string {
  const score = m.score ? `${m.score.home}-${m.score.away}` : 'vs';
  return `${shortDay(m.kickoff.slice(0, 10), language)} — ${m.home} ${score} ${m.away} (${competitionName(m.competition, language)})`;
}

/** "Barcelona vs Real Madrid, La Liga, Sat 28 Nov, 21:00". */
export function matchWhere(m: MatchSummary, { language, timeZone }: Wording): string {
  return `${m.home} vs ${m.away}, ${competitionName(m.competition, language)}, ${shortKickoff(m.kickoff, timeZone, language)}`;
}

/** "28 Nov" for one day, "28 Nov–4 Dec" for a range. */
export function dayRange(from: string, to: string, language: Language): string {
  return from === to ? shortDay(from, language) : `${shortDay(from, language)}–${shortDay(to, language)}`;
}

/** A competition asked for by name, in the answer's language. */
export function competitionLabel(tournament: string | undefined, language: Language): string {
  return tournament === undefined ? '' : competitionName(tournament, language);
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function moneyIn(currency: string | null | undefined, language: Language): (amount: number) => string {
  return (amount) => formatMoney(amount, currency, language);
}

/** "(Times in Europe/Madrid.)" */
export function timesNote({ language, timeZone }: Wording): string {
  return language === 'es' ? `(Horas en ${timeZone}.)` : `(Times in ${timeZone}.)`;
}

export function stakeWarning(language: Language): string {
  return language === 'es' ? 'Apuesta solo lo que puedas permitirte perder.' : 'Only stake what you can afford to lose.';
}
