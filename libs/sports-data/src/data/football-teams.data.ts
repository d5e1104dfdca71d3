import type { TeamRecord } from '../directory.types.js';
import { FOOTBALL_SPORT_ID } from '../domain/sport.js';
import {
  BUNDESLIGA_ID,
  CHAMPIONS_LEAGUE_ID,
  LA_LIGA_ID,
  LIGUE_1_ID,
  PREMIER_LEAGUE_ID,
  SERIE_A_ID,
} from './tournaments.data.js';

interface ClubSpec {
  id: string;
  name: string;
  nameEs?: string;
  aliases: string[];
  attack: number;
  defence: number;
  venue: string;
  /** Plays the Champions League league phase. */
  europe?: boolean;
}

function league(tournamentId: string, country: string, clubs: ClubSpec[]): TeamRecord[] {
  return clubs.map(({ id, name, nameEs, aliases, attack, defence, venue, europe }) => ({
    id,
    name,
    ...(nameEs === undefined ? {} : { nameEs }),
    aliases,
    country,
    sportId: FOOTBALL_SPORT_ID,
    tournamentIds: europe ? [tournamentId, CHAMPIONS_LEAGUE_ID] : [tournamentId],
    rating: { attack, defence },
    venue,
  }));
}

function europeanGuest(country: string, spec: Omit<ClubSpec, 'europe'>): TeamRecord {
  const { id, name, nameEs, aliases, attack, defence, venue } = spec;
  return {
    id,
    name,
    ...(nameEs === undefined ? {} : { nameEs }),
    aliases,
    country,
    sportId: FOOTBALL_SPORT_ID,
    tournamentIds: [CHAMPIONS_LEAGUE_ID],
    rating: { attack, defence },
    venue,
  };
}

// Squads of the 2025-26 season; ratings are hand-set so that title contenders clearly out-price the rest.
const LA_LIGA: TeamRecord[] = league(LA_LIGA_ID, 'Spain', [
  { id: '1001', name: 'Barcelona', aliases: ['Barça', 'FC Barcelona', 'Blaugrana', 'Barsa'], attack: 1.6, defence: 1.25, venue: 'Spotify Camp Nou', europe: true },
  { id: '1002', name: 'Real Madrid', aliases: ['Madrid', 'Real Madrid CF', 'Los Blancos', 'Merengues'], attack: 1.55, defence: 1.4, venue: 'Santiago Bernabéu', europe: true },
  { id: '1003', name: 'Atletico Madrid', nameEs: 'Atlético de Madrid', aliases: ['Atleti', 'Atlético Madrid', 'Atletico de Madrid', 'Atlético', 'Colchoneros'], attack: 1.3, defence: 1.4, venue: 'Riyadh Air Metropolitano', europe: true },
  { id: '1004', name: 'Athletic Bilbao', nameEs: 'Athletic Club', aliases: ['Athletic Club', 'Athletic', 'Bilbao', 'Athletic de Bilbao'], attack: 1.12, defence: 1.25, venue: 'San Mamés', europe: true },
  { id: '1005', name: 'Villarreal', aliases: ['Villarreal CF', 'Submarino Amarillo', 'Yellow Submarine'], attack: 1.2, defence: 1.1, venue: 'Estadio de la Cerámica', europe: true },
  { id: '1006', name: 'Real Betis', aliases: ['Betis', 'Real Betis Balompié'], attack: 1.1, defence: 1.02, venue: 'Estadio de La Cartuja' },
  { id: '1007', name: 'Real Sociedad', aliases: ['La Real', 'Sociedad', 'Real Sociedad de Fútbol'], attack: 1.0, defence: 1.05, venue: 'Reale Arena' },
  { id: '1008', name: 'Sevilla', nameEs: 'Sevilla', aliases: ['Sevilla FC', 'Seville'], attack: 0.95, defence: 0.92, venue: 'Ramón Sánchez-Pizjuán' },
  { id: '1009', name: 'Valencia', aliases: ['Valencia CF', 'Los Che'], attack: 0.92, defence: 0.95, venue: 'Mestalla' },
  { id: '1010', name: 'Celta Vigo', nameEs: 'Celta de Vigo', aliases: ['Celta', 'RC Celta'], attack: 1.0, defence: 0.92, venue: 'Abanca-Balaídos' },
  { id: '1011', name: 'Girona', aliases: ['Girona FC'], attack: 0.95, defence: 0.85, venue: 'Estadi Montilivi' },
  { id: '1012', name: 'Osasuna', aliases: ['CA Osasuna'], attack: 0.88, defence: 0.98, venue: 'El Sadar' },
  { id: '1013', name: 'Rayo Vallecano', aliases: ['Rayo'], attack: 0.92, defence: 0.95, venue: 'Estadio de Vallecas' },
  { id: '1014', name: 'Getafe', aliases: ['Getafe CF'], attack: 0.78, defence: 1.05, venue: 'Coliseum' },
  { id: '1015', name: 'Mallorca', aliases: ['RCD Mallorca'], attack: 0.85, defence: 0.92, venue: 'Estadi Mallorca Son Moix' },
  { id: '1016', name: 'Espanyol', aliases: ['RCD Espanyol', 'Espanyol Barcelona'], attack: 0.9, defence: 0.92, venue: 'RCDE Stadium' },
  { id: '1017', name: 'Alaves', nameEs: 'Alavés', aliases: ['Deportivo Alavés'], attack: 0.85, defence: 0.95, venue: 'Mendizorrotza' },
  { id: '1018', name: 'Elche', aliases: ['Elche CF'], attack: 0.88, defence: 0.85, venue: 'Estadio Martínez Valero' },
  { id: '1019', name: 'Levante', aliases: ['Levante UD'], attack: 0.88, defence: 0.8, venue: 'Ciutat de València' },
  { id: '1020', name: 'Real Oviedo', aliases: ['Oviedo'], attack: 0.75, defence: 0.85, venue: 'Carlos Tartiere' },
]);

