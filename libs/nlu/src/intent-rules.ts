import type { Intent } from './nlu.types.js';

export interface IntentRule {
  intent: Intent;
  /** Log-odds style contribution added to the intent's score when the pattern matches. */
  weight: number;
  pattern: RegExp;
  /** Short label used in explanations and tests. */
  id: string;
}

/**
 * Keyword and phrase features per intent, both languages mixed (people code-switch).
 * Patterns run on the skeleton text: lower case, accent-free, typo-corrected, with entity
 * mentions replaced by @team / @tournament / @amount so phrasing generalises across names.
 * Weights: ~3.5 a decisive phrase, ~2.5 a strong cue, ~1.5 a hint, negatives resolve overlaps.
 */
/** Season or competition start/end verbs; also used with a tournament mention in the classifier. */
export const TOURNAMENT_START_RE =
  /\b(?:start|starts|begin|begins|kick\s+off|end|ends|finish|finishes|empieza|empiezan|comienza|comienzan|arranca|arrancan|termina|terminan|acaba|acaban|inicia|inician)\b/;

/** Predictions: with two teams named they read as a comparison (see the classifier). */
export const WHO_WILL_WIN_RE =
  /\bwho\s+(?:will|is\s+going\s+to|gonna|do\s+you\s+think\s+will|wins)\s*(?:win)?\b|\bquien\s+(?:va\s+a\s+ganar|ganara|gana|crees\s+que\s+gana)\b/;

