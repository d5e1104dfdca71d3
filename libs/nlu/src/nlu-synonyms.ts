/**
 * NLU-only synonyms: nicknames, slang and spelling variants people type in chat.
 * They live here rather than in sports-data because they exist to help matching,
 * not to describe the teams. Keys are resolved against the real records by
 * canonical name or an existing alias (accent- and case-insensitive); keys that
 * match no record are ignored, so this list can never invent a team.
 */
export const NLU_TEAM_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  Barcelona: ['barca', 'barsa', 'el barsa', 'fcb', 'blaugrana', 'azulgrana', 'cules', 'culers'],
  'Real Madrid': ['madrid', 'el madrid', 'real madrid cf', 'los blancos', 'merengues', 'los merengues', 'rmcf', 'madridistas'],
  'Atletico Madrid': ['atletico madrid', 'atletico de madrid', 'atleti', 'atletico', 'atl madrid', 'colchoneros', 'atm'],
  'Manchester United': ['man u', 'man utd', 'man united', 'manchester utd', 'united', 'red devils', 'mufc', 'manu'],
  'Manchester City': ['man city', 'city', 'citizens', 'cityzens', 'mcfc', 'sky blues'],
  Liverpool: ['the reds', 'reds', 'lfc', 'liverpool fc'],
  Chelsea: ['the blues', 'blues', 'cfc', 'chelsea fc'],
  Arsenal: ['gunners', 'the gunners', 'arsenal fc'],
  Tottenham: ['spurs', 'tottenham hotspur', 'hotspur', 'thfc'],
  'Tottenham Hotspur': ['spurs', 'tottenham', 'hotspur', 'thfc'],
  Juventus: ['juve', 'la juve', 'vecchia signora', 'old lady', 'bianconeri', 'juventus fc'],
  'AC Milan': ['milan', 'ac milan', 'rossoneri', 'milan ac'],
  Inter: ['inter milan', 'internazionale', 'nerazzurri', 'inter de milan'],
  'Inter Milan': ['inter', 'internazionale', 'nerazzurri', 'inter de milan'],
  'Bayern Munich': ['bayern', 'bayern munchen', 'fc bayern', 'bayern de munich', 'bavarians', 'fcb munich'],
  'Borussia Dortmund': ['dortmund', 'bvb', 'borussia dortmund'],
  'Paris Saint-Germain': ['psg', 'paris', 'paris sg', 'paris saint germain', 'parisinos'],
  PSG: ['paris saint germain', 'paris', 'paris sg'],
  Sevilla: ['sevilla fc', 'seville'],
  'Real Betis': ['betis', 'el betis'],
  'Athletic Bilbao': ['athletic', 'athletic club', 'bilbao'],
  'Real Sociedad': ['la real', 'sociedad'],
  Napoli: ['naples', 'ssc napoli'],
  Roma: ['as roma', 'giallorossi'],
  'Los Angeles Lakers': ['lakers', 'la lakers', 'l a lakers'],
  'Boston Celtics': ['celtics', 'boston'],
  'Golden State Warriors': ['warriors', 'golden state', 'dubs', 'gsw'],
};

export const NLU_TOURNAMENT_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  LaLiga: ['la liga', 'liga', 'liga espanola', 'spanish league', 'primera division', 'liga santander'],
  'La Liga': ['laliga', 'liga', 'liga espanola', 'spanish league', 'primera division', 'liga santander'],
  'Premier League': ['premier', 'epl', 'english premier league', 'la premier', 'premiership'],
  'UEFA Champions League': ['champions', 'champions league', 'ucl', 'liga de campeones', 'la champions'],
  'Champions League': ['champions', 'ucl', 'uefa champions league', 'liga de campeones', 'la champions'],
  'Serie A': ['calcio', 'italian league', 'liga italiana'],
  Bundesliga: ['german league', 'liga alemana', 'bundes'],
  'Ligue 1': ['french league', 'liga francesa'],
  'UEFA Europa League': ['europa league', 'uel', 'liga europa'],
  'Europa League': ['uel', 'liga europa'],
  NBA: ['national basketball association'],
  EuroLeague: ['euroliga', 'euroleague'],
  'Copa del Rey': ['kings cup', 'copa del rey'],
};

/** Nicknames for famous fixtures, in case the derby table lacks a common form. */
export const NLU_DERBY_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  'El Clasico': ['clasico', 'el clasico', 'the clasico', 'classico', 'clasico espanol'],
  'Madrid derby': ['derbi de madrid', 'derby de madrid', 'derbi madrileno', 'madrid derbi'],
  'Basque derby': ['derby vasco', 'derbi vasco'],
  'Seville derby': ['derbi de sevilla', 'derby de sevilla', 'sevilla derby', 'derbi sevillano'],
  'Manchester derby': ['manchester derby', 'derby de manchester', 'derbi de manchester'],
  'North London derby': ['north london derby', 'derbi de londres norte'],
  'Merseyside derby': ['merseyside derby', 'derbi de liverpool', 'derby de liverpool'],
  'Derby della Madonnina': ['milan derby', 'derby de milan', 'derbi de milan', 'madonnina'],
  "Derby d'Italia": ['derby de italia', 'derbi de italia', 'derby ditalia'],
  'Derby della Capitale': ['derbi de roma', 'derby de roma', 'roma derby', 'rome derby'],
  'Derby della Mole': ['derbi de turin', 'derby de turin', 'turin derby'],
  'Der Klassiker': ['klassiker', 'der klassiker', 'clasico aleman'],
  'Le Classique': ['classique', 'le classique', 'clasico frances'],
};

/**
 * Names and aliases that are also everyday words ("cómo", "nice", "heat", "euros"). They only
 * count as an entity next to a cue that marks a team or competition ("Nice vs Lyon", "the Euros",
 * "bet on Heat"); otherwise "como funciona" would be read as Como.
 */
export const NLU_CONTEXT_REQUIRED_PHRASES: readonly string[] = [
  'como', 'nice', 'union', 'heat', 'magic', 'kings', 'jazz', 'thunder', 'nets', 'suns', 'hawks', 'bulls', 'bucks',
  'toro', 'gala', 'viola', 'bees', 'toon', 'euro', 'euros', 'city', 'forest', 'palace', 'villa', 'rayo', 'levante',
  'angers', 'lens', 'brujas', 'colonia', 'athletic', 'sporting', 'om', 'ol', 'pl', 'aja', 'atm', 'fck', 'lac',
  'lal', 'pao', 'hac', 'manu', 'sge', 'tfc', 'pfc', 'usg', 'dubs', 'reds', 'blues', 'paris',
];
