import type { Language } from '../shared/conversation-types.js';
import type { DirectReply } from './offline-turn.planner.js';

/** Fixed texts of the offline engine: greetings, help and questions back to the user, in English and Spanish. */

const EXAMPLES = {
  en: [
    '"When does Barcelona play next?"',
    '"Odds for Juventus vs Milan"',
    '"How much would I win with €50 on Chelsea?"',
    '"Safest bet this weekend?"',
    '"Compare Arsenal and Chelsea"',
  ],
  es: [
    '"¿Cuándo juega el Barcelona?"',
    '"Cuotas del Juventus vs Milan"',
    '"¿Cuánto ganaría con 50 € al Chelsea?"',
    '"¿Cuál es la apuesta más probable del fin de semana?"',
    '"Compara Arsenal y Chelsea"',
  ],
};

const CAPABILITIES = {
  en: [
    '• Fixtures and kick-off times: "When does Barcelona play next?", "Premier League matches this weekend"',
    '• Odds with implied probabilities: "Odds for Juventus vs Milan", "What does a draw pay?"',
    '• Bet returns: "How much would I win with €50 on Chelsea?"',
    '• Suggestions by risk: "Safest bet this weekend?", "Give me a value bet", "Build me an accumulator"',
    '• Predictions and comparisons: "Who will win Liverpool vs Arsenal?", "Compare Arsenal and Chelsea"',
    '• Competitions covered: "Which tournaments do you cover?"',
    '• Your balance, once you are logged in: "What\'s my balance?"',
  ],
  es: [
    '• Partidos y horarios: "¿Cuándo juega el Barcelona?", "Partidos de la Premier League este fin de semana"',
    '• Cuotas con probabilidad implícita: "Cuotas del Juventus vs Milan", "¿Cuánto paga el empate?"',
    '• Ganancias de una apuesta: "¿Cuánto ganaría con 50 € al Chelsea?"',
    '• Sugerencias según el riesgo: "¿Cuál es la apuesta más probable del fin de semana?", "Dame una apuesta de valor", "Hazme una combinada"',
    '• Pronósticos y comparativas: "¿Quién ganará el Liverpool vs Arsenal?", "Compara Arsenal y Chelsea"',
    '• Competiciones disponibles: "¿Qué torneos cubres?"',
    '• Tu saldo, con la sesión iniciada: "¿Cuál es mi saldo?"',
  ],
};

/** What a fixed text may name: the team picked, the zone times are shown in. */
export interface ReplyDetails {
  pick?: string;
  timeZone?: string;
  sport?: 'football' | 'basketball';
}

