import { normalizePhrase } from './text-normalizer.js';

/**
 * Well-known players, used only as a hint that a question is about people rather than fixtures
 * or prices ("Is Mbappé injured?", "¿Juega Lamine Yamal mañana?"). Not returned as entities.
 * Surnames that are also everyday words (Rice, Walker, James, Curry) are left out on purpose.
 */
const PLAYERS: readonly string[] = [
  'Messi', 'Cristiano Ronaldo', 'Ronaldo', 'CR7', 'Mbappé', 'Haaland', 'Vinicius', 'Vini Jr', 'Lamine Yamal', 'Yamal',
  'Bellingham', 'Harry Kane', 'Kane', 'Salah', 'Lewandowski', 'Modric', 'Pedri', 'Gavi', 'Griezmann', 'Lautaro',
  'Lautaro Martinez', 'Osimhen', 'Kvaratskhelia', 'Saka', 'Odegaard', 'Rodri', 'Foden', 'Cole Palmer', 'Musiala',
  'Wirtz', 'Kroos', 'Benzema', 'Neymar', 'De Bruyne', 'Van Dijk', 'Valverde', 'Rodrygo', 'Raphinha', 'Dembélé',
  'Kylian', 'Erling', 'Courtois', 'Ter Stegen', 'Oblak', 'Alisson', 'Donnarumma', 'Lukaku', 'Vlahovic', 'Leao',
  'Nico Williams', 'Olmo', 'Ancelotti', 'Xabi Alonso', 'Guardiola', 'Arteta', 'Simeone', 'Klopp', 'Flick', 'Mourinho',
  'Luis Enrique', 'LeBron', 'LeBron James', 'Stephen Curry', 'Steph Curry', 'Doncic', 'Jokic', 'Giannis',
  'Antetokounmpo', 'Embiid', 'Jayson Tatum', 'Tatum', 'Kevin Durant', 'Durant', 'Wembanyama', 'Wemby',
  'Shai Gilgeous-Alexander', 'SGA', 'Anthony Edwards', 'Jalen Brunson', 'Brunson', 'Ja Morant', 'Morant',
  'Kawhi', 'Kyrie', 'Zion', 'Campazzo', 'Llull', 'Tavares', 'Mirotic',
];

export const PLAYER_PHRASES: ReadonlySet<string> = new Set(PLAYERS.map(normalizePhrase));
export const MAX_PLAYER_TOKENS = Math.max(...[...PLAYER_PHRASES].map((p) => p.split(' ').length));
