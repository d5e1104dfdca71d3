import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { normalizeName } from '@app/sports-data';
import type { ToolDeps } from './tool-deps.js';
import { ToolRequestError, freshness, runTool, sportName, type Freshness } from './tool-results.js';

export const LIST_TOURNAMENTS = 'list_tournaments';

export interface TournamentView {
  id: string;
  name: string;
  nameEs: string;
  country: string;
  sport: string;
  active: boolean;
}

export interface TournamentsResult extends Freshness {
  count: number;
  tournaments: TournamentView[];
}

const SPORT_SYNONYMS: Record<string, string> = {
  soccer: 'football',
  futbol: 'football',
  basket: 'basketball',
  baloncesto: 'basketball',
  basquet: 'basketball',
  basquetbol: 'basketball',
};

const COUNTRY_SYNONYMS: Record<string, string> = {
  espana: 'spain',
  inglaterra: 'england',
  uk: 'england',
  italia: 'italy',
  alemania: 'germany',
  francia: 'france',
  europa: 'europe',
  eeuu: 'usa',
  'estados unidos': 'usa',
  'united states': 'usa',
  us: 'usa',
  internacional: 'international',
};

const schema = z.object({
  sport: z.string().max(40).optional().describe('"football" or "basketball".'),
  country: z.string().max(60).optional().describe('In English, e.g. "Spain"; "Europe" for cross-border.'),
});

export function createListTournamentsTool(deps: ToolDeps) {
  return tool(
    (args: z.infer<typeof schema>) =>
      runTool(LIST_TOURNAMENTS, deps.logger, async (): Promise<TournamentsResult> => {
        const sports = await deps.sportsData.getSports();
        let sportId: string | undefined;
        if (args.sport) {
          const wanted = normalizeName(args.sport);
          const name = SPORT_SYNONYMS[wanted] ?? wanted;
          const sport = sports.data.find((s) => s.id === args.sport || normalizeName(s.name) === name || normalizeName(s.nameEs) === name);
          if (!sport) {
            throw new ToolRequestError('UNKNOWN_SPORT', `Unknown sport "${args.sport}".`, sports.data.map((s) => s.name));
          }
          sportId = sport.id;
        }
        const country = args.country ? (COUNTRY_SYNONYMS[normalizeName(args.country)] ?? args.country) : undefined;
        const tournaments = await deps.sportsData.getTournaments({ sportId, country });
        return {
          count: tournaments.data.length,
          tournaments: tournaments.data.map((t) => ({
            id: t.id,
            name: t.name,
            nameEs: t.nameEs,
            country: t.country,
            sport: sportName(t.sportId),
            active: t.active,
          })),
          ...freshness(sports, tournaments),
        };
      }),
    {
      name: LIST_TOURNAMENTS,
      description:
        'Competitions covered, optionally by sport and country; active: false = no matches now.',
      schema,
    },
  );
}