const PREMIER_LEAGUE: TeamRecord[] = league(PREMIER_LEAGUE_ID, 'England', [
  { id: '2001', name: 'Arsenal', aliases: ['Arsenal FC', 'Gunners', 'The Gunners'], attack: 1.45, defence: 1.5, venue: 'Emirates Stadium', europe: true },
  { id: '2002', name: 'Manchester City', nameEs: 'Manchester City', aliases: ['Man City', 'City', 'Man. City', 'Citizens', 'MCFC'], attack: 1.6, defence: 1.35, venue: 'Etihad Stadium', europe: true },
  { id: '2003', name: 'Manchester United', nameEs: 'Manchester United', aliases: ['Man United', 'Man Utd', 'Manchester Utd', 'Man U', 'MUFC', 'Red Devils'], attack: 1.15, defence: 1.0, venue: 'Old Trafford' },
  { id: '2004', name: 'Liverpool', aliases: ['Liverpool FC', 'LFC', 'The Reds'], attack: 1.5, defence: 1.2, venue: 'Anfield', europe: true },
  { id: '2005', name: 'Chelsea', aliases: ['Chelsea FC', 'The Blues', 'CFC'], attack: 1.35, defence: 1.25, venue: 'Stamford Bridge', europe: true },
  { id: '2006', name: 'Tottenham Hotspur', aliases: ['Tottenham', 'Spurs', 'THFC'], attack: 1.15, defence: 1.05, venue: 'Tottenham Hotspur Stadium', europe: true },
  { id: '2007', name: 'Newcastle United', aliases: ['Newcastle', 'Magpies', 'NUFC', 'Toon'], attack: 1.2, defence: 1.15, venue: "St James' Park", europe: true },
  { id: '2008', name: 'Aston Villa', aliases: ['Villa', 'AVFC'], attack: 1.15, defence: 1.1, venue: 'Villa Park' },
  { id: '2009', name: 'Brighton & Hove Albion', aliases: ['Brighton', 'Brighton and Hove Albion', 'Seagulls'], attack: 1.05, defence: 1.0, venue: 'American Express Stadium' },
  { id: '2010', name: 'Brentford', aliases: ['Brentford FC', 'Bees'], attack: 1.0, defence: 0.92, venue: 'Gtech Community Stadium' },
  { id: '2011', name: 'Bournemouth', aliases: ['AFC Bournemouth', 'Cherries'], attack: 1.05, defence: 0.95, venue: 'Vitality Stadium' },
  { id: '2012', name: 'Crystal Palace', aliases: ['Palace', 'CPFC'], attack: 1.0, defence: 1.05, venue: 'Selhurst Park' },
  { id: '2013', name: 'Fulham', aliases: ['Fulham FC', 'Cottagers'], attack: 0.95, defence: 0.95, venue: 'Craven Cottage' },
  { id: '2014', name: 'Everton', aliases: ['Everton FC', 'Toffees'], attack: 0.9, defence: 1.05, venue: 'Hill Dickinson Stadium' },
  { id: '2015', name: 'Nottingham Forest', aliases: ['Forest', "Nott'm Forest", 'Nottingham'], attack: 0.95, defence: 1.0, venue: 'City Ground' },
  { id: '2016', name: 'West Ham United', aliases: ['West Ham', 'Hammers', 'WHUFC'], attack: 0.95, defence: 0.85, venue: 'London Stadium' },
  { id: '2017', name: 'Wolverhampton Wanderers', aliases: ['Wolves', 'Wolverhampton'], attack: 0.8, defence: 0.85, venue: 'Molineux Stadium' },
  { id: '2018', name: 'Leeds United', aliases: ['Leeds', 'LUFC'], attack: 0.88, defence: 0.9, venue: 'Elland Road' },
  { id: '2019', name: 'Burnley', aliases: ['Burnley FC', 'Clarets'], attack: 0.75, defence: 0.85, venue: 'Turf Moor' },
  { id: '2020', name: 'Sunderland', aliases: ['Sunderland AFC', 'Black Cats'], attack: 0.85, defence: 0.95, venue: 'Stadium of Light' },
]);

