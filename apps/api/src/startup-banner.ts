import type { ServiceModes } from '@app/health';

/** What a person starting the server needs first: where to click, and what runs for real. */
export interface StartupSummary {
  urls: { chat: string; docs?: string; health: string };
  modes: ServiceModes;
  /** One line per mode that runs a stand-in: the variable that switches it to the real thing. */
  switches: string[];
}

const SWITCHES: { applies: (modes: ServiceModes) => boolean; advice: string }[] = [
  { applies: (m) => m.redis === 'memory', advice: 'redis=memory: set REDIS_URL (e.g. redis://127.0.0.1:6379) to share sessions, caches and limits' },
  { applies: (m) => m.llm === 'offline', advice: 'llm=offline: set GOOGLE_API_KEY (Google AI Studio) for Gemini answers' },
  { applies: (m) => m.sportsData === 'embedded', advice: 'sports-data=embedded: set CHATBET_API_BASE_URL for the real ChatBet API' },
];

export function startupSummary(publicUrl: string, modes: ServiceModes, docsEnabled: boolean): StartupSummary {
  return {
    urls: {
      chat: `${publicUrl}/`,
      ...(docsEnabled ? { docs: `${publicUrl}/docs` } : {}),
      health: `${publicUrl}/health`,
    },
    modes,
    switches: SWITCHES.filter((entry) => entry.applies(modes)).map((entry) => entry.advice),
  };
}

export function modesText(modes: ServiceModes): string {
  return `redis=${modes.redis}, llm=${modes.llm}, sports-data=${modes.sportsData}`;
}

/** The terminal banner: a handful of lines, no JSON. */
export function renderStartupBanner(summary: StartupSummary, port: number): string {
  const lines = [
    '',
    `  ChatBet API listening on :${port}`,
    '',
    `  Chat page   ${summary.urls.chat}`,
    ...(summary.urls.docs ? [`  API docs    ${summary.urls.docs}`] : []),
    `  Health      ${summary.urls.health}`,
    '',
    `  Modes       ${modesText(summary.modes)}`,
    ...summary.switches.map((advice) => `              ${advice}`),
    ...(summary.switches.length > 0 ? ['              (in .env: cp .env.example .env)'] : []),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
