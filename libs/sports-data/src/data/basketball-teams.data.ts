import type { TeamRecord } from '../directory.types.js';
import { BASKETBALL_SPORT_ID } from '../domain/sport.js';
import { EUROLEAGUE_ID, NBA_ID } from './tournaments.data.js';

type Row = [id: string, name: string, aliases: string[], attack: number, defence: number, venue: string, country?: string];

function teams(tournamentId: string, defaultCountry: string, rows: Row[]): TeamRecord[] {
  return rows.map(([id, name, aliases, attack, defence, venue, country]) => ({
    id,
    name,
    aliases,
    country: country ?? defaultCountry,
    sportId: BASKETBALL_SPORT_ID,
    tournamentIds: [tournamentId],
    rating: { attack, defence },
    venue,
  }));
}

// Point ratings stay within a few percent of 1.0: a 5% edge is already a double-digit spread.
const NBA: TeamRecord[] = teams(NBA_ID, 'USA', [
  ['7001', 'Boston Celtics', ['Celtics', 'Boston'], 1.02, 1.02, 'TD Garden'],
  ['7002', 'Brooklyn Nets', ['Nets', 'Brooklyn'], 0.96, 0.97, 'Barclays Center'],
  ['7003', 'New York Knicks', ['Knicks', 'New York', 'NY Knicks'], 1.03, 1.02, 'Madison Square Garden'],
  ['7004', 'Philadelphia 76ers', ['76ers', 'Sixers', 'Philadelphia', 'Philly'], 0.99, 0.99, 'Xfinity Mobile Arena'],
  ['7005', 'Toronto Raptors', ['Raptors', 'Toronto'], 0.99, 1.0, 'Scotiabank Arena', 'Canada'],
  ['7006', 'Chicago Bulls', ['Bulls', 'Chicago'], 1.0, 0.98, 'United Center'],
  ['7007', 'Cleveland Cavaliers', ['Cavaliers', 'Cavs', 'Cleveland'], 1.03, 1.02, 'Rocket Arena'],
  ['7008', 'Detroit Pistons', ['Pistons', 'Detroit'], 1.02, 1.03, 'Little Caesars Arena'],
  ['7009', 'Indiana Pacers', ['Pacers', 'Indiana'], 0.97, 0.98, 'Gainbridge Fieldhouse'],
  ['7010', 'Milwaukee Bucks', ['Bucks', 'Milwaukee'], 0.99, 0.99, 'Fiserv Forum'],
  ['7011', 'Atlanta Hawks', ['Hawks', 'Atlanta'], 1.01, 0.99, 'State Farm Arena'],
  ['7012', 'Charlotte Hornets', ['Hornets', 'Charlotte'], 0.98, 0.97, 'Spectrum Center'],
  ['7013', 'Miami Heat', ['Heat', 'Miami'], 1.01, 0.99, 'Kaseya Center'],
  ['7014', 'Orlando Magic', ['Magic', 'Orlando'], 1.0, 1.02, 'Kia Center'],
  ['7015', 'Washington Wizards', ['Wizards', 'Washington'], 0.95, 0.95, 'Capital One Arena'],
  ['7016', 'Denver Nuggets', ['Nuggets', 'Denver'], 1.04, 1.0, 'Ball Arena'],
  ['7017', 'Minnesota Timberwolves', ['Timberwolves', 'T-Wolves', 'Minnesota'], 1.01, 1.02, 'Target Center'],
  ['7018', 'Oklahoma City Thunder', ['Thunder', 'OKC', 'Oklahoma City'], 1.04, 1.05, 'Paycom Center'],
  ['7019', 'Portland Trail Blazers', ['Trail Blazers', 'Blazers', 'Portland'], 0.98, 0.98, 'Moda Center'],
  ['7020', 'Utah Jazz', ['Jazz', 'Utah'], 0.97, 0.95, 'Delta Center'],
  ['7021', 'Golden State Warriors', ['Warriors', 'Golden State', 'GSW', 'Dubs'], 1.01, 1.01, 'Chase Center'],
  ['7022', 'Los Angeles Clippers', ['Clippers', 'LA Clippers', 'LAC'], 0.98, 0.99, 'Intuit Dome'],
  ['7023', 'Los Angeles Lakers', ['Lakers', 'LA Lakers', 'LAL'], 1.03, 0.99, 'Crypto.com Arena'],
  ['7024', 'Phoenix Suns', ['Suns', 'Phoenix'], 0.99, 0.99, 'Mortgage Matchup Center'],
  ['7025', 'Sacramento Kings', ['Kings', 'Sacramento'], 0.97, 0.96, 'Golden 1 Center'],
  ['7026', 'Dallas Mavericks', ['Mavericks', 'Mavs', 'Dallas'], 0.98, 1.0, 'American Airlines Center'],
  ['7027', 'Houston Rockets', ['Rockets', 'Houston'], 1.02, 1.03, 'Toyota Center'],
  ['7028', 'Memphis Grizzlies', ['Grizzlies', 'Grizz', 'Memphis'], 0.99, 0.98, 'FedExForum'],
  ['7029', 'New Orleans Pelicans', ['Pelicans', 'Pels', 'New Orleans'], 0.96, 0.96, 'Smoothie King Center'],
  // "Spurs" alone is Tottenham's alias: one key, one team.
  ['7030', 'San Antonio Spurs', ['San Antonio', 'SA Spurs'], 1.02, 1.01, 'Frost Bank Center'],
]);