const SERIE_A: TeamRecord[] = league(SERIE_A_ID, 'Italy', [
  { id: '3001', name: 'Juventus', aliases: ['Juve', 'Juventus FC', 'Bianconeri', 'Vecchia Signora'], attack: 1.2, defence: 1.35, venue: 'Allianz Stadium', europe: true },
  { id: '3002', name: 'AC Milan', nameEs: 'AC Milan', aliases: ['Milan', 'A.C. Milan', 'Rossoneri'], attack: 1.25, defence: 1.25, venue: 'San Siro' },
  { id: '3003', name: 'Inter', nameEs: 'Inter de Milán', aliases: ['Inter Milan', 'Internazionale', 'Inter Milano', 'Nerazzurri', 'FC Internazionale Milano'], attack: 1.45, defence: 1.35, venue: 'San Siro', europe: true },
  { id: '3004', name: 'Napoli', nameEs: 'Nápoles', aliases: ['SSC Napoli', 'Naples', 'Partenopei'], attack: 1.3, defence: 1.35, venue: 'Stadio Diego Armando Maradona', europe: true },
  { id: '3005', name: 'Roma', aliases: ['AS Roma', 'Giallorossi'], attack: 1.1, defence: 1.3, venue: 'Stadio Olimpico' },
  { id: '3006', name: 'Lazio', aliases: ['SS Lazio', 'Biancocelesti'], attack: 1.0, defence: 1.1, venue: 'Stadio Olimpico' },
  { id: '3007', name: 'Atalanta', aliases: ['Atalanta BC', 'La Dea'], attack: 1.25, defence: 1.1, venue: 'Gewiss Stadium', europe: true },
  { id: '3008', name: 'Bologna', aliases: ['Bologna FC', 'Rossoblù'], attack: 1.1, defence: 1.1, venue: "Stadio Renato Dall'Ara" },
  { id: '3009', name: 'Fiorentina', aliases: ['ACF Fiorentina', 'Viola'], attack: 0.95, defence: 0.95, venue: 'Stadio Artemio Franchi' },
  { id: '3010', name: 'Como', aliases: ['Como 1907'], attack: 1.05, defence: 1.1, venue: 'Stadio Giuseppe Sinigaglia' },
  { id: '3011', name: 'Torino', aliases: ['Torino FC', 'Toro', 'Granata'], attack: 0.9, defence: 0.95, venue: 'Stadio Olimpico Grande Torino' },
  { id: '3012', name: 'Udinese', aliases: ['Udinese Calcio'], attack: 0.85, defence: 0.95, venue: 'Bluenergy Stadium' },
  { id: '3013', name: 'Genoa', aliases: ['Genoa CFC', 'Grifone'], attack: 0.85, defence: 0.95, venue: 'Stadio Luigi Ferraris' },
  { id: '3014', name: 'Hellas Verona', aliases: ['Verona'], attack: 0.78, defence: 0.85, venue: 'Stadio Marcantonio Bentegodi' },
  { id: '3015', name: 'Cagliari', aliases: ['Cagliari Calcio'], attack: 0.85, defence: 0.9, venue: 'Unipol Domus' },
  { id: '3016', name: 'Lecce', aliases: ['US Lecce'], attack: 0.72, defence: 0.9, venue: 'Stadio Via del Mare' },
  { id: '3017', name: 'Parma', aliases: ['Parma Calcio'], attack: 0.8, defence: 0.92, venue: 'Stadio Ennio Tardini' },
  { id: '3018', name: 'Sassuolo', aliases: ['US Sassuolo', 'Neroverdi'], attack: 0.92, defence: 0.88, venue: 'Mapei Stadium' },
  { id: '3019', name: 'Cremonese', aliases: ['US Cremonese'], attack: 0.82, defence: 0.88, venue: 'Stadio Giovanni Zini' },
  { id: '3020', name: 'Pisa', aliases: ['Pisa SC'], attack: 0.75, defence: 0.88, venue: 'Arena Garibaldi' },
]);

