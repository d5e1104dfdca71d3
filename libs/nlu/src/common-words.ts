/**
 * Everyday words in English and Spanish (accent-free). They are never typo-corrected
 * and never accepted as derived team aliases, which keeps "city", "real" or "player"
 * from drifting into entity matches.
 */
export const EN_FUNCTION_WORDS: readonly string[] = [
  'the', 'is', 'are', 'was', 'were', 'be', 'been', 'what', 'whats', 'when', 'whens', 'wheres', 'where', 'which', 'who', 'whos', 'why',
  'how', 'does', 'do', 'did', 'doesnt', 'dont', 'my', 'me', 'i', 'im', 'ive', 'id', 'you', 'your', 'youre', 'we',
  'our', 'they', 'their', 'them', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'of', 'to', 'for',
  'with', 'on', 'at', 'in', 'from', 'by', 'about', 'and', 'or', 'but', 'if', 'would', 'will', 'should', 'could',
  'can', 'cant', 'much', 'many', 'any', 'some', 'have', 'has', 'had', 'get', 'got', 'next', 'play', 'plays',
  'playing', 'game', 'games', 'match', 'matches', 'today', 'tomorrow', 'tonight', 'week', 'weekend', 'please', 'pls',
  'thanks', 'thank', 'hello', 'hi', 'hey', 'odds', 'bet', 'bets', 'win', 'wins', 'better', 'against', 'an', 'a',
  'than', 'then', 'also', 'just', 'like', 'tell', 'show', 'give', 'want', 'need', 'know', 'see', 'let', 'lets', 'am',
  'not', 'no', 'yes', 'best', 'good', 'more', 'most', 'over', 'under', 'money', 'anything', 'something', 'after',
  'before', 'up', 'out', 'off',
];

export const ES_FUNCTION_WORDS: readonly string[] = [
  'el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'de', 'del', 'al', 'y', 'e', 'o', 'u', 'que', 'cual',
  'cuales', 'quien', 'quienes', 'cuando', 'cuanto', 'cuanta', 'cuantos', 'cuantas', 'como', 'donde', 'por', 'para',
  'con', 'sin', 'en', 'es', 'son', 'esta', 'estan', 'este', 'estos', 'estas', 'ese', 'esa', 'eso', 'mi', 'mis', 'tu',
  'tus', 'su', 'sus', 'me', 'te', 'se', 'nos', 'lo', 'le', 'les', 'ya', 'muy', 'mas', 'menos', 'pero', 'si', 'tengo',
  'tiene', 'tienes', 'hay', 'juega', 'juegan', 'jugar', 'partido', 'partidos', 'hoy', 'manana', 'semana', 'fin',
  'proximo', 'proxima', 'apuesta', 'apuestas', 'apuesto', 'apostar', 'cuotas', 'cuota', 'gana', 'ganar', 'ganaria',
  'mejor', 'hola', 'buenas', 'buenos', 'gracias', 'quiero', 'puedo', 'puedes', 'dime', 'dame', 'sobre', 'entre',
  'contra', 'ahora', 'tambien', 'pasa', 'hace', 'ser', 'va', 'van', 'voy', 'equipo', 'equipos', 'noche', 'tarde',
  'dia', 'dias', 'domingo', 'sabado', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'ganador', 'empate',
  'pues', 'porfa',
];

const EXTRA_COMMON: readonly string[] = [
  'player', 'players', 'team', 'teams', 'league', 'leagues', 'table', 'goals', 'goal', 'score', 'scored', 'scorer',
  'city', 'united', 'real', 'club', 'sporting', 'athletic', 'atletico', 'deportivo', 'racing', 'state', 'golden',
  'saint', 'santa', 'west', 'east', 'north', 'south', 'new', 'old', 'young', 'boys', 'rangers', 'wanderers', 'town',
  'county', 'athletico', 'union', 'olympique', 'inter', 'internacional', 'nacional', 'central', 'national', 'sport',
  'sports', 'heat', 'magic', 'thunder', 'kings', 'jazz', 'nets', 'bucks', 'suns', 'bulls', 'hawks', 'hotspur',
  'albion', 'forest', 'palace', 'villa', 'borussia', 'juventud', 'liga', 'copa', 'cup', 'premier', 'champions',
  'world', 'free', 'money', 'euros', 'dollars', 'pounds', 'libras', 'dolares', 'pesos', 'balance', 'saldo', 'would',
  'could', 'should', 'there', 'their', 'where', 'which', 'about', 'think', 'thing', 'things', 'people', 'right',
  'great', 'other', 'first', 'second', 'third', 'last', 'time', 'times', 'year', 'years', 'days', 'month', 'months',
  'hour', 'hours', 'minute', 'minutes', 'point', 'points', 'place', 'home', 'away', 'draw', 'result', 'results',
  'winner', 'winners', 'season', 'temporada', 'jugador', 'jugadores', 'entrenador', 'coach', 'manager', 'stadium',
  'estadio', 'partida', 'juego', 'juegos', 'tiempo', 'mucho', 'mucha', 'poco', 'todo', 'todos', 'nada', 'algo',
  'alguien', 'nadie', 'otro', 'otra', 'mismo', 'misma', 'bien', 'bueno', 'buena', 'malo', 'mala', 'grande', 'gran',
  'nuevo', 'nueva', 'ultimo', 'ultima', 'primero', 'primera', 'segundo', 'segunda', 'while', 'still', 'again',
  'never', 'always', 'every', 'everything', 'really', 'maybe', 'quite', 'sure', 'safe', 'value', 'worth', 'cash',
  'account', 'cuenta', 'dinero', 'plata', 'pasta', 'credit', 'credito', 'fondos', 'funds', 'wallet', 'history',
  'historia', 'group', 'grupo', 'final', 'finals', 'semifinal', 'round', 'ronda', 'played', 'playing', 'plays',
  'jugado', 'jugaron', 'jugara', 'ganado', 'gano', 'perdio', 'lost', 'won', 'beat', 'beaten', 'house', 'water',
  'weather', 'pizza', 'music', 'movie', 'movies', 'hello', 'hallo', 'thanks', 'cheers', 'basquet', 'baloncesto',
  'basket', 'basketball', 'football', 'futbol', 'soccer', 'hamburger', 'hockey', 'tennis', 'madre', 'padre', 'amigo',
  'amigos', 'friend', 'friends', 'paris', 'london', 'milan', 'madrid', 'munich', 'boston',
];

export const COMMON_WORDS: ReadonlySet<string> = new Set([...EN_FUNCTION_WORDS, ...ES_FUNCTION_WORDS, ...EXTRA_COMMON]);
