import type { Intent } from '@app/nlu';
import type { Language } from '../shared/conversation-types.js';
import type { PrimaryMatch } from './context-tracker.js';

export interface SuggestionInput {
  intent: Intent;
  language: Language;
  match?: PrimaryMatch;
  /** Teams the turn was about. */
  teams: string[];
  authenticated: boolean;
  /** A team the answer suggested backing, for an example stake. */
  pick?: string;
  /** The risk profile just shown, so it is not suggested again. */
  riskProfile?: string;
  /** Currency symbol to use in example stakes. */
  currency?: string | null;
}

const SYMBOLS: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };
const MAX_SUGGESTIONS = 4;

/**
 * Two to four short next questions in the user's language, worded so the assistant understands
 * them when they are sent back as they are.
 */
export function suggestedActions(input: SuggestionInput): string[] {
  const es = input.language === 'es';
  const symbol = SYMBOLS[(input.currency ?? 'EUR').toUpperCase()] ?? '€';
  const ten = es ? `10 ${symbol}` : `${symbol}10`;
  const m = input.match;
  const team = input.pick ?? input.teams[0] ?? m?.home;
  const generic = es
    ? ['¿Cuándo juega el Barcelona?', 'Cuotas del Juventus vs Milan', '¿Cuál es la apuesta más probable del fin de semana?']
    : ['When does Barcelona play next?', 'Odds for Juventus vs Milan', 'Safest bet this weekend?'];
  const odds = m ? (es ? `Cuotas del ${m.home} vs ${m.away}` : `Odds for ${m.home} vs ${m.away}`) : undefined;
  const predict = m ? (es ? `¿Quién ganará el ${m.home} vs ${m.away}?` : `Who will win ${m.home} vs ${m.away}?`) : undefined;
  const compare = m ? (es ? `Compara ${m.home} y ${m.away}` : `Compare ${m.home} and ${m.away}`) : undefined;
  const onTeam = team ? (es ? `¿Cuánto ganaría con ${ten} al ${team}?` : `How much would I win with ${ten} on ${team}?`) : undefined;
  const onDraw = es ? `¿Cuánto ganaría con ${ten} al empate?` : `How much would I win with ${ten} on a draw?`;
  const next = team ? (es ? `¿Cuándo juega el ${team}?` : `When does ${team} play next?`) : undefined;
  const safest = generic[2];
  const value = es ? 'Dame una apuesta de valor' : 'Give me a value bet';
  const accumulator = es ? 'Hazme una combinada' : 'Build me an accumulator';
  const balance = es ? '¿Cuál es mi saldo?' : "What's my balance?";
  const tournaments = es ? '¿Qué torneos cubres?' : 'Which tournaments do you cover?';

  let list: Array<string | undefined>;
  switch (input.intent) {
    case 'MATCH_SCHEDULE_QUERY':
      list = m ? [odds, predict, onTeam] : [safest, tournaments, generic[0]];
      break;
    case 'ODDS_INFORMATION_QUERY':
      list = [m ? onDraw : undefined, predict, compare, safest];
      break;
    case 'BET_SIMULATION':
      list = [odds, predict, safest, input.authenticated ? balance : undefined];
      break;
    case 'BETTING_RECOMMENDATION':
      list = [input.riskProfile === 'value' ? safest : value, input.riskProfile === 'accumulator' ? safest : accumulator, odds, onTeam];
      break;
    case 'TEAM_COMPARISON':
      list = [odds, predict, next];
      break;
    case 'TOURNAMENT_INFO':
      list = [es ? 'Partidos de la Premier League este fin de semana' : 'Premier League matches this weekend', generic[0], safest];
      break;
    case 'USER_BALANCE_QUERY':
      list = [safest, generic[0], es ? '¿Qué puedes hacer?' : 'What can you do?'];
      break;
    default:
      list = generic;
  }
  const unique = [...new Set(list.filter((s): s is string => typeof s === 'string'))];
  for (const filler of generic) if (unique.length < 2 && !unique.includes(filler)) unique.push(filler);
  return unique.slice(0, MAX_SUGGESTIONS);
}