const BUNDESLIGA: TeamRecord[] = league(BUNDESLIGA_ID, 'Germany', [
  { id: '4001', name: 'Bayern Munich', nameEs: 'Bayern de Múnich', aliases: ['Bayern', 'FC Bayern', 'Bayern München', 'Bayern Munchen', 'FC Bayern Munich'], attack: 1.7, defence: 1.3, venue: 'Allianz Arena', europe: true },
  { id: '4002', name: 'Borussia Dortmund', aliases: ['Dortmund', 'BVB', 'BVB 09'], attack: 1.3, defence: 1.1, venue: 'Signal Iduna Park', europe: true },
  { id: '4003', name: 'RB Leipzig', aliases: ['Leipzig', 'RasenBallsport Leipzig'], attack: 1.25, defence: 1.05, venue: 'Red Bull Arena' },
  { id: '4004', name: 'Bayer Leverkusen', aliases: ['Leverkusen', 'Bayer 04', 'Bayer 04 Leverkusen', 'Werkself'], attack: 1.25, defence: 1.1, venue: 'BayArena', europe: true },
  { id: '4005', name: 'Eintracht Frankfurt', aliases: ['Frankfurt', 'Eintracht', 'SGE'], attack: 1.15, defence: 0.95, venue: 'Deutsche Bank Park', europe: true },
  { id: '4006', name: 'VfB Stuttgart', aliases: ['Stuttgart'], attack: 1.15, defence: 1.0, venue: 'MHPArena' },
  { id: '4007', name: 'SC Freiburg', aliases: ['Freiburg'], attack: 0.95, defence: 1.0, venue: 'Europa-Park Stadion' },
  { id: '4008', name: 'Borussia Mönchengladbach', aliases: ['Gladbach', 'Mönchengladbach', "Borussia M'gladbach", 'Moenchengladbach', 'BMG'], attack: 0.92, defence: 0.88, venue: 'Borussia-Park' },
  { id: '4009', name: 'VfL Wolfsburg', aliases: ['Wolfsburg'], attack: 0.92, defence: 0.88, venue: 'Volkswagen Arena' },
  { id: '4010', name: 'Werder Bremen', aliases: ['Bremen', 'Werder', 'SV Werder Bremen'], attack: 0.95, defence: 0.85, venue: 'Weserstadion' },
  { id: '4011', name: 'TSG Hoffenheim', aliases: ['Hoffenheim', 'TSG 1899 Hoffenheim'], attack: 1.05, defence: 0.88, venue: 'PreZero Arena' },
  { id: '4012', name: 'Mainz 05', aliases: ['Mainz', '1. FSV Mainz 05', 'FSV Mainz'], attack: 0.88, defence: 0.98, venue: 'Mewa Arena' },
  { id: '4013', name: 'Union Berlin', aliases: ['1. FC Union Berlin', 'Union', 'Eisern Union'], attack: 0.85, defence: 1.0, venue: 'Stadion An der Alten Försterei' },
  { id: '4014', name: 'FC Augsburg', aliases: ['Augsburg'], attack: 0.85, defence: 0.9, venue: 'WWK Arena' },
  { id: '4015', name: '1. FC Köln', nameEs: 'Colonia', aliases: ['Köln', 'FC Köln', 'Koeln', 'Cologne', 'FC Cologne'], attack: 0.9, defence: 0.88, venue: 'RheinEnergieStadion' },
  { id: '4016', name: 'Hamburger SV', aliases: ['Hamburg', 'HSV'], attack: 0.85, defence: 0.88, venue: 'Volksparkstadion' },
  { id: '4017', name: 'FC St. Pauli', aliases: ['St. Pauli', 'Sankt Pauli'], attack: 0.78, defence: 0.95, venue: 'Millerntor-Stadion' },
  { id: '4018', name: '1. FC Heidenheim', aliases: ['Heidenheim', 'FC Heidenheim'], attack: 0.78, defence: 0.82, venue: 'Voith-Arena' },
]);