export const INTENT_RULES: readonly IntentRule[] = [
  // ---------------------------------------------------------------- schedule
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'when', weight: 1.5, pattern: /\bwhen(?!\s+(?:was|were|did|had|has)\b)(?:'?s|\s+is|\s+are|\s+do|\s+does|\s+will)?\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'when-play', weight: 2, pattern: /\bwhen\b.*\b(?:play|plays|playing|game|games|match|matches|kick|face|faces|facing|fixture|on|clasico|derby)\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'next-match', weight: 2.5, pattern: /\b(?:next|upcoming|following)\s+(?:@team\s+)?(?:match|matches|game|games|fixture|fixtures|opponent|opponents|rival|rivals|kick\s?off)\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'fixtures', weight: 2.5, pattern: /\b(?:fixtures?|schedule|schedules|calendar|upcoming|kick[\s-]?off|tip[\s-]?off|start\s+time)\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'what-time', weight: 2.5, pattern: /\bwhat\s+time\b|\bwhat\s+day\b|\bwhat\s+date\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'who-plays', weight: 2.5, pattern: /\bwho\s+(?:do|does|are|is|will)\s+@team\s+(?:play|playing|face|facing|up\s+against)\b|\bwho\s+(?:plays|is\s+playing|are\s+playing)\b|\bwho\s+(?:do|does|are|is)\s+(?:they|we)\s+(?:play|playing|face)\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'playing', weight: 2, pattern: /\b(?:is|are|do|does|will)\s+(?:@team|they)\s+(?:play|playing|in\s+action|on)\b|\b(?:play|plays|playing)\s+(?:next|today|tonight|tomorrow|this|on|again|at\s+home|away)\b|@team\s+(?:play|plays|playing)\s*\??$/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'games-on', weight: 1.5, pattern: /\b(?:matches|games|fixtures|fights|events)\s+(?:are\s+)?(?:on\s+)?(?:today|tonight|tomorrow|this|next|on|for|in|at)\b|\b(?:any|what|which)\s+(?:matches|games|fixtures)\b|\bwhat'?s\s+on\b|\bwho'?s\s+playing\b|\bgames?\s+(?:today|tonight|tomorrow)\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'cuando', weight: 2.5, pattern: /\bcuando\b(?!\s+(?:se\s+)?(?:fundo|fue|gano|nacio|jugo|perdio)\b)/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'cuando-juega', weight: 1, pattern: /\bcuando\s+(?:juega|juegan|jugara|jugaran|es|son|sera|seran|se\s+juega|toca|enfrenta|se\s+enfrentan|vuelve|hay)\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'proximo-partido', weight: 2.5, pattern: /\b(?:proximos?|proximas?|siguientes?)\s+(?:partidos?|juegos?|encuentros?|rivale?s?|fechas?|jornadas?|compromisos?)\b|\b(?:partidos?|juegos?)\s+(?:proximos?|que\s+vienen)\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'calendario', weight: 2.5, pattern: /\b(?:calendario|horarios?|programacion|agenda|fixture)\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'que-hora', weight: 2.5, pattern: /\b(?:a\s+)?que\s+hora\b|\bque\s+dia\b|\bque\s+fecha\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'juega', weight: 1.5, pattern: /\b(?:juega|juegan|jugara|jugaran|se\s+juega|se\s+enfrenta|se\s+enfrentan|se\s+miden|enfrenta)\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'contra-quien', weight: 2.5, pattern: /\bcontra\s+quien\b|\bcon\s+quien\s+juega|\bquien(?:es)?\s+juega(?:n)?\b|\bque\s+(?:partidos|juegos|encuentros)\b|\bhay\s+(?:partidos?|futbol|juegos?|basket|baloncesto)\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'partidos-de', weight: 1.5, pattern: /\b(?:partidos?|juegos?|encuentros?)\s+(?:de\s+)?(?:hoy|manana|esta|este|el|del|de\s+la|de\s+los|para|@tournament|@team)\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'match-words', weight: 1, pattern: /\b(?:matches|games|fixtures|partidos|juegos|encuentros)\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'venue', weight: 1.5, pattern: /\bwhere\s+(?:is|are|does|do|will)\b.*\b(?:play|playing|played|match|game)\b|\bdonde\s+(?:juega|juegan|se\s+juega|es\s+el\s+partido)\b/ },
  { intent: 'MATCH_SCHEDULE_QUERY', id: 'watch', weight: 1.5, pattern: /\b(?:tv|channel|canal|stream|streaming|televisa|televisan|watch)\b/ },

  // ---------------------------------------------------------------- odds
  { intent: 'ODDS_INFORMATION_QUERY', id: 'odds', weight: 4, pattern: /\b(?:odds|odd\s+(?:for|on)|ods|cuotas?|momios?|lines?\s+(?:for|on)|betting\s+lines?|moneyline|prices?\s+(?:for|on|of)|priced)\b/ },
  { intent: 'ODDS_INFORMATION_QUERY', id: 'price', weight: 2.5, pattern: /\b(?:price|prices|precio|precios|bookies|bookmakers?|casas?\s+de\s+apuestas|spread)\b/ },
  { intent: 'ODDS_INFORMATION_QUERY', id: 'pay', weight: 2.5, pattern: /\b(?:pay|pays|paying|paid|payout|pagan?|paga|pagaria|pagarian|pagando|se\s+paga)\b/ },
  { intent: 'ODDS_INFORMATION_QUERY', id: 'favourite', weight: 2.5, pattern: /\b(?:favourites?|favorites?|favoured|favored|favorit[oa]s?)\b/ },
  { intent: 'ODDS_INFORMATION_QUERY', id: 'who-favourite', weight: 1, pattern: /\bwho(?:'s|\s+is|\s+are)?\s+(?:the\s+)?(?:favourites?|favorites?)\b|\bquien(?:es)?\s+(?:es|son|sale|parte)\s+(?:como\s+)?(?:el\s+)?favorit[oa]s?\b/ },
  { intent: 'ODDS_INFORMATION_QUERY', id: 'chances', weight: 1.5, pattern: /\b(?:probability|probabilities|probabilidad(?:es)?|chances?|posibilidades|likely|likelihood|implied)\b/ },
  { intent: 'ODDS_INFORMATION_QUERY', id: 'market', weight: 1.5, pattern: /\b(?:markets?|mercados?)\b/ },
  { intent: 'ODDS_INFORMATION_QUERY', id: 'a-como', weight: 2.5, pattern: /\ba\s+como\s+(?:esta|estan|paga|pagan|va)\b/ },

  // ---------------------------------------------------------------- simulation
  { intent: 'BET_SIMULATION', id: 'would-win', weight: 3.5, pattern: /\bhow\s+much\s+(?:would|will|could|can|do|does|might|should)\s+(?:i|we|you|it|that)\s+(?:win|get|make|earn|receive|collect|pocket|take|return|pay|be)\b|\bwhat\s+(?:would|will|could|do|can)\s+(?:i|we)\s+(?:win|get|make|earn|receive|collect|take\s+home)\b|\bwould\s+i\s+(?:win|get|make)\b/ },
  { intent: 'BET_SIMULATION', id: 'if-i-bet', weight: 3, pattern: /\b(?:if|what\s+if|say|suppose)\s+(?:i|we)\s+(?:bet|put|stake|wager|place|placed|back|backed|risk|go|went|play|played|bought)\b/ },
  { intent: 'BET_SIMULATION', id: 'returns', weight: 2, pattern: /\b(?:potential|possible|expected|estimated|total)\s+(?:return|returns|winnings|payout|profit|win)\b|\b(?:returns?|winnings|profit|payout)\b/ },
  { intent: 'BET_SIMULATION', id: 'get-back', weight: 2.5, pattern: /\b(?:get|got)\s+back\b|\bwhat'?s\s+my\s+(?:return|profit|payout)\b/ },
  { intent: 'BET_SIMULATION', id: 'simulate', weight: 3, pattern: /\b(?:simulat\w*|simula\w*|calculat\w*|calcula\w*)\b/ },
  { intent: 'BET_SIMULATION', id: 'cuanto-ganaria', weight: 3.5, pattern: /\b(?:cuanto|que)\s+(?:(?:me|te|le)\s+)?(?:ganaria|ganare|gano|ganariamos|ganaremos|darian|dan|daria|dara|llevaria|llevo|tocaria|toca|pagarian|pagaria|cobraria|cobro|cobrare|sacaria|saco|sacare|recibiria|recibo|retorno|devuelven|devolverian|seria\s+(?:la|el|mi)\s+(?:ganancia|premio|retorno|beneficio))\b/ },
  { intent: 'BET_SIMULATION', id: 'si-apuesto', weight: 3, pattern: /\bsi\s+(?:(?:le|les)\s+)?(?:apuesto|apostara|apostase|aposte|apostamos|pongo|pusiera|meto|metiera|juego|jugara|invierto)\b|\bapostando\b/ },
  { intent: 'BET_SIMULATION', id: 'ganancia', weight: 2, pattern: /\b(?:ganancias?|retorno|beneficios?|premio|ganaria|ganaria)\b/ },
  { intent: 'BET_SIMULATION', id: 'stake-verb', weight: 1, pattern: /\b(?:bet|stake|wager|put|apuesto|pongo|meto)\s+@amount\b|@amount\s+(?:on|al|a|en|por)\b/ },

  // ---------------------------------------------------------------- balance
  { intent: 'USER_BALANCE_QUERY', id: 'balance', weight: 4, pattern: /\b(?:balance|saldo)\b/ },
  { intent: 'USER_BALANCE_QUERY', id: 'how-much-have', weight: 4, pattern: /\bhow\s+much\s+(?:money|cash|credit|credits|funds)?\s*(?:do\s+i\s+have|have\s+i\s+got|i\s+have|is\s+(?:left\s+)?(?:in|on)\s+my|left\s+in\s+my|do\s+i\s+have\s+left)\b|\bhow\s+much\s+(?:money|cash|credit|funds)\b|\bhow\s+much\s+can\s+i\s+(?:still\s+)?(?:bet|spend|wager|play)\b/ },
  { intent: 'USER_BALANCE_QUERY', id: 'my-account', weight: 3, pattern: /\bmy\s+(?:account|wallet|funds|money|credit|credits|bankroll|cash)\b|\b(?:funds|bankroll|wallet)\b/ },
  { intent: 'USER_BALANCE_QUERY', id: 'cuanto-tengo', weight: 4, pattern: /\bcuant[oa]s?\s+(?:dinero|plata|pasta|saldo|credito|creditos|fondos|lana|guita)\s+(?:tengo|me\s+queda|hay|dispongo|queda)\b|\bcuanto\s+(?:tengo|me\s+queda|dispongo)\b|\bcuanto\s+(?:me\s+)?queda\s+(?:en|de)\b/ },
  { intent: 'USER_BALANCE_QUERY', id: 'mi-cuenta', weight: 3, pattern: /\b(?:mi|mis)\s+(?:cuenta|saldo|dinero|billetera|cartera|monedero|credito|creditos|fondos|bankroll|banca|plata)\b|\bfondos\b|\ben\s+(?:la|mi)\s+cuenta\b/ },
  { intent: 'USER_BALANCE_QUERY', id: 'have-money', weight: 3.5, pattern: /\b(?:do\s+i\s+(?:still\s+)?have|have\s+i\s+got|i\s+have|is\s+there)\s+(?:any\s+|enough\s+|some\s+)?(?:money|funds|cash|credit|balance)\b|\btengo\s+(?:suficiente\s+)?(?:dinero|saldo|plata|fondos|credito|pasta)\b/ },
  { intent: 'USER_BALANCE_QUERY', id: 'have-enough', weight: 4, pattern: /\bdo\s+i\s+have\s+enough\b|\bhave\s+i\s+got\s+enough\b|\benough\s+(?:money|funds|balance|credit|cash)\b|\bme\s+alcanza\b|\btengo\s+suficiente\b|\bcan\s+i\s+afford\b/ },
  { intent: 'USER_BALANCE_QUERY', id: 'my-bets', weight: 4, pattern: /\bmy\s+(?:bets|open\s+bets|active\s+bets|bet\s+history|betting\s+history|transactions|winnings|tickets?)\b|\bmis\s+(?:apuestas|boletos|movimientos|ganancias)\b|\bhistorial\s+de\s+apuestas\b|\bapuestas\s+(?:abiertas|activas|pendientes)\b|\bhow\s+much\s+(?:did|have)\s+i\s+(?:win|won|lose|lost)\b|\bcuanto\s+(?:he\s+)?(?:ganado|perdido|gane|perdi)\b/ },
  { intent: 'USER_BALANCE_QUERY', id: 'enough', weight: 2, pattern: /\b(?:enough|suficiente|alcanza|disponible|available|left)\b/ },
  { intent: 'USER_BALANCE_QUERY', id: 'got-to-play', weight: 2.5, pattern: /\bhow\s+much\s+(?:have\s+i\s+got|do\s+i\s+have)\b|\bto\s+play\s+with\b/ },

  // ---------------------------------------------------------------- recommendation
  { intent: 'BETTING_RECOMMENDATION', id: 'recommend', weight: 4, pattern: /\b(?:recommend\w*|recomend\w*|suggest\w*|advi[cs]e|tips?|tipsters?|predict\w*)\b/ },
  { intent: 'BETTING_RECOMMENDATION', id: 'pick', weight: 2, pattern: /\b(?:picks?|selections?)\b/ },
  { intent: 'BETTING_RECOMMENDATION', id: 'best-bet', weight: 3.5, pattern: /\b(?:best|good|safest|safe|safer|smart|top|great|easy|sure|solid|value|decent|strong)\s+(?:\w+\s+)?(?:bets?|picks?|wagers?|plays?|options?|tips?|parlays?|accas?|accumulators?)\b/ },
  { intent: 'BETTING_RECOMMENDATION', id: 'what-should-i-bet', weight: 3.5, pattern: /\b(?:what|who|which|where)\s+(?:\w+\s+)?should\s+i\s+(?:bet|back|pick|put|go\s+for|take)\b|\bshould\s+i\s+(?:bet|back)\b|\bwhat\s+(?:to|do\s+i)\s+bet\s+on\b|\bworth\s+(?:betting|a\s+bet|backing)\b|\bis\s+it\s+worth\b|\bwho\s+(?:do\s+you|would\s+you)\s+(?:back|pick|fancy|bet)\b|\byour\s+(?:pick|tip|bet|prediction)\b/ },
  { intent: 'BETTING_RECOMMENDATION', id: 'give-me-bet', weight: 3, pattern: /\b(?:give|get|build|make|find)\s+me\s+(?:a|an|some|one|your)?\s*(?:\w+\s+){0,3}?(?:bets?|picks?|tips?|accumulators?|accas?|parlays?|combos?)\b/ },
  { intent: 'BETTING_RECOMMENDATION', id: 'recomienda', weight: 4, pattern: /\b(?:recomiend\w*|recomenda\w*|sugier\w*|sugerenc\w*|suger\w*|consejos?|aconseja\w*|pronosticos?|prediccion\w*)\b/ },
  { intent: 'BETTING_RECOMMENDATION', id: 'que-apuesto', weight: 3.5, pattern: /\b(?:en|a|por)\s+(?:que|quien|cual)\s+(?:\w+\s+)?(?:apuesto|apostar|apostaria|le\s+apuesto|le\s+meto|le\s+voy)\b|\bque\s+(?:me\s+)?(?:apuesto|apostar|conviene)\b|\bme\s+conviene\b|\b(?:debo|deberia|debería|conviene)\s+apostar\b|\bvale\s+la\s+pena\b|\bmerece\s+la\s+pena\b/ },
  { intent: 'BETTING_RECOMMENDATION', id: 'apuesta-segura', weight: 3.5, pattern: /\bapuestas?\s+(?:mas\s+)?(?:segura|seguras|fija|fijas|buena|buenas|recomendada|del\s+dia|de\s+valor|de\s+la\s+semana|ideal)\b|\bmejor(?:es)?\s+apuestas?\b|\bbuena\s+apuesta\b|\b(?:dame|dime|tienes|hay)\s+(?:una|alguna|algun)\s+(?:apuesta|combinada|fija|parley)\b|\buna\s+fija\b/ },
  { intent: 'BETTING_RECOMMENDATION', id: 'want-to-bet', weight: 1.5, pattern: /\b(?:i\s+want\s+to|i'd\s+like\s+to|i\s+wanna|let\s+me|quiero|queria|me\s+gustaria|voy\s+a)\s+(?:place\s+a\s+|make\s+a\s+)?(?:bet|apostar|hacer\s+una\s+apuesta)\b/ },
  { intent: 'BETTING_RECOMMENDATION', id: 'would-you', weight: 3.5, pattern: /\bwhat\s+would\s+you\s+(?:bet|back|pick|choose|play|go\s+for)\b|\bwould\s+you\s+(?:bet|back)\b|\bif\s+you\s+were\s+me\b|\b(?:apostarias|jugarias|elegirias|irias\s+con)\b|\bque\s+harias\b|\btu\s+(?:que|a\s+quien)\s+(?:apostarias|le\s+irias)\b/ },
  { intent: 'BETTING_RECOMMENDATION', id: 'smart-money', weight: 3, pattern: /\bsmart\s+money\b|\bsharps?\s+(?:money|bet|play)\b|\bwhere'?s\s+the\s+value\b|\bdonde\s+(?:esta|hay)\s+(?:el\s+)?valor\b/ },
  { intent: 'BETTING_RECOMMENDATION', id: 'this-or-that', weight: 3, pattern: /\b(?:le\s+)?apuesto\s+(?:a|al|por)\s+(?:el\s+|la\s+|los\s+)?@team\s+o\b|\b(?:bet|back)\s+(?:on\s+)?(?:the\s+)?@team\s+or\b|\bshould\s+i\s+(?:bet|back|go|take|pick|play|put|risk|choose)\b|\bdeberia\s+(?:ir|apostar|jugar)\b/ },
  { intent: 'BETTING_RECOMMENDATION', id: 'which-bet', weight: 2.5, pattern: /\b(?:which|what)\s+(?:bet|bets|pick|picks|wager|market)\s+(?:should|has|is|are|do|would|will|to|for|looks|offers)\b|\bque\s+apuesta\s+(?:me|hago|es|tiene)\b|\bbest\s+chance\b|\bmost\s+likely\s+(?:bet|to\s+win)\b|\bmas\s+probable\b/ },
  { intent: 'BETTING_RECOMMENDATION', id: 'a-bet-like', weight: 2, pattern: /\b(?:una|alguna|algun|an?|some|any)\s+(?:apuesta|bet|pick)\s+(?:\w+\s+)?(?:arriesgad\w*|risky|segura|safe|barata|buena|good|interesante|de\s+valor|sorpresa|facil|easy)\b/ },
  { intent: 'BETTING_RECOMMENDATION', id: 'who-will-win', weight: 2, pattern: WHO_WILL_WIN_RE },
  { intent: 'BETTING_RECOMMENDATION', id: 'will-win', weight: 2.5, pattern: /\b(?:will|can|could)\s+@team\s+(?:win|beat)\b|(?<!quien\s)\b(?:ganara|gana|puede\s+ganar|va\s+a\s+ganar)\s+(?:el\s+|la\s+|los\s+)?@team\b.*\?|\bgood\s+idea\b|\bbuena\s+idea\b|\bis\s+it\s+(?:smart|wise|safe)\s+to\b/ },

  // ---------------------------------------------------------------- comparison
  { intent: 'TEAM_COMPARISON', id: 'compare', weight: 3.5, pattern: /\b(?:compar\w*)\b/ },
  { intent: 'TEAM_COMPARISON', id: 'who-better', weight: 3.5, pattern: /\bwho(?:'?s|\s+is|\s+are|\s+has|\s+looks|\s+was)?\s+(?:the\s+)?(?:better|stronger|best|in\s+(?:better|best)\s+form|playing\s+better|more\s+\w+)\b|\b(?:better|stronger|weaker|worse)\s+(?:team|side|squad|than|form|record|attack|defen[cs]e|player)\b|\bwho\s+wins\s+(?:more|between)\b/ },
  { intent: 'TEAM_COMPARISON', id: 'h2h', weight: 3.5, pattern: /\bhead[\s-]?to[\s-]?head\b|\bh2h\b|\bhistorial\b|\bcara\s+a\s+cara\b|\benfrentamientos?\b|\b(?:previous|past|last|recent)\s+(?:\w+\s+)?(?:meetings|encounters|clashes)\b|\bmeetings\b|\bencounters\b|\benfrentamientos?\s+directos\b|\brecord\s+(?:against|vs|between)\b|\bhistoric[oa]s?\b/ },
  { intent: 'TEAM_COMPARISON', id: 'form', weight: 2, pattern: /\b(?:form|forma|racha|rachas|streak|momentum|momento)\b/ },
  { intent: 'TEAM_COMPARISON', id: 'recent-results', weight: 2, pattern: /\bultimos\s+(?:\w+\s+)?(?:partidos|resultados|juegos|encuentros)\b|\blast\s+(?:\w+\s+)?(?:games|matches|results)\b|\brecent\s+(?:results|games|matches|form)\b|\blately\b|\bultimamente\b|\bcomo\s+les\s+ha\s+ido\b|\bhow\s+have\b.*\bbeen\s+(?:doing|playing)\b/ },
  { intent: 'TEAM_COMPARISON', id: 'how-arrive', weight: 1.5, pattern: /\bcomo\s+(?:llega|llegan|viene|vienen|estan)\b|\bcomo\s+(?:va|van|esta)\s+(?:el\s+|la\s+|los\s+)?@team\b|\bhow\s+(?:are|is)\s+@team\s+(?:doing|looking)\b/ },
  { intent: 'TEAM_COMPARISON', id: 'quien-mejor', weight: 3.5, pattern: /\bquien(?:es)?\s+(?:es|son|esta|estan|llega|llegan|juega|tiene|viene)\s+(?:\w+\s+)?(?:mejor|peor|mas\s+fuerte|superior)\b|\bmejor(?:es)?\s+(?:equipo|plantilla|defensa|ataque|delantera)\b|\b(?:mas|menos)\s+(?:fuerte|fuertes|solido|debil)\b|\bmejor\s+que\b|\bsuperior\s+a\b|\b(?:cual|que)\s+(?:equipo\s+)?es\s+mejor\b/ },
  { intent: 'TEAM_COMPARISON', id: 'more-often', weight: 3, pattern: /\bwho\s+(?:has|have)\s+(?:\w+\s+)?more\b|\bquien\s+(?:tiene|ha\s+\w+|gana)\s+mas\b|\bmas\s+veces\b|\bmore\s+often\b|\bwho\s+wins\s+more\b/ },
  { intent: 'TEAM_COMPARISON', id: 'stats', weight: 1.5, pattern: /\b(?:stats?|statistics|estadisticas?|numeros|datos)\b/ },

  // ---------------------------------------------------------------- tournament
  { intent: 'TOURNAMENT_INFO', id: 'standings', weight: 3.5, pattern: /\b(?:standings?|league\s+table|table|tables|clasificacion|tabla|posiciones|position|posicion|puesto|ranking|leaderboard|conference|conferencia|group\s+stage|fase\s+de\s+grupos|bracket|cuadro)\b/ },
  { intent: 'TOURNAMENT_INFO', id: 'which-leagues', weight: 4, pattern: /\b(?:which|what)\s+(?:\w+\s+)?(?:leagues|competitions|tournaments|sports|cups|championships)\b|\b(?:que|cuales)\s+(?:\w+\s+)?(?:ligas|torneos|competiciones|competencias|deportes|campeonatos|copas)\b/ },
  { intent: 'TOURNAMENT_INFO', id: 'leagues', weight: 2, pattern: /\b(?:leagues|competitions|tournaments|torneos|competiciones|competencias|ligas|campeonatos)\b/ },
  { intent: 'TOURNAMENT_INFO', id: 'league', weight: 1, pattern: /\b(?:league|tournament|torneo|competition|competicion|championship|campeonato|season|temporada)\b/ },
  { intent: 'TOURNAMENT_INFO', id: 'leader', weight: 2, pattern: /\b(?:top\s+of|leads?|leading|leader|leaders|lider|lideres|lidera|primero|primer\s+lugar|first\s+place|bottom\s+of|ultimo\s+lugar|colista|relegat\w*|descenso|promotion|ascenso)\b/ },
  { intent: 'TOURNAMENT_INFO', id: 'format', weight: 2.5, pattern: /\b(?:format|formato|knockout|eliminatorias?|octavos|cuartos|semis?|semifinal\w*|round\s+of\s+\d+|draw\s+for|sorteo|jornada|matchday|qualif\w*|clasifica\w*|fase|stage|rules\s+of\s+the\s+(?:league|tournament)|how\s+many\s+teams|cuantos\s+equipos)\b/ },
  { intent: 'TOURNAMENT_INFO', id: 'start-end', weight: 1, pattern: TOURNAMENT_START_RE },
  { intent: 'TOURNAMENT_INFO', id: 'about', weight: 1.5, pattern: /\b(?:tell\s+me\s+about|(?:info|information)\s+(?:on|about)|info\s+de|informacion\s+(?:de|sobre)|como\s+va|how'?s\s+the\b|how\s+is\s+the\b)\s*(?:the\s+|la\s+|el\s+)?@tournament\b|^\W*info\b/ },

  // ---------------------------------------------------------------- general sports
  { intent: 'GENERAL_SPORTS_QUERY', id: 'past-result', weight: 3, pattern: /\bwho\s+(?:won|scored|lost|beat|got\s+relegated)\b|\bquien\s+(?:gano|marco|anoto|perdio)\b|\b(?:did|has|have)\s+@team\s+(?:win|won|lose|lost|draw|drew|beat|score)\b|\bhow\s+did\s+(?:@team|they|the)\b|\bcomo\s+(?:quedo|quedaron|salio|salieron|termino|terminaron|le\s+fue|les\s+fue)\b|\bfinal\s+score\b|\b(?:score|result|resultado|marcador)\s+(?:of|in|del?|en)\b|\bwhat\s+was\s+the\s+(?:score|result)\b/ },
  { intent: 'GENERAL_SPORTS_QUERY', id: 'people', weight: 2.5, pattern: /\b(?:coach|coaches|manager|managers|entrenador\w*|tecnico|dt|captain|capitan|owner|owns|president|presidente|squad|plantilla|lineup|line-up|alineacion|once\s+titular|roster|injur\w*|lesion\w*|suspend\w*|sancionad\w*|transfer\w*|fichaj\w*|ficho|fichar|ficharon|signing|signed|contract|contrato|salary|salario|entrena|entrenan|dirige|coached|managed|goalscorers?|top\s+scorers?|scorers?|assists?|asistencias|goleador\w*|pichichi|players?|jugador\w*|mvp|rookie)\b/ },
  { intent: 'GENERAL_SPORTS_QUERY', id: 'club-facts', weight: 3.5, pattern: /\b(?:stadium|stadiums|estadio|estadios|capacity|aforo|founded|fundad[oa]|fundacion|fundo|fundaron|home\s+ground|arena)\b|\bcuando\s+(?:se\s+)?(?:fundo|fue|gano|nacio|empezo\s+a|jugo|perdio)\b|\bque\s+paso\b|\bwhat\s+happened\b|\b(?:ha|han|has|have|had|habia)\s+(?:ganado|won|perdido|lost|conseguido|marcado|scored|metido|jugado|played)\b|\bwhen\s+(?:was|were|did)\b/ },
  { intent: 'GENERAL_SPORTS_QUERY', id: 'facts', weight: 2.5, pattern: /\b(?:history|historia|titles|titulos|trophies|trofeos|rings|anillos|rules?|reglas?|offside|fuera\s+de\s+juego|var|penalt\w*|red\s+card|yellow\s+card|tarjetas?|ballon\s+d'?or|balon\s+de\s+oro|retired|retiro|age|edad|height|record|records|most\s+(?:goals|titles|wins|points|assists|trophies)|how\s+old|cuantos\s+anos\s+tiene)\b/ },
  { intent: 'GENERAL_SPORTS_QUERY', id: 'how-many', weight: 2.5, pattern: /\bhow\s+many\s+(?:goals|titles|trophies|points|games|times|championships|rings|assists|cups|leagues|rebounds|caps|wins|medals)\b|\bcuant[oa]s\s+(?:goles|titulos|copas|ligas|champions|trofeos|puntos|veces|asistencias|rebotes|anillos|partidos\s+(?:ha|lleva))\b|\b(?:how\s+many|cuant[oa]s)\s+@tournament\b/ },
  { intent: 'GENERAL_SPORTS_QUERY', id: 'what-is', weight: 2.5, pattern: /\bwhat\s+(?:is|does)\s+(?:a|an|the)?\s*\w+(?:\s+\w+)?\s+mean\b|\bwhat(?:'s|\s+is)\s+(?:a|an)\s+(?!@)|\bque\s+(?:es|significa)\s+(?:un|una)\s+(?!@)|\bque\s+significa\b|\bmeaning\s+of\b|\bdefin(?:e|ition)\b/ },
  { intent: 'GENERAL_SPORTS_QUERY', id: 'explain', weight: 1.5, pattern: /\bexplain\b|\bexplica\w*\b/ },
  { intent: 'GENERAL_SPORTS_QUERY', id: 'who-is', weight: 1.5, pattern: /\bwho(?:'?s|\s+is|\s+was)\b|\bquien\s+(?:es|era|fue)\b|\bbest\s+player\b|\bmejor\s+jugador\b/ },
  { intent: 'GENERAL_SPORTS_QUERY', id: 'past-time', weight: 1.5, pattern: /\b(?:yesterday|last\s+(?:night|week|weekend|season|year|game|match|time)|ayer|anoche|la\s+semana\s+pasada|el\s+(?:ano|fin\s+de\s+semana)\s+pasado|la\s+temporada\s+pasada|este\s+verano|this\s+summer|ever|all[\s-]time|de\s+la\s+historia)\b/ },
  { intent: 'GENERAL_SPORTS_QUERY', id: 'player', weight: 2.5, pattern: /@player/ },
  { intent: 'GENERAL_SPORTS_QUERY', id: 'player-status', weight: 2, pattern: /\b(?:is|are|will|does|did|has)\s+@player\b|\b(?:juega|jugara|esta|estara)\s+@player\b|@player\s+(?:play|playing|plays|start|starting|fit|injured|available|juega|jugara|lesionado)\b/ },
  { intent: 'GENERAL_SPORTS_QUERY', id: 'score-words', weight: 1.5, pattern: /\b(?:score|scores|scoreline|marcador|live|en\s+vivo|directo|highlights|resumen)\b/ },
  { intent: 'GENERAL_SPORTS_QUERY', id: 'sport-words', weight: 0.7, pattern: /\b(?:football|soccer|basketball|futbol|baloncesto|basquet|sport|sports|deporte|deportes|goals?|goles|scored|lleva|marco)\b/ },

  // ---------------------------------------------------------------- greeting
  { intent: 'GREETING', id: 'hello-start', weight: 3, pattern: /^\W*(?:hi+|hello+|he+y+|heya|hiya|howdy|yo|sup|hola+|holi+s?|buenas+|morning|evening|afternoon|buen\s+dia|buenos\s+dias|buenas\s+(?:tardes|noches)|good\s+(?:morning|afternoon|evening|day|night)|greetings|saludos|hi\s+there|hello\s+there|whats\s+up|what'?s\s+up|wassup|como\s+estas|como\s+andas|how\s+are\s+you|how'?s\s+it\s+going|(?:como\s+va|que\s+tal|que\s+onda|que\s+hubo|que\s+pasa)(?=\s*(?:[?!.,]|$|todo|amigo|crack|bro|hermano|estas))|quiubo|thanks?|thank\s+you|thx|ty|ta|gm|gn|cheers|gracias|muchas\s+gracias|mil\s+gracias|bye|goodbye|good\s+bye|see\s+you|see\s+ya|later|adios|chao|chau|ciao|hasta\s+(?:luego|pronto|manana)|nos\s+vemos|good\s+night)\b/ },
  { intent: 'GREETING', id: 'hello-any', weight: 1.5, pattern: /\b(?:hello|hola|thanks|thank\s+you|gracias|how\s+are\s+you|como\s+estas|nice\s+to\s+meet|mucho\s+gusto|encantad[oa]|que\s+tal\s*\??$)\b/ },

  // ---------------------------------------------------------------- help
  { intent: 'HELP_REQUEST', id: 'help', weight: 3, pattern: /\b(?:help|helps|ayuda|ayudame|ayudas|ayudar|ayudarme|assist|assistance|support|soporte|socorro)\b/ },
  { intent: 'HELP_REQUEST', id: 'what-can-you-do', weight: 3.5, pattern: /\bwhat\s+(?:can|do|could|are)\s+(?:you|u|i)\s+(?:do|ask|able|offer|help|say|use|know)\b|\bwhat\s+(?:kind|sort|type)s?\s+of\s+(?:questions|things|stuff|bets)\b|\bwhat\s+are\s+you\b|\bwho\s+are\s+you\b|\bhow\s+(?:does|do)\s+(?:\w+\s+){0,2}work\b|\bwhat\s+(?:do\s+)?you\s+(?:do|can\s+do|offer)\b|\bexplain\s+(?:what|how)\s+(?:you|this|it)\b|\bhow\s+(?:do|can|should)\s+i\s+(?:use|start|get\s+started|place|make|deposit|withdraw|sign|register|top\s+up|ask|begin|bet)\b|\bget(?:ting)?\s+started\b|\b(?:what|which)\s+(?:\w+\s+)?(?:questions|things|stuff)\s+(?:can|do|could|should)\s+(?:you|i)\b|\bcan\s+you\s+answer\b|\bhow\s+can\s+you\s+help\b|\bhow\s+to\s+(?:use|bet|place|start|deposit)\b|\b(?:instructions?|tutorial|commands?|features|menu|guide|faq)\b|\bwhat\s+can\s+i\s+ask\b|\bwhat'?s\s+(?:this|the)\s+(?:bot|app|chat|thing|service|site)\s+(?:for|about)\b|\bwhat\s+is\s+this\s*\??$|\b(?:show|list)\s+(?:me\s+)?(?:the\s+)?(?:options|commands)\b/ },
  { intent: 'HELP_REQUEST', id: 'que-puedes', weight: 3.5, pattern: /\bque\s+(?:puedes|sabes|podes|haces|puedo|te\s+puedo|se\s+puede)\s*(?:hacer|preguntar|pedir|consultar)?\b|\bcomo\s+(?:funciona|funcionas|funcionan|se\s+usa|te\s+uso|uso|hago|se\s+hace|se\s+apuesta|puedo|empiezo|deposito|retiro|meto\s+dinero|hago\s+para|apuesto|apostar|se\s+juega\s+aqui|empezar)\b|\bque\s+eres\b|\bquien\s+eres\b|\bno\s+(?:entiendo|se\s+como|se\s+usar)\b|\b(?:instrucciones|opciones|comandos|funciones|tutorial|menu)\b|\bpara\s+que\s+sirve[s]?\b|\b(?:echas|echar|echarme|das|dar)\s+una\s+mano\b|\bpuedo\s+(?:preguntar\w*|pedir\w*|consultar)\b|\bque\s+(?:cosas|preguntas)\s+(?:puedo|te|se)\b/ },
  { intent: 'HELP_REQUEST', id: 'platform', weight: 3, pattern: /\b(?:minimum|maximum|min|max)\s+(?:bet|stake|deposit|withdrawal)\b|\bcash\s*out\b|\bwithdraw\w*|\bdeposit\w*|\bcancel\w*|\bsign\s+up\b|\bregister\b|\bverify\s+my\b|\bretir(?:ar|o)\s+(?:dinero|saldo|fondos|mis|el)\b|\bdeposit(?:ar|o)\b|\bapuesta\s+minima\b|\bcancelar\b|\bregistr(?:arme|o)\b/ },
  { intent: 'HELP_REQUEST', id: 'confused', weight: 2, pattern: /\bi\s+(?:don'?t|dont|do\s+not)\s+(?:understand|get\s+it|know\s+how)\b|\bconfused\b|\bi'?m\s+lost\b|\bestoy\s+perdid[oa]\b|\bno\s+se\s+que\s+hacer\b/ },

  // ---------------------------------------------------------------- unclear
  { intent: 'UNCLEAR', id: 'off-topic', weight: 3, pattern: /\b(?:weather|clima|joke|chiste|pizza|recipe|receta|movie|pelicula|song|cancion|music|musica|love\s+you|te\s+quiero|bitcoin|crypto|stocks?|politics|politica)\b|\b(?:que\s+hora\s+es|what\s+time\s+is\s+it)\s*\??\s*$/ },
  { intent: 'UNCLEAR', id: 'filler', weight: 2, pattern: /^\W*(?:ok(?:ay)?|k|vale|si|no|yes|yeah|nope|lol|lmao|xd|jaja\w*|haha\w*|hmm+|mm+|eh+|uh+|nada|nothing|whatever|idk|no\s+se|bueno|ah+|oh+|wow|nice|cool|blah(?:\s+blah)*|test|testing|prueba)(?:\s+(?:ok|vale|si|no|bueno|ya))?\W*$/ },
];
