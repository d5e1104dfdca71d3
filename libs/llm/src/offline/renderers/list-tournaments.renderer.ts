import type { Language } from '../../shared/conversation-types.js';
import type { TournamentView, TournamentsResult } from '../../tools/list-tournaments.tool.js';
import { SEARCH_FIXTURES } from '../../tools/search-fixtures.tool.js';
import { countryName } from '../answer-format.js';
import type { Renderer } from './renderer.js';
import { upcomingLines } from './search-fixtures.renderer.js';
import { timesNote } from './shared.js';

const SPORT_NAMES_ES: Record<string, string> = { football: 'Fútbol', basketball: 'Baloncesto' };

/** One named competition (with its upcoming matches when searched too), or everything covered. */
export const renderTournaments: Renderer<TournamentsResult> = (result, ctx, siblings) => {
  const { language, focus } = ctx;
  const es = language === 'es';
  const name = (t: TournamentView) => (es ? t.nameEs : t.name);
  const named = focus.tournament ? result.tournaments.find((t) => t.name === focus.tournament) : undefined;
  if (named) {
    const lines = [
      es
        ? `${name(named)} (${countryName(named.country, language)}, ${named.sport === 'football' ? 'fútbol' : 'baloncesto'}): ${named.active ? 'en temporada, con cuotas disponibles' : 'sin partidos en este periodo'}.`
        : `${named.name} (${named.country}, ${named.sport}): ${named.active ? 'in season, with odds available' : 'no matches in the current period'}.`,
    ];
    const fixtures = siblings.all(SEARCH_FIXTURES)[0];
    if (fixtures) lines.push(...upcomingLines(fixtures, ctx), timesNote(ctx));
    return lines.join('\n');
  }
  if (result.tournaments.length === 0) {
    return es ? 'No cubro ninguna competición con ese filtro.' : "I don't cover any competition matching that.";
  }
  const active = result.tournaments.filter((t) => t.active);
  const inactive = result.tournaments.filter((t) => !t.active);
  const sports = [...new Set(active.map((t) => t.sport))];
  const lines = [es ? `Cubro ${active.length} competiciones en temporada:` : `I cover ${active.length} competitions in season:`];
  for (const sport of sports) {
    const covered = active.filter((t) => t.sport === sport).map((t) => `${name(t)} (${countryName(t.country, language)})`);
    lines.push(`• ${sportLabel(sport, language)}: ${covered.join(', ')}`);
  }
  if (inactive.length > 0) {
    lines.push(es ? `Fuera de temporada ahora: ${inactive.map(name).join(', ')}.` : `Not in season right now: ${inactive.map(name).join(', ')}.`);
  }
  lines.push(es ? 'Pregúntame, por ejemplo: "Partidos de la Premier League este fin de semana".' : 'Ask me, for example: "Premier League matches this weekend".');
  return lines.join('\n');
};

function sportLabel(sport: string, language: Language): string {
  if (language === 'es') return SPORT_NAMES_ES[sport] ?? sport;
  return sport[0].toUpperCase() + sport.slice(1);
}