const LIGUE_1: TeamRecord[] = league(LIGUE_1_ID, 'France', [
  { id: '5001', name: 'Paris Saint-Germain', nameEs: 'París Saint-Germain', aliases: ['PSG', 'Paris SG', 'Paris Saint Germain'], attack: 1.6, defence: 1.35, venue: 'Parc des Princes', europe: true },
  { id: '5002', name: 'Marseille', nameEs: 'Olympique de Marsella', aliases: ['Olympique de Marseille', 'Olympique Marseille', 'OM', 'Marsella'], attack: 1.2, defence: 1.05, venue: 'Orange Vélodrome', europe: true },
  { id: '5003', name: 'Monaco', nameEs: 'Mónaco', aliases: ['AS Monaco'], attack: 1.15, defence: 1.0, venue: 'Stade Louis II', europe: true },
  { id: '5004', name: 'Lyon', nameEs: 'Olympique de Lyon', aliases: ['Olympique Lyonnais', 'Olympique Lyon', 'OL'], attack: 1.1, defence: 1.05, venue: 'Groupama Stadium' },
  { id: '5005', name: 'Lille', aliases: ['LOSC', 'LOSC Lille', 'Lille OSC'], attack: 1.1, defence: 1.05, venue: 'Stade Pierre-Mauroy' },
  { id: '5006', name: 'Lens', aliases: ['RC Lens', 'Racing Lens'], attack: 1.0, defence: 1.1, venue: 'Stade Bollaert-Delelis' },
  { id: '5007', name: 'Nice', nameEs: 'Niza', aliases: ['OGC Nice'], attack: 0.95, defence: 1.0, venue: 'Allianz Riviera' },
  { id: '5008', name: 'Strasbourg', nameEs: 'Estrasburgo', aliases: ['RC Strasbourg', 'Racing Strasbourg'], attack: 1.0, defence: 0.95, venue: 'Stade de la Meinau' },
  { id: '5009', name: 'Rennes', aliases: ['Stade Rennais'], attack: 0.95, defence: 0.92, venue: 'Roazhon Park' },
  { id: '5010', name: 'Brest', aliases: ['Stade Brestois'], attack: 0.88, defence: 0.88, venue: 'Stade Francis-Le Blé' },
  { id: '5011', name: 'Toulouse', aliases: ['Toulouse FC', 'TFC'], attack: 0.9, defence: 0.95, venue: 'Stadium de Toulouse' },
  { id: '5012', name: 'Nantes', aliases: ['FC Nantes'], attack: 0.8, defence: 0.9, venue: 'Stade de la Beaujoire' },
  { id: '5013', name: 'Auxerre', aliases: ['AJ Auxerre', 'AJA'], attack: 0.8, defence: 0.88, venue: "Stade de l'Abbé-Deschamps" },
  { id: '5014', name: 'Angers', aliases: ['Angers SCO', 'SCO Angers'], attack: 0.72, defence: 0.88, venue: 'Stade Raymond-Kopa' },
  { id: '5015', name: 'Le Havre', aliases: ['Le Havre AC', 'HAC'], attack: 0.75, defence: 0.88, venue: 'Stade Océane' },
  { id: '5016', name: 'Lorient', aliases: ['FC Lorient'], attack: 0.85, defence: 0.82, venue: 'Stade du Moustoir' },
  { id: '5017', name: 'Paris FC', aliases: ['PFC'], attack: 0.88, defence: 0.85, venue: 'Stade Jean-Bouin' },
  { id: '5018', name: 'Metz', aliases: ['FC Metz'], attack: 0.75, defence: 0.78, venue: 'Stade Saint-Symphorien' },
]);