export function directReply(reply: DirectReply, language: Language, { pick, timeZone = 'UTC', sport }: ReplyDetails = {}): string {
  const es = language === 'es';
  const examples = EXAMPLES[language];
  switch (reply) {
    case 'greeting':
      return es
        ? `¡Hola! Soy ChatBet, tu asistente de apuestas deportivas. Consulto partidos, cuotas y pronósticos con datos reales de fútbol y baloncesto. Prueba con ${examples[0]} o ${examples[3]}`
        : `Hi! I'm ChatBet, your sports betting assistant. I look up fixtures, odds and predictions from real football and basketball data. Try ${examples[0]} or ${examples[3]}`;
    case 'thanks':
      return es
        ? `¡De nada! ¿Quieres algo más? Por ejemplo ${examples[1]} o ${examples[2]}.`
        : `You're welcome! Anything else? For example ${examples[1]} or ${examples[2]}.`;
    case 'farewell':
      return es ? '¡Hasta luego! Recuerda apostar con responsabilidad.' : 'Bye for now! Remember to bet responsibly.';
    case 'help':
      return es
        ? `Esto es lo que puedo hacer por ti, siempre con datos reales:\n${CAPABILITIES.es.join('\n')}\nLas horas se muestran en tu zona horaria.`
        : `Here is what I can do for you, always from real sports data:\n${CAPABILITIES.en.join('\n')}\nTimes are shown in your time zone.`;
    case 'unclear':
      return es
        ? `Perdona, no he entendido la pregunta. Soy un asistente de apuestas de fútbol y baloncesto: partidos, cuotas, ganancias de apuestas y sugerencias. ¿Qué buscas? Por ejemplo:\n• ${examples.slice(0, 4).join('\n• ')}`
        : `Sorry, I didn't understand that. I'm a football and basketball betting assistant: fixtures, odds, bet returns and suggestions. What are you after? For example:\n• ${examples.slice(0, 4).join('\n• ')}`;
    case 'general':
      return es
        ? `No tengo datos para responder a eso (no manejo estadísticas de jugadores ni noticias). Sí puedo ayudarte con:\n${CAPABILITIES.es.slice(0, 5).join('\n')}`
        : `I don't have data to answer that (I don't cover player statistics or news). I can help with:\n${CAPABILITIES.en.slice(0, 5).join('\n')}`;
    case 'need_match':
      return es
        ? '¿De qué partido hablamos? Dime los equipos, por ejemplo: "Cuotas del Barcelona vs Real Madrid".'
        : 'Which match do you mean? Tell me the teams, for example: "Odds for Barcelona vs Real Madrid".';
    case 'need_amount':
      return es
        ? `¿Cuánto quieres apostar? Por ejemplo: "¿Cuánto ganaría con 20 € ${pick ? `al ${pick}` : 'al empate'}?"`
        : `How much would you like to stake? For example: "How much would I win with €20 on ${pick ?? 'a draw'}?"`;
    case 'need_pick':
      // Basketball has no draw: a side or the total points.
      if (sport === 'basketball') {
        return es
          ? '¿A qué quieres apostar: a un equipo o a más/menos puntos? Por ejemplo: "¿Cuánto ganaría con 20 € a los Lakers?"'
          : 'What would you like to back: a team, or over/under points? For example: "How much would I win with $20 on the Lakers?"';
      }
      return es
        ? '¿A qué quieres apostar: a un equipo, al empate o a más/menos goles? Por ejemplo: "¿Cuánto ganaría con 20 € al empate?"'
        : 'What would you like to back: a team, the draw, or over/under goals? For example: "How much would I win with €20 on a draw?"';
    case 'need_teams':
      return es
        ? '¿Qué dos equipos comparo? Por ejemplo: "Compara Arsenal y Chelsea".'
        : 'Which two teams should I compare? For example: "Compare Arsenal and Chelsea".';
    case 'need_legs_amount':
      return es
        ? '¿Cuánto quieres apostar en la combinada? Por ejemplo: "10 €". Con el importe te calculo la cuota combinada y lo que pagaría.'
        : 'How much would you like to stake on the accumulator? For example "€10". With the stake I will price every leg and work out the return.';
    case 'zone_noted':
      return es
        ? `Apuntado: a partir de ahora te doy las horas en ${timeZone}, también en tus próximas conversaciones. ¿Qué partido quieres ver? Por ejemplo ${examples[0]}`
        : `Noted: from now on I'll give you times in ${timeZone}, in your next conversations too. Which match would you like to check? For example ${examples[0]}`;
    case 'need_my_team':
      return es
        ? '¿Cuál es tu equipo? Dímelo, por ejemplo "soy del Betis" o "mi equipo es el Sevilla", y lo recordaré: te diré cuándo juega y sus partidos saldrán primero en las listas.'
        : 'Which team is yours? Tell me, for example "I\'m a Liverpool fan", and I\'ll remember it: I\'ll tell you when they play and list their matches first.';
    case 'off_topic':
      return es
        ? `Con eso no puedo ayudarte: solo trabajo con apuestas de fútbol y baloncesto, y no tengo datos del tiempo, el clima, noticias, política ni otros temas. Esto sí lo hago:\n${CAPABILITIES.es.slice(0, 4).join('\n')}`
        : `I can't help with that one: I only work on football and basketball betting, with no data on the weather, forecasts, news, politics or other topics. Here is what I can do:\n${CAPABILITIES.en.slice(0, 4).join('\n')}`;
    case 'no_guarantee':
      return es
        ? 'Ninguna apuesta es segura: cualquier resultado puede fallar, y quien prometa lo contrario te engaña. Lo que sí puedo darte son las cuotas, la probabilidad que implican y las selecciones más probables según el mercado, por ejemplo "¿Cuál es la apuesta más probable del fin de semana?". Apuesta solo lo que puedas permitirte perder.'
        : "No bet is certain to win: any result can lose, and anyone promising otherwise is misleading you. What I can give you is the odds, the probability they imply and the likeliest selections by the market, for example \"Safest bet this weekend?\". Only stake what you can afford to lose.";
    case 'chasing_losses':
      return es
        ? 'Intentar recuperar lo perdido con otra apuesta suele acabar en pérdidas mayores, y ninguna apuesta lo asegura. Te recomiendo hacer una pausa, fijar un límite diario (puedes hacerlo en tu cuenta) y apostar solo lo que puedas permitirte perder. Si sientes que el juego se te va de las manos, pide ayuda en jugarbien.es. Puedo seguir dándote cuotas y partidos, pero no apuestas para recuperar pérdidas.'
        : "Trying to win back a loss with another bet usually makes it bigger, and no bet can make sure of it. I'd suggest taking a break, setting a daily limit (you can do it in your account) and only staking what you can afford to lose. If gambling is getting out of hand, help is at begambleaware.org. I can still show you fixtures and odds, but not bets to win losses back.";
    case 'basketball_draw':
      return es
        ? 'En baloncesto no hay empate: si el partido acaba igualado se juega una prórroga (tiempo extra) hasta que alguien gana. Por eso el mercado principal es el ganador (moneyline), prórroga incluida, junto al hándicap de puntos y el total de puntos. Algunas casas ofrecen un 1X2 a tiempo reglamentario, pero aquí no.'
        : "Basketball has no draw: a game level at full time goes to overtime until someone wins. So the main market is the winner (moneyline), overtime included, next to the point spread and total points. Some bookmakers offer a regulation-time 1X2; I don't.";
    case 'nothing_more':
      return es
        ? 'No tengo una lista anterior que continuar. Pregúntame por partidos, por ejemplo "Partidos de La Liga este fin de semana".'
        : "There's no earlier list to continue. Ask me for matches, for example \"Premier League matches this weekend\".";
    case 'unavailable':
      return es
        ? 'Ahora mismo no puedo consultar esos datos. Prueba de nuevo en un momento.'
        : "I can't look that up right now. Please try again in a moment.";
  }
}
