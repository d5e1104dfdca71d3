import { SEARCH_FIXTURES, type SearchFixturesResult } from '../../tools/search-fixtures.tool.js';
import { shortDay } from '../answer-format.js';
import type { RenderContext, Renderer } from './renderer.js';
import { competitionLabel, dayRange, fixtureLine, matchCard, resultLine, timesNote } from './shared.js';

/** Recent results and/or upcoming matches: a finished search and an upcoming one may come together. */
export const renderSearchFixtures: Renderer<SearchFixturesResult> = (_result, ctx, siblings) => {
  const { language, focus } = ctx;
  const es = language === 'es';
  const results = siblings.all(SEARCH_FIXTURES);
  const finished = results.find((r) => r.filters.status === 'finished');
  const upcoming = results.find((r) => r.filters.status !== 'finished');
  // "¿Cuándo juegan el Betis y el Sevilla?": the other team's own list, for when they do not meet.
  const other = results.find((r) => r !== upcoming && r.filters.status !== 'finished' && r.filters.team !== undefined && r.filters.team !== upcoming?.filters.team);
  const lines: string[] = [];

  if (finished) {
    const subject = finished.filters.team ?? competitionLabel(finished.filters.tournament, language);
    if (focus.intent === 'GENERAL_SPORTS_QUERY') {
      lines.push(
        es
          ? `No tengo estadísticas de jugadores ni noticias, pero esto es lo que sé de ${subject}:`
          : `I don't have player statistics or news, but here is what I know about ${subject}:`,
      );
    }
    if (finished.matches.length > 0) {
      lines.push(es ? 'Últimos resultados:' : 'Recent results:');
      for (const m of finished.matches) lines.push(`• ${resultLine(m, language)}`);
    } else {
      lines.push(es ? 'No hay resultados recientes en mis datos.' : 'There are no recent results in my data.');
    }
  }
  if (upcoming) {
    if (finished) lines.push(es ? 'Próximos partidos:' : 'Coming up:');
    lines.push(...(finished ? upcoming.matches.map((m) => `• ${fixtureLine(m, ctx)}`) : upcomingLines(upcoming, ctx, other)));
    if (finished && upcoming.matches.length === 0) lines.push(es ? '• Ninguno en los próximos 14 días.' : '• None in the next 14 days.');
  }
  lines.push(timesNote(ctx));
  return lines.join('\n');
};

/** Upcoming matches of a team (its next match as a card), of a competition, or of all. */
export function upcomingLines(result: SearchFixturesResult, ctx: RenderContext, other?: SearchFixturesResult): string[] {
  const { language, focus } = ctx;
  const es = language === 'es';
  const { matches, filters } = result;
  const team = filters.team;
  const from = shortDay(filters.from, language);
  const to = shortDay(filters.to, language);
  const period = es ? `entre el ${from} y el ${to}` : `between ${from} and ${to}`;

  if (team) {
    const opponent = focus.teams.find((t) => t !== team);
    if (opponent) {
      const meeting = matches.find((m) => m.home === opponent || m.away === opponent);
      if (meeting) return [matchCard(meeting, es ? `El próximo ${meeting.home} vs ${meeting.away}` : `The next ${meeting.home} vs ${meeting.away}`, ctx)];
      const lines = [es ? `No hay un ${team} vs ${opponent} programado ${period}.` : `There is no ${team} vs ${opponent} scheduled ${period}.`];
      if (matches[0]) lines.push(matchCard(matches[0], es ? `El próximo partido del ${team}` : `${team}'s next match`, ctx));
      const theirs = other?.filters.team === opponent ? other.matches[0] : undefined;
      if (theirs) lines.push(matchCard(theirs, es ? `El próximo partido del ${opponent}` : `${opponent}'s next match`, ctx));
      return lines;
    }
    if (matches.length === 0) {
      return [es ? `No encuentro partidos del ${team} ${period}.` : `I can't find any ${team} matches ${period}.`];
    }
    const [first, ...rest] = matches;
    const nextLead = es ? `El próximo partido del ${team}` : `${team}'s next match`;
    const liveLead = es ? `El ${team} está jugando ahora` : `${team} are playing right now`;
    const lines = [matchCard(first, first.status === 'live' ? liveLead : nextLead, ctx)];
    if (rest.length > 0) {
      lines.push(es ? 'Después:' : 'After that:');
      for (const m of rest.slice(0, TEAM_LIST_LENGTH)) lines.push(`• ${fixtureLine(m, ctx)}`);
    }
    return lines;
  }

  const several = (filters.tournaments?.length ?? 0) > 1;
  const title = several
    ? (filters.tournaments ?? []).map((name) => competitionLabel(name, language)).join(es ? ' y ' : ' and ')
    : filters.tournament
      ? competitionLabel(filters.tournament, language)
      : undefined;
  if (matches.length === 0 && result.offset > 0) {
    return [es ? `Eso es todo: ya te he mostrado los ${result.total} partidos de esas fechas.` : `That's the whole list: I've shown all ${result.total} matches in that period.`];
  }
  if (matches.length === 0) {
    return [es ? `No hay partidos${title ? ` de ${title}` : ''} ${period}.` : `There are no${title ? ` ${title}` : ''} matches ${period}.`];
  }
  const days = dayRange(filters.from, filters.to, language);
  const shown = `${result.offset + 1}–${result.offset + matches.length} ${es ? 'de' : 'of'} ${result.total}`;
  const header =
    result.offset > 0
      ? es
        ? `Más partidos${title ? ` de ${title}` : ''} (${shown}):`
        : `More${title ? ` ${title}` : ''} matches (${shown}):`
      : title
        ? es
          ? `Próximos partidos de ${title} (${days}):`
          : `Upcoming ${title} matches (${days}):`
        : es
          ? 'Próximos partidos:'
          : 'Upcoming matches:';
  const lines = [header];
  if (result.order === 'relevance' && result.offset === 0) {
    lines.push(es ? '(Primero los más destacados para ti; por orden de hora.)' : '(The most notable for you first, listed by kick-off.)');
  }
  const yours = result.favouriteTeams ?? [];
  if (yours.length > 0 && result.offset === 0) lines.push(es ? `(Tu equipo primero: ${yours.join(', ')}.)` : `(Your team first: ${yours.join(', ')}.)`);
  lines.push(...matches.map((m) => `• ${fixtureLine(m, ctx, !title || several)}`));
  if (result.remaining > 0) {
    lines.push(
      es
        ? `…y ${result.remaining} más en esas fechas. Dime "más" para verlos.`
        : `…and ${result.remaining} more in that period. Say "more" to see them.`,
    );
  }
  return lines;
}

// Matches listed after a team's next one.
const TEAM_LIST_LENGTH = 3;