// Champions League league-phase sides from outside the five leagues above.
const EUROPEAN_GUESTS: TeamRecord[] = [
  europeanGuest('Portugal', { id: '6001', name: 'Benfica', aliases: ['SL Benfica', 'Sport Lisboa e Benfica'], attack: 1.15, defence: 1.1, venue: 'Estádio da Luz' }),
  europeanGuest('Portugal', { id: '6002', name: 'Sporting CP', nameEs: 'Sporting de Lisboa', aliases: ['Sporting', 'Sporting Lisbon', 'Sporting Lisboa', 'Sporting Clube de Portugal'], attack: 1.15, defence: 1.05, venue: 'Estádio José Alvalade' }),
  europeanGuest('Netherlands', { id: '6003', name: 'PSV Eindhoven', aliases: ['PSV', 'Eindhoven'], attack: 1.15, defence: 0.95, venue: 'Philips Stadion' }),
  europeanGuest('Netherlands', { id: '6004', name: 'Ajax', aliases: ['AFC Ajax', 'Ajax Amsterdam'], attack: 1.0, defence: 0.95, venue: 'Johan Cruijff ArenA' }),
  europeanGuest('Belgium', { id: '6005', name: 'Club Brugge', nameEs: 'Brujas', aliases: ['Brugge', 'Club Bruges', 'Bruges'], attack: 1.0, defence: 0.95, venue: 'Jan Breydel Stadium' }),
  europeanGuest('Belgium', { id: '6006', name: 'Union Saint-Gilloise', aliases: ['Union SG', 'Union St.-Gilloise', 'USG', 'Royale Union Saint-Gilloise'], attack: 0.95, defence: 1.0, venue: 'Stade Joseph Marien' }),
  europeanGuest('Turkey', { id: '6007', name: 'Galatasaray', aliases: ['Gala', 'Cimbom', 'Galatasaray SK'], attack: 1.1, defence: 0.95, venue: 'RAMS Park' }),
  europeanGuest('Greece', { id: '6008', name: 'Olympiacos', aliases: ['Olympiakos', 'Olympiacos Piraeus', 'Olympiacos FC'], attack: 0.95, defence: 0.95, venue: 'Georgios Karaiskakis Stadium' }),
  europeanGuest('Denmark', { id: '6009', name: 'Copenhagen', nameEs: 'Copenhague', aliases: ['FC Copenhagen', 'FC København', 'København', 'FCK'], attack: 0.9, defence: 0.9, venue: 'Parken' }),
  europeanGuest('Norway', { id: '6010', name: 'Bodø/Glimt', aliases: ['Bodo Glimt', 'FK Bodø/Glimt', 'Glimt'], attack: 0.95, defence: 0.85, venue: 'Aspmyra Stadion' }),
  europeanGuest('Czech Republic', { id: '6011', name: 'Slavia Prague', nameEs: 'Slavia de Praga', aliases: ['Slavia Praha', 'SK Slavia Praha', 'Slavia'], attack: 0.9, defence: 0.95, venue: 'Fortuna Arena' }),
  europeanGuest('Azerbaijan', { id: '6012', name: 'Qarabağ', aliases: ['Qarabag FK', 'Qarabağ FK', 'Karabakh'], attack: 0.85, defence: 0.8, venue: 'Tofiq Bahramov Republican Stadium' }),
  europeanGuest('Kazakhstan', { id: '6013', name: 'Kairat Almaty', aliases: ['Kairat', 'FC Kairat'], attack: 0.72, defence: 0.75, venue: 'Central Stadium Almaty' }),
  europeanGuest('Cyprus', { id: '6014', name: 'Pafos', aliases: ['Pafos FC', 'Paphos'], attack: 0.78, defence: 0.85, venue: 'Alphamega Stadium' }),
];

export const FOOTBALL_TEAM_DATA: readonly TeamRecord[] = [
  ...LA_LIGA,
  ...PREMIER_LEAGUE,
  ...SERIE_A,
  ...BUNDESLIGA,
  ...LIGUE_1,
  ...EUROPEAN_GUESTS,
];