// Canonical names carry a basketball suffix where the football club of the same name is also listed.
const EUROLEAGUE: TeamRecord[] = teams(EUROLEAGUE_ID, 'Spain', [
  ['8001', 'Real Madrid Baloncesto', ['Real Madrid Basketball', 'Real Madrid Basket', 'Real Madrid BC'], 1.03, 1.02, 'Movistar Arena'],
  ['8002', 'FC Barcelona Bàsquet', ['Barça Basket', 'Barcelona Basketball', 'Barça Bàsquet'], 1.02, 1.0, 'Palau Blaugrana'],
  ['8003', 'Olympiacos BC', ['Olympiacos Basketball', 'Olympiacos Piraeus BC'], 1.02, 1.03, 'Peace and Friendship Stadium', 'Greece'],
  ['8004', 'Panathinaikos', ['Panathinaikos AKTOR', 'Panathinaikos Athens', 'PAO'], 1.03, 1.01, 'Telekom Center Athens', 'Greece'],
  ['8005', 'Fenerbahçe Beko', ['Fenerbahçe', 'Fener'], 1.02, 1.03, 'Ülker Sports Arena', 'Turkey'],
  ['8006', 'Anadolu Efes', ['Efes'], 0.99, 0.98, 'Sinan Erdem Dome', 'Turkey'],
  ['8007', 'Maccabi Tel Aviv', ['Maccabi', 'Maccabi Playtika Tel Aviv'], 1.0, 0.97, 'Menora Mivtachim Arena', 'Israel'],
  ['8008', 'Žalgiris Kaunas', ['Žalgiris', 'Zalgiris'], 0.99, 1.01, 'Žalgirio Arena', 'Lithuania'],
  ['8009', 'Partizan Belgrade', ['Partizan', 'KK Partizan', 'Partizan Mozzart Bet'], 0.98, 0.99, 'Belgrade Arena', 'Serbia'],
  ['8010', 'Crvena Zvezda', ['Red Star', 'Red Star Belgrade', 'Zvezda', 'Crvena Zvezda Meridianbet'], 0.99, 1.0, 'Belgrade Arena', 'Serbia'],
  ['8011', 'Olimpia Milano', ['EA7 Emporio Armani Milano', 'Armani Milano', 'Olimpia Milan'], 0.99, 0.99, 'Unipol Forum', 'Italy'],
  ['8012', 'Baskonia', ['Kosner Baskonia', 'Saski Baskonia', 'Baskonia Vitoria'], 0.98, 0.96, 'Fernando Buesa Arena'],
]);

export const BASKETBALL_TEAM_DATA: readonly TeamRecord[] = [...NBA, ...EUROLEAGUE];
