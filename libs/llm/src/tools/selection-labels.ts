import type { MarketCode, SelectionKey } from '@app/sports-data';
import type { Language } from '../shared/conversation-types.js';

/** A selection as a person reads it: "Barcelona", "Draw", "Over 2.5 goals", "Both teams to score: yes". */
export function selectionLabel(
  market: MarketCode,
  key: SelectionKey,
  name: string,
  line: number | undefined,
  language: Language,
  sport = 'football',
): string {
  const es = language === 'es';
  const unit = sport === 'basketball' ? (es ? 'puntos' : 'points') : es ? 'goles' : 'goals';
  switch (market) {
    case '1x2':
      return key === 'draw' ? (es ? 'Empate' : 'Draw') : name;
    case 'moneyline':
      return name;
    case 'over_under':
      return `${key === 'over' ? (es ? 'Más de' : 'Over') : es ? 'Menos de' : 'Under'} ${line ?? ''} ${unit}`.replace(/\s+/g, ' ');
    case 'btts':
      return es ? `Ambos marcan: ${key === 'yes' ? 'sí' : 'no'}` : `Both teams to score: ${key === 'yes' ? 'yes' : 'no'}`;
    case 'double_chance':
      return es ? name.replace(/\bDraw\b/, 'Empate').replace(/ or /, ' o ') : name;
    case 'draw_no_bet':
      return es ? `${name} (empate no válido)` : `${name} (draw no bet)`;
    default:
      return name;
  }
}

export function marketLabel(market: MarketCode, line: number | undefined, language: Language, sport = 'football'): string {
  const es = language === 'es';
  const basketball = sport === 'basketball';
  switch (market) {
    case '1x2':
      if (basketball) return es ? 'Resultado a tiempo reglamentario (1X2)' : 'Regulation-time result (1X2)';
      return es ? 'Resultado final (1X2)' : 'Match result (1X2)';
    case 'moneyline':
      return es ? 'Ganador (prórroga incluida)' : 'Moneyline (overtime included)';
    case 'over_under':
      if (basketball) return es ? `Total de puntos ${line ?? ''}`.trim() : `Total points ${line ?? ''}`.trim();
      return es ? `Más/Menos ${line ?? ''}`.trim() : `Over/Under ${line ?? ''}`.trim();
    case 'btts':
      return es ? 'Ambos marcan' : 'Both teams to score';
    case 'double_chance':
      return es ? 'Doble oportunidad' : 'Double chance';
    case 'handicap':
      if (basketball) return es ? `Hándicap de puntos ${line ?? ''}`.trim() : `Point spread ${line ?? ''}`.trim();
      return es ? `Hándicap ${line ?? ''}`.trim() : `Handicap ${line ?? ''}`.trim();
    case 'draw_no_bet':
      return es ? 'Empate no válido' : 'Draw no bet';
  }
}
