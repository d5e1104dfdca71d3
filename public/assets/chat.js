/*
 * ChatBet web chat. Plain browser JavaScript, no build step.
 *
 * Talks to the Socket.IO namespace /chat (user_message → typing_indicator, streaming_response…,
 * correction when figures were corrected, bot_response) and follows the discussed match on
 * /sports-updates. When the Socket.IO server is not there, the same turn runs over HTTP
 * (POST /api/v1/chat/stream, Server-Sent Events).
 *
 * Everything that comes from the server or the user is written with textContent or text nodes,
 * never parsed as HTML.
 */
(() => {
  'use strict';

  const STRINGS = {
    en: {
      tagline: 'Odds, fixtures and bets, in a conversation',
      skipToInput: 'Skip to the message box',
      languageLabel: 'Language',
      conversationTitle: 'Conversation',
      welcome: "Hi! I'm ChatBet. Ask me about fixtures, odds, predictions or what a bet would pay.",
      examplesLabel: 'Try one of these',
      example1: 'What are the odds for Barcelona vs Real Madrid?',
      example2: 'When does Liverpool play next?',
      example3: 'How much would I win with €20 on Arsenal?',
      typing: 'ChatBet is typing…',
      inputLabel: 'Your message',
      inputPlaceholder: 'Ask about a match, odds or a bet…',
      inputHint: 'Enter to send · Shift+Enter for a new line',
      send: 'Send',
      cancel: 'Stop',
      reconnect: 'Reconnect',
      statusConnecting: 'Connecting…',
      statusConnected: 'Connected',
      statusReconnecting: 'Reconnecting…',
      statusOffline: 'Offline',
      statusReplaced: 'Open in another tab',
      statusHttp: 'Connected (HTTP)',
      liveTitle: 'Live odds',
      liveEmpty: 'Ask about a match and its prices will update here as they move.',
      liveConnecting: 'Connecting',
      liveLive: 'Live',
      liveOff: 'Updates off',
      liveUpdated: 'Updated {time}',
      marketName: 'Match result (1X2)',
      colSelection: 'Selection',
      colOdds: 'Odds',
      colProbability: 'Implied probability',
      colChange: 'Change',
      draw: 'Draw',
      intent: 'Intent',
      cancelled: 'Stopped',
      suggestions: 'Suggested questions',
      you: 'You said:',
      bot: 'ChatBet said:',
      errorGeneric: 'Something went wrong. Please try again.',
      corrected: 'Figures corrected against the data.',
      errorNoAck: 'The server did not confirm your message. Please try again.',
      status_pre_match: 'Not started',
      status_live: 'In play',
      status_finished: 'Finished',
      details: 'Details',
      detailsHint: 'Show intents and response times',
      signIn: 'Sign in',
      signOut: 'Sign out',
      signInTitle: 'Sign in to ChatBet',
      username: 'Username',
      password: 'Password',
      close: 'Close',
      demoUsers: 'Demo accounts:',
      signedInAs: 'Signed in as {name}. Bets you confirm here are placed on this account.',
      signedOut: 'Signed out.',
      signInToBet: 'Sign in to place this bet',
      askAgain: 'Signed in as {name}. Send your bet again to set it up for you to confirm.',
      accountTitle: 'Your account',
      balance: 'Balance',
      stakedToday: 'Staked today',
      dailyLimit: 'Daily stake limit',
      dailyLimitLeft: '{amount} left today',
      noLimit: 'None set',
      setLimit: 'Save limit',
      limitLabel: 'Daily stake limit (€)',
      limitHint: 'Applies at once. Leave empty to remove it.',
      limitSaved: 'Limit saved.',
      selfExcludedUntil: 'Self-excluded until {date}',
      selfExcludedForever: 'Self-excluded indefinitely',
      playSafe: 'Only stake what you can afford to lose. Help: begambleaware.org',
      slipTitle: 'Bet slip',
      slipExpires: 'Expires {time}',
      slipStake: 'Stake',
      slipReturn: 'Potential return',
      slipCombined: 'Combined odds',
      slipRecheck: 'Prices are checked again when you confirm.',
      confirmBet: 'Confirm bet',
      confirming: 'Placing…',
      betPlaced: 'Bet placed. Balance now {balance}.',
      betPlacedNoBalance: 'Bet placed.',
      error_DAILY_LIMIT_EXCEEDED: 'This stake is over what your daily limit leaves today.',
      error_INSUFFICIENT_FUNDS: 'Your balance is too low for this stake.',
      error_ODDS_CHANGED: 'The odds have changed since the proposal. Ask again for the new price.',
      error_SELF_EXCLUDED: 'Your account is self-excluded: betting is off.',
      error_PROPOSAL_NOT_FOUND: 'This proposal has expired. Ask again to get a new one.',
      error_INVALID_CREDENTIALS: 'Wrong username or password.',
      error_RATE_LIMITED: 'Too many attempts. Please wait a moment.',
      error_AUTHENTICATION_REQUIRED: 'Your sign-in has expired. Please sign in again.',
      market_1x2: 'Match result (1X2)',
      market_moneyline: 'Winner (incl. overtime)',
      market_over_under: 'Over/Under {line}',
      market_btts: 'Both teams to score',
      sel_over: 'Over',
      sel_under: 'Under',
      sel_yes: 'Yes',
      sel_no: 'No',
    },
    es: {
      tagline: 'Cuotas, partidos y apuestas, conversando',
      skipToInput: 'Ir al cuadro de mensaje',
      languageLabel: 'Idioma',
      conversationTitle: 'Conversación',
      welcome: '¡Hola! Soy ChatBet. Pregúntame por partidos, cuotas, pronósticos o cuánto pagaría una apuesta.',
      examplesLabel: 'Prueba con una de estas',
      example1: '¿Cuáles son las cuotas del Barcelona vs Real Madrid?',
      example2: '¿Cuándo juega el Liverpool?',
      example3: '¿Cuánto ganaría con 20 € al Arsenal?',
      typing: 'ChatBet está escribiendo…',
      inputLabel: 'Tu mensaje',
      inputPlaceholder: 'Pregunta por un partido, cuotas o una apuesta…',
      inputHint: 'Intro para enviar · Mayús+Intro para una nueva línea',
      send: 'Enviar',
      cancel: 'Detener',
      reconnect: 'Reconectar',
      statusConnecting: 'Conectando…',
      statusConnected: 'Conectado',
      statusReconnecting: 'Reconectando…',
      statusOffline: 'Sin conexión',
      statusReplaced: 'Abierto en otra pestaña',
      statusHttp: 'Conectado (HTTP)',
      liveTitle: 'Cuotas en vivo',
      liveEmpty: 'Pregunta por un partido y sus cuotas se actualizarán aquí cuando cambien.',
      liveConnecting: 'Conectando',
      liveLive: 'En vivo',
      liveOff: 'Sin actualizaciones',
      liveUpdated: 'Actualizado {time}',
      marketName: 'Resultado final (1X2)',
      colSelection: 'Selección',
      colOdds: 'Cuota',
      colProbability: 'Probabilidad implícita',
      colChange: 'Cambio',
      draw: 'Empate',
      intent: 'Intención',
      cancelled: 'Detenida',
      suggestions: 'Preguntas sugeridas',
      you: 'Dijiste:',
      bot: 'ChatBet dijo:',
      errorGeneric: 'Algo salió mal. Inténtalo de nuevo.',
      corrected: 'Cifras corregidas con los datos.',
      errorNoAck: 'El servidor no confirmó tu mensaje. Inténtalo de nuevo.',
      status_pre_match: 'Sin empezar',
      status_live: 'En juego',
      status_finished: 'Finalizado',
      details: 'Detalles',
      detailsHint: 'Mostrar intenciones y tiempos de respuesta',
      signIn: 'Iniciar sesión',
      signOut: 'Cerrar sesión',
      signInTitle: 'Inicia sesión en ChatBet',
      username: 'Usuario',
      password: 'Contraseña',
      close: 'Cerrar',
      demoUsers: 'Cuentas de prueba:',
      signedInAs: 'Sesión iniciada como {name}. Las apuestas que confirmes aquí se hacen con esta cuenta.',
      signedOut: 'Sesión cerrada.',
      signInToBet: 'Inicia sesión para hacer esta apuesta',
      askAgain: 'Sesión iniciada como {name}. Envía de nuevo tu apuesta y te la dejaré lista para confirmar.',
      accountTitle: 'Tu cuenta',
      balance: 'Saldo',
      stakedToday: 'Apostado hoy',
      dailyLimit: 'Límite diario de apuestas',
      dailyLimitLeft: 'Quedan {amount} hoy',
      noLimit: 'Sin límite',
      setLimit: 'Guardar límite',
      limitLabel: 'Límite diario de apuestas (€)',
      limitHint: 'Se aplica al momento. Déjalo vacío para quitarlo.',
      limitSaved: 'Límite guardado.',
      selfExcludedUntil: 'Autoexcluido hasta el {date}',
      selfExcludedForever: 'Autoexcluido indefinidamente',
      playSafe: 'Apuesta solo lo que puedas permitirte perder. Ayuda: jugarbien.es',
      slipTitle: 'Boleto',
      slipExpires: 'Caduca {time}',
      slipStake: 'Importe',
      slipReturn: 'Ganancia posible',
      slipCombined: 'Cuota combinada',
      slipRecheck: 'Al confirmar se vuelven a comprobar las cuotas.',
      confirmBet: 'Confirmar apuesta',
      confirming: 'Apostando…',
      betPlaced: 'Apuesta hecha. Tu saldo es ahora {balance}.',
      betPlacedNoBalance: 'Apuesta hecha.',
      error_DAILY_LIMIT_EXCEEDED: 'El importe supera lo que tu límite diario deja para hoy.',
      error_INSUFFICIENT_FUNDS: 'No tienes saldo suficiente para este importe.',
      error_ODDS_CHANGED: 'Las cuotas han cambiado desde la propuesta. Pídela de nuevo para ver el precio nuevo.',
      error_SELF_EXCLUDED: 'Tu cuenta está autoexcluida: no puedes apostar.',
      error_PROPOSAL_NOT_FOUND: 'Esta propuesta ha caducado. Pídela de nuevo.',
      error_INVALID_CREDENTIALS: 'Usuario o contraseña incorrectos.',
      error_RATE_LIMITED: 'Demasiados intentos. Espera un momento.',
      error_AUTHENTICATION_REQUIRED: 'Tu sesión ha caducado. Vuelve a iniciarla.',
      market_1x2: 'Resultado final (1X2)',
      market_moneyline: 'Ganador (con prórroga)',
      market_over_under: 'Más/Menos {line}',
      market_btts: 'Ambos marcan',
      sel_over: 'Más',
      sel_under: 'Menos',
      sel_yes: 'Sí',
      sel_no: 'No',
    },
  };

  const ACK_TIMEOUT_MS = 20_000;
  const CANCEL_GRACE_MS = 5_000;
  const MATCH_MARKET = '1x2';
  // Tools whose arguments name one match, most telling first.
  const MATCH_TOOLS = ['get_match_odds', 'predict_match', 'simulate_bet', 'compare_teams'];

  const $ = (id) => document.getElementById(id);
  const els = {
    connection: $('connection'),
    connectionText: $('connection-text'),
    reconnect: $('reconnect'),
    messages: $('messages'),
    typing: $('typing'),
    composer: $('composer'),
    input: $('message-input'),
    send: $('send'),
    cancel: $('cancel'),
    liveState: $('live-state'),
    liveEmpty: $('live-empty'),
    liveMatch: $('live-match'),
    liveFixture: $('live-fixture'),
    liveMeta: $('live-meta'),
    liveRows: $('live-rows'),
    liveUpdated: $('live-updated'),
    details: $('details-toggle'),
    signIn: $('sign-in'),
    signInDialog: $('sign-in-dialog'),
    signInForm: $('sign-in-form'),
    signInUsername: $('sign-in-username'),
    signInPassword: $('sign-in-password'),
    signInError: $('sign-in-error'),
    signInClose: $('sign-in-close'),
    signInDemo: $('sign-in-demo'),
    accountChip: $('account-chip'),
    accountChipName: $('account-chip-name'),
    accountChipAvatar: $('account-chip-avatar'),
    accountChipBalance: $('account-chip-balance'),
    account: $('account'),
    accountName: $('account-name'),
    accountBalance: $('account-balance'),
    accountStaked: $('account-staked'),
    accountLimit: $('account-limit'),
    accountExclusion: $('account-exclusion'),
    signOut: $('sign-out'),
    limitForm: $('limit-form'),
    limitInput: $('limit-input'),
    limitStatus: $('limit-status'),
  };

  const state = {
    lang: initialLanguage(),
    transport: 'connecting', // 'socket' once /chat answers, 'http' when there is no Socket.IO server
    connection: 'connecting',
    sessionId: undefined,
    // The anonymous token the server hands a page that came without one: its sessions are reached with it.
    token: undefined,
    lastMessageId: undefined,
    everConnected: false,
    // Set by `server_shutdown`: the server is going away and asked to come back after this many ms.
    reconnectAfterMs: undefined,
    turn: null,
    seenAnswers: new Set(),
    sentMessages: new Set(),
    live: null, // { fixture, rows: Map<key, {row, price, change, odds}>, updatedAt }
    // The signed-in user: { token, userId, name, expiresAt }; its token is then the chat's token too.
    auth: null,
    // A message that asked for a bet before signing in, offered again once signed in.
    pendingBet: undefined,
  };

  /** Counters read by the browser test and handy when debugging in the console. */
  const stats = { streamingEvents: 0, botResponses: 0, oddsUpdates: 0, errors: 0, reconnects: 0, resumedSessions: 0, resumes: 0 };
  window.chatbetPage = {
    stats,
    get transport() {
      return state.transport;
    },
    get sessionId() {
      return state.sessionId;
    },
    // The last answer as the server wrote it (the page may show part of it as a table or a slip).
    lastAnswer: '',
  };

  let chatSocket = null;
  let sportsSocket = null;

  // --- language ------------------------------------------------------------------------------

  function initialLanguage() {
    try {
      const saved = localStorage.getItem('chatbet.lang');
      if (saved === 'en' || saved === 'es') return saved;
    } catch {
      /* storage can be blocked; the browser language decides */
    }
    return (navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
  }

  // One format per language, the one the answers are written in: day before month, 24-hour clock.
  const LOCALES = { en: 'en-GB', es: 'es-ES' };
  const DATE_FORMATS = {
    kickoff: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
    time: { hour: '2-digit', minute: '2-digit' },
    seconds: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
    day: { day: 'numeric', month: 'long' },
  };

  function locale() {
    return LOCALES[state.lang] ?? LOCALES.en;
  }

  /** A date in the browser's time zone (the one sent with every message), in the language's format. */
  function formatDate(value, kind) {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return '';
    const zone = browserTimeZone();
    return new Intl.DateTimeFormat(locale(), { ...DATE_FORMATS[kind], hourCycle: 'h23', ...(zone ? { timeZone: zone } : {}) }).format(date);
  }

  /** "€10.00" in English, "10.00 €" in Spanish, as the answers write amounts. */
  function formatMoney(amount, currency) {
    const value = Number(amount);
    if (!Number.isFinite(value)) return '';
    const symbol = { EUR: '€', USD: '$', GBP: '£' }[String(currency ?? 'EUR').toUpperCase()];
    if (!symbol) return `${value.toFixed(2)} ${currency}`;
    return state.lang === 'es' ? `${value.toFixed(2)} ${symbol}` : `${symbol}${value.toFixed(2)}`;
  }

  function t(key, vars) {
    const text = STRINGS[state.lang][key] ?? STRINGS.en[key] ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? '')) : text;
  }

  /** Sets a UI string on an element and remembers its key, so a language switch can redo it. */
  function setText(el, key, vars) {
    el.dataset.i18n = key;
    if (vars) el.dataset.i18nVars = JSON.stringify(vars);
    else delete el.dataset.i18nVars;
    el.textContent = t(key, vars);
  }

  function applyLanguage(lang) {
    state.lang = lang;
    document.documentElement.lang = lang;
    try {
      localStorage.setItem('chatbet.lang', lang);
    } catch {
      /* not remembered, still applied */
    }
    for (const el of document.querySelectorAll('[data-i18n]')) {
      el.textContent = t(el.dataset.i18n, el.dataset.i18nVars ? JSON.parse(el.dataset.i18nVars) : undefined);
    }
    for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
    for (const el of document.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
    for (const el of document.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
    for (const input of document.querySelectorAll('input[name="lang"]')) input.checked = input.value === lang;
    if (state.live) renderLiveMeta();
    renderFigures();
  }

  // --- connection status ---------------------------------------------------------------------

  function setConnection(status) {
    state.connection = status;
    els.connection.dataset.state = status === 'http' ? 'connected' : status;
    const keys = {
      connecting: 'statusConnecting',
      connected: 'statusConnected',
      reconnecting: 'statusReconnecting',
      offline: 'statusOffline',
      replaced: 'statusReplaced',
      http: 'statusHttp',
    };
    setText(els.connectionText, keys[status]);
    els.reconnect.hidden = !(status === 'offline' || status === 'replaced') || state.transport !== 'socket';
  }

  // --- messages ------------------------------------------------------------------------------

  function isNearBottom() {
    const list = els.messages;
    return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  }

  function keepScrolled(wasNearBottom) {
    if (wasNearBottom) els.messages.scrollTop = els.messages.scrollHeight;
  }

  function speakerLabel(key) {
    const label = document.createElement('span');
    label.className = 'visually-hidden';
    setText(label, key);
    return label;
  }

  function addUserMessage(content) {
    const item = document.createElement('li');
    item.className = 'msg msg--user';
    const bubble = document.createElement('div');
    bubble.className = 'msg__bubble';
    const text = document.createElement('p');
    text.className = 'msg__text';
    text.textContent = content;
    bubble.append(text);
    item.append(speakerLabel('you'), bubble);
    els.messages.append(item);
    keepScrolled(true);
  }

  /** An answer bubble; its text is one text node that streamed deltas are appended to. */
  function createBotMessage() {
    const item = document.createElement('li');
    item.className = 'msg msg--bot';
    const bubble = document.createElement('div');
    bubble.className = 'msg__bubble';
    const meta = document.createElement('div');
    meta.className = 'msg__meta';
    meta.hidden = true;
    const text = document.createElement('p');
    text.className = 'msg__text';
    const textNode = document.createTextNode('');
    text.append(textNode);
    bubble.append(meta, text);
    item.append(speakerLabel('bot'), bubble);
    els.messages.append(item);
    return { item, bubble, meta, text, textNode };
  }

  function addErrorMessage(content, code) {
    const item = document.createElement('li');
    item.className = 'msg msg--bot msg--error';
    item.setAttribute('role', 'alert');
    const bubble = document.createElement('div');
    bubble.className = 'msg__bubble';
    const text = document.createElement('p');
    text.className = 'msg__text';
    text.textContent = content || t('errorGeneric');
    bubble.append(text);
    if (code) {
      const footer = document.createElement('div');
      footer.className = 'msg__footer';
      footer.textContent = code;
      bubble.append(footer);
    }
    item.append(bubble);
    els.messages.append(item);
    keepScrolled(true);
  }

  function renderIntent(message, payload) {
    if (!payload.detected_intent) return;
    const badge = document.createElement('span');
    badge.className = 'badge detail';
    badge.dataset.intent = payload.detected_intent;
    const label = document.createElement('span');
    label.className = 'visually-hidden';
    setText(label, 'intent');
    const name = document.createElement('span');
    name.className = 'badge__intent';
    name.textContent = payload.detected_intent;
    badge.append(label, name);
    if (typeof payload.intent_confidence === 'number') {
      const confidence = document.createElement('span');
      confidence.className = 'badge__confidence';
      confidence.textContent = `${Math.round(payload.intent_confidence * 100)}%`;
      badge.append(confidence);
    }
    message.meta.append(badge);
    if (payload.cancelled) {
      const tag = document.createElement('span');
      tag.className = 'tag';
      setText(tag, 'cancelled');
      message.meta.append(tag);
    }
    message.meta.hidden = false;
  }

  function renderSuggestions(message, actions) {
    if (!Array.isArray(actions) || actions.length === 0) return;
    const group = document.createElement('div');
    group.className = 'chips';
    group.setAttribute('role', 'group');
    group.dataset.i18nAriaLabel = 'suggestions';
    group.setAttribute('aria-label', t('suggestions'));
    for (const action of actions) {
      if (typeof action !== 'string' || action.trim() === '') continue;
      const chip = document.createElement('button');
      chip.type = 'button';
      chip.className = 'chip';
      chip.textContent = action;
      group.append(chip);
    }
    message.bubble.append(group);
  }

  /** The answer's time; its response time only with the details on. */
  function renderFooter(message, payload) {
    const footer = document.createElement('div');
    footer.className = 'msg__footer';
    const time = document.createElement('time');
    time.className = 'msg__time';
    const at = payload.timestamp ?? new Date().toISOString();
    time.dateTime = at;
    time.textContent = formatDate(at, 'time');
    footer.append(time);
    if (typeof payload.response_time_ms === 'number') {
      const latency = document.createElement('span');
      latency.className = 'msg__latency detail';
      latency.textContent = ` · ${payload.response_time_ms} ms`;
      footer.append(latency);
    }
    message.item.append(footer);
  }

  // --- one turn ------------------------------------------------------------------------------

  function newId() {
    if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  function setBusy(busy) {
    els.send.disabled = busy;
    els.cancel.hidden = !busy;
    els.cancel.disabled = false;
    els.messages.setAttribute('aria-busy', String(busy));
  }

  function showTyping(isTyping) {
    els.typing.hidden = !isTyping;
  }

  function newTurn(messageId, content) {
    return { messageId, content, message: null, abort: null, cancelTimer: null };
  }

  function send(content) {
    if (state.turn || content.trim() === '') return false;
    addUserMessage(content);
    state.turn = newTurn(newId(), content);
    state.sentMessages.add(state.turn.messageId);
    setBusy(true);
    if (state.transport === 'http') sendOverHttp(content);
    else sendOverSocket(content);
    return true;
  }

  function currentMessage() {
    const turn = state.turn;
    if (!turn) return null;
    if (!turn.message) {
      turn.message = createBotMessage();
      turn.message.item.classList.add('is-streaming');
      turn.message.item.setAttribute('aria-busy', 'true');
    }
    return turn.message;
  }

  /**
   * Whether an event of a turn belongs to the turn on screen. Every event of a turn carries the id
   * the page gave the user's message; events without one are taken as the current turn's.
   */
  function isCurrentTurn(payload) {
    const turn = state.turn;
    return !turn || !payload.message_id || !turn.messageId || payload.message_id === turn.messageId;
  }

  function onDelta(payload) {
    if (!payload || typeof payload.content !== 'string' || !isOurSession(payload) || !isCurrentTurn(payload)) return;
    stats.streamingEvents += 1;
    if (!state.turn) {
      // A turn still running when the page reconnected and resumed.
      state.turn = newTurn(payload.message_id);
      setBusy(true);
    }
    const nearBottom = isNearBottom();
    currentMessage().textNode.appendData(payload.content);
    showTyping(false);
    keepScrolled(nearBottom);
  }

  /** The streamed answer had figures the data does not back: its corrected text replaces it. */
  function onCorrection(payload) {
    if (!payload || typeof payload.content !== 'string' || !isOurSession(payload) || !isCurrentTurn(payload) || !state.turn) return;
    state.turn.corrected = true;
    currentMessage().textNode.data = payload.content;
  }

  function onFinal(payload) {
    if (!payload || !isOurSession(payload)) return;
    // `answer_id` is the stored answer's id; `message_id` the user message it answers.
    const answerId = payload.answer_id ?? payload.message_id;
    if (answerId && state.seenAnswers.has(answerId)) return;
    if (answerId) state.seenAnswers.add(answerId);
    stats.botResponses += 1;
    if (payload.session_id) state.sessionId = payload.session_id;
    if (answerId) state.lastMessageId = answerId;

    const nearBottom = isNearBottom();
    const ours = Boolean(state.turn) && isCurrentTurn(payload);
    const message = (ours && state.turn.message) || createBotMessage();
    message.textNode.data = typeof payload.content === 'string' ? payload.content : '';
    window.chatbetPage.lastAnswer = message.textNode.data;
    message.item.classList.remove('is-streaming');
    message.item.removeAttribute('aria-busy');
    if (answerId) message.item.dataset.messageId = answerId;
    renderIntent(message, payload);
    renderSuggestions(message, payload.suggested_actions);
    renderFooter(message, payload);
    if (ours && state.turn.corrected) {
      const note = document.createElement('div');
      note.className = 'msg__footer';
      note.textContent = t('corrected');
      message.item.append(note);
    }
    const question = ours ? state.turn.content : undefined;
    if (ours) endTurn();
    keepScrolled(nearBottom);
    if (!payload.cancelled) {
      showMatchOdds(message, payload).catch(() => undefined);
      showProposal(message, payload, question).catch(() => undefined);
      if (state.auth && answeredWith(payload, 'get_user_balance')) refreshAccount();
    }
  }

  function onError(payload) {
    stats.errors += 1;
    if (payload && !isOurSession(payload)) return;
    const turn = state.turn;
    if (turn && (!payload?.message_id || payload.message_id === turn.messageId)) {
      if (turn.message) {
        turn.message.item.classList.remove('is-streaming');
        turn.message.item.removeAttribute('aria-busy');
      }
      endTurn();
    }
    addErrorMessage(payload?.content, payload?.error_code);
  }

  /** A user message sent again by the server after `resume`; shown unless this page sent it. */
  function onUserEcho(payload) {
    if (!payload || typeof payload.content !== 'string' || !isOurSession(payload)) return;
    if (payload.message_id) {
      state.lastMessageId = payload.message_id;
      if (state.sentMessages.has(payload.message_id)) return;
      state.sentMessages.add(payload.message_id);
    }
    addUserMessage(payload.content);
  }

  function endTurn() {
    if (state.turn?.cancelTimer) clearTimeout(state.turn.cancelTimer);
    state.turn = null;
    showTyping(false);
    setBusy(false);
  }

  function cancel() {
    const turn = state.turn;
    if (!turn) return;
    els.cancel.disabled = true;
    if (state.transport === 'http') {
      turn.abort?.abort();
      return;
    }
    chatSocket?.emit('cancel', { message_id: turn.messageId });
    // The server answers a cancel with a final bot_response; if that never comes, stop waiting.
    turn.cancelTimer = setTimeout(() => {
      if (state.turn !== turn) return;
      finishLocallyCancelled(turn);
    }, CANCEL_GRACE_MS);
  }

  function finishLocallyCancelled(turn) {
    const message = turn.message ?? createBotMessage();
    message.item.classList.remove('is-streaming');
    message.item.removeAttribute('aria-busy');
    const tag = document.createElement('span');
    tag.className = 'tag';
    setText(tag, 'cancelled');
    message.meta.append(tag);
    message.meta.hidden = false;
    endTurn();
  }

  function isOurSession(payload) {
    return !payload.session_id || !state.sessionId || payload.session_id === state.sessionId;
  }

  // --- Socket.IO transport -------------------------------------------------------------------

  /** The wait a `server_shutdown` asks for before reconnecting (at most 30 s; 1 s when it says none). */
  function shutdownDelayMs(payload) {
    const after = Number(payload?.retry_after_ms);
    return Number.isFinite(after) && after >= 0 ? Math.min(after, 30_000) : 1_000;
  }

  /** `fresh`: a new connection that does not recover the last one (which would keep its identity). */
  function connectChat(fresh = false) {
    if (typeof window.io !== 'function') {
      useHttp();
      return;
    }
    state.transport = 'socket';
    chatSocket = window.io('/chat', {
      forceNew: fresh,
      // A function, so every reconnection presents the session this page is in.
      auth: (cb) => cb({ ...(state.sessionId ? { session_id: state.sessionId } : {}), ...(state.token ? { token: state.token } : {}) }),
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
    });

    // Connected once the server has set the connection up and said so in `connection_status`: a
    // message sent before that could reach it first.
    chatSocket.on('connect', () => {
      if (state.everConnected) stats.reconnects += 1;
      state.resumeWhenReady = state.everConnected && Boolean(state.sessionId);
      state.everConnected = true;
    });
    chatSocket.on('connect_error', (error) => {
      if (!state.everConnected && /invalid namespace/i.test(error?.message ?? '')) {
        chatSocket.close();
        chatSocket = null;
        useHttp();
        return;
      }
      setConnection(chatSocket?.active ? 'reconnecting' : 'offline');
    });
    chatSocket.on('disconnect', (reason) => {
      if (state.connection === 'replaced') return;
      if (reason === 'io server disconnect' && state.reconnectAfterMs !== undefined) {
        // The instance is shutting down: come back when it said (to another instance) and resume.
        const delay = state.reconnectAfterMs;
        state.reconnectAfterMs = undefined;
        setConnection('reconnecting');
        setTimeout(() => chatSocket?.connect(), delay);
        return;
      }
      // After any other server-side disconnect Socket.IO does not retry by itself.
      setConnection(reason === 'io server disconnect' || reason === 'io client disconnect' ? 'offline' : 'reconnecting');
    });
    chatSocket.on('server_shutdown', (payload) => {
      state.reconnectAfterMs = shutdownDelayMs(payload);
    });
    chatSocket.on('connection_status', (payload) => {
      if (payload?.session_id) state.sessionId = payload.session_id;
      if (typeof payload?.token === 'string') state.token = payload.token;
      if (payload?.resumed) stats.resumedSessions += 1;
      setConnection(payload?.status === 'replaced' ? 'replaced' : 'connected');
      if (payload?.status === 'replaced') return;
      if (state.resumeWhenReady) {
        state.resumeWhenReady = false;
        chatSocket.emit('resume', {
          session_id: state.sessionId,
          ...(state.lastMessageId ? { last_message_id: state.lastMessageId } : {}),
        });
      }
      const waiting = whenConnected;
      whenConnected = [];
      for (const send of waiting) send();
    });
    chatSocket.on('typing_indicator', (payload) => showTyping(Boolean(payload?.is_typing) && Boolean(state.turn)));
    chatSocket.on('streaming_response', onDelta);
    chatSocket.on('correction', onCorrection);
    chatSocket.on('bot_response', onFinal);
    chatSocket.on('user_message_echo', onUserEcho);
    chatSocket.on('resume_complete', () => {
      stats.resumes += 1;
    });
    chatSocket.on('error', onError);
  }

  // Sends waiting for the server to confirm a (re)connection, oldest first.
  let whenConnected = [];

  /** Runs `send` now if the chat is connected, else once `connection_status` says it is. */
  function onceConnected(send) {
    if (state.connection === 'connected') send();
    else whenConnected.push(send);
  }

  function sendOverSocket(content) {
    const turn = state.turn;
    showTyping(true);
    onceConnected(() => {
      if (state.turn !== turn || !chatSocket) return;
      const payload = { content, message_id: turn.messageId, ...(state.sessionId ? { session_id: state.sessionId } : {}) };
      const timeZone = browserTimeZone();
      if (timeZone) payload.time_zone = timeZone;
      emitUserMessage(turn, payload);
    });
  }

  function emitUserMessage(turn, payload) {
    chatSocket.timeout(ACK_TIMEOUT_MS).emit('user_message', payload, (error, ack) => {
      if (state.turn !== turn) return;
      if (error) {
        onError({ content: t('errorNoAck') });
        return;
      }
      if (ack?.message_id) {
        turn.messageId = ack.message_id;
        state.sentMessages.add(ack.message_id);
      }
    });
  }

  // --- HTTP transport (no Socket.IO server) ---------------------------------------------------

  function useHttp() {
    state.transport = 'http';
    setConnection('http');
  }

  /** The browser's IANA time zone, so "tomorrow" means the user's tomorrow; omitted when unusual. */
  function browserTimeZone() {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return typeof zone === 'string' && /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$|^UTC$/.test(zone) ? zone : undefined;
  }

  async function sendOverHttp(content) {
    const turn = state.turn;
    turn.abort = new AbortController();
    showTyping(true);
    const body = { message: content, ...(state.sessionId ? { session_id: state.sessionId } : {}) };
    const timeZone = browserTimeZone();
    if (timeZone) body.time_zone = timeZone;
    try {
      const response = await fetch('/api/v1/chat/stream', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', ...(state.token ? { Authorization: `Bearer ${state.token}` } : {}) },
        body: JSON.stringify(body),
        signal: turn.abort.signal,
      });
      if (!response.ok || !response.body) {
        const problem = await response.json().catch(() => null);
        onError({ content: errorText(problem), error_code: problem?.error });
        return;
      }
      await readEvents(response.body, (event, data) => {
        if (state.turn !== turn) return;
        if (event === 'token') {
          onDelta({ content: data.content, index: data.index });
        } else if (event === 'correction') {
          onCorrection({ ...data, message_id: turn.messageId });
        } else if (event === 'done') {
          if (typeof data.token === 'string') state.token = data.token;
          // The REST answer names the stored answer message_id and the question reply_to.
          onFinal({ ...data, message_id: turn.messageId, answer_id: data.message_id, content: data.message, function_calls: data.function_calls_made, is_final: true });
        } else if (event === 'error') {
          onError({ content: errorText(data), error_code: data?.error });
        }
      });
      if (state.turn === turn) onError({ content: t('errorGeneric') });
    } catch (error) {
      if (state.turn !== turn) return;
      if (error?.name === 'AbortError') {
        finishLocallyCancelled(turn);
      } else {
        onError({ content: t('errorGeneric') });
      }
    }
  }

  function errorText(problem) {
    const message = problem?.message;
    if (Array.isArray(message)) return message.join('\n');
    return typeof message === 'string' ? message : t('errorGeneric');
  }

  /** Reads a Server-Sent Events body, calling `onEvent(name, parsedData)` per event. */
  async function readEvents(body, onEvent) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        }
        if (data.length === 0) continue;
        try {
          onEvent(event, JSON.parse(data.join('\n')));
        } catch {
          /* a malformed event is skipped */
        }
      }
    }
  }

  // --- odds of the discussed match -------------------------------------------------------------

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response.json();
  }

  function text(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }

  /** What the answer says about a match: an id, or the teams to look its next meeting up by. */
  function matchReference(payload) {
    const calls = Array.isArray(payload.function_calls) ? payload.function_calls : [];
    const usable = calls.filter((call) => call && call.ok !== false && MATCH_TOOLS.includes(call.name));
    usable.sort((a, b) => MATCH_TOOLS.indexOf(a.name) - MATCH_TOOLS.indexOf(b.name));
    for (const call of usable) {
      const args = call.args ?? call.arguments ?? {};
      const legs = Array.isArray(args.selections) ? args.selections : [];
      if (call.name === 'simulate_bet' && legs.length !== 1) continue;
      const ref = call.name === 'simulate_bet' ? legs[0] : args;
      const result = call.result ?? call.results;
      const id = text(ref.match_id) ?? text(result?.match?.id) ?? text(result?.match_id);
      if (id) return { matchId: id };
      if (call.name !== 'simulate_bet' && (text(ref.team_a) || text(ref.team_b))) {
        return { teamA: text(ref.team_a) ?? text(ref.team_b), teamB: text(ref.team_a) ? text(ref.team_b) : undefined };
      }
    }
    const teams = Array.isArray(payload.entities?.teams) ? payload.entities.teams.filter((team) => text(team)) : [];
    if (teams.length >= 2) return { teamA: teams[0], teamB: teams[1] };
    return null;
  }

  async function resolveMatchId(ref) {
    if (ref.matchId) return ref.matchId;
    if (ref.teamB) {
      const query = new URLSearchParams({ team_a: ref.teamA, team_b: ref.teamB });
      const comparison = await getJson(`/api/v1/sports/compare?${query}`);
      return comparison.nextMeeting?.id;
    }
    const team = await getJson(`/api/v1/sports/teams/${encodeURIComponent(ref.teamA)}`);
    return team.nextFixture?.id;
  }

  async function showMatchOdds(message, payload) {
    const ref = matchReference(payload);
    if (!ref) return;
    const matchId = await resolveMatchId(ref);
    if (!matchId) return;
    const odds = await getJson(`/api/v1/sports/odds?${new URLSearchParams({ match_id: matchId })}`);
    const markets = Array.isArray(odds.markets) ? odds.markets.filter((m) => Array.isArray(m.selections) && m.selections.length > 0) : [];
    const result = markets.find((m) => m.market === MATCH_MARKET);
    if (result) followLive(odds.fixture, result, odds.updatedAt ?? result.updatedAt);
    if (!answeredWith(payload, 'get_match_odds')) return;
    const shown = mainMarkets(markets);
    if (shown.length === 0) return;
    await loadCompetitions();
    const nearBottom = isNearBottom();
    tableInsteadOfPriceLines(message, oddsTable(odds.fixture, shown));
    keepScrolled(nearBottom);
  }

  function answeredWith(payload, tool) {
    return Array.isArray(payload.function_calls) && payload.function_calls.some((call) => call?.name === tool && call.ok !== false);
  }

  /** The markets an odds answer quotes: the winner, goals or points over/under (2.5 first) and both teams to score. */
  function mainMarkets(markets) {
    const find = (code, line) => markets.find((m) => m.market === code && (line === undefined || m.line === line));
    return [find('moneyline') ?? find('1x2'), find('over_under', 2.5) ?? find('over_under'), find('btts')].filter(Boolean);
  }

  // A line of the answer that quotes prices: "• Match result (1X2): Barcelona 2.03 (49.3%) · …".
  const PRICE_LINE_RE = /^\s*[•*-]\s.*\d\.\d{2}/;

  /**
   * An odds answer shows its prices once: the table takes the place of the lines that quote them,
   * the lead stays above it and the notes go below it.
   */
  function tableInsteadOfPriceLines(message, table) {
    const lines = message.textNode.data.split('\n');
    const first = lines.findIndex((line) => PRICE_LINE_RE.test(line));
    let notes = '';
    if (first !== -1) {
      const last = lines.length - 1 - [...lines].reverse().findIndex((line) => PRICE_LINE_RE.test(line));
      message.textNode.data = lines.slice(0, first).join('\n');
      notes = lines.slice(last + 1).join('\n').trim();
    }
    message.text.after(table);
    if (notes) {
      const note = document.createElement('p');
      note.className = 'msg__note';
      note.textContent = notes;
      table.after(note);
    }
  }

  function formatOdds(value) {
    const decimals = (String(value).split('.')[1] ?? '').length;
    return Number(value).toFixed(Math.max(2, decimals));
  }

  function formatProbability(value) {
    return `${(Math.round(value * 10_000) / 100).toFixed(2)}%`;
  }

  /** A selection's name in the page's language: teams as named, the rest translated. */
  function selectionName(selection) {
    const cell = document.createElement('th');
    cell.scope = 'row';
    const key = { draw: 'draw', over: 'sel_over', under: 'sel_under', yes: 'sel_yes', no: 'sel_no' }[selection.key];
    if (key) setText(cell, key);
    else cell.textContent = selection.name;
    return cell;
  }

  function headerCell(key, numeric) {
    const th = document.createElement('th');
    th.scope = 'col';
    if (numeric) th.className = 'num';
    setText(th, key);
    return th;
  }

  function fixtureName(fixture) {
    return fixture ? `${fixture.home?.name ?? ''} vs ${fixture.away?.name ?? ''}` : '';
  }

  function marketRow(market) {
    const row = document.createElement('tr');
    row.className = 'odds__market';
    const cell = document.createElement('th');
    cell.scope = 'rowgroup';
    cell.colSpan = 3;
    const key = `market_${market.market}`;
    if (STRINGS.en[key]) setText(cell, key, market.line === undefined ? undefined : { line: market.line });
    else cell.textContent = market.name ?? market.market;
    row.append(cell);
    return row;
  }

  function oddsTable(fixture, markets) {
    const wrapper = document.createElement('div');
    wrapper.className = 'odds';
    if (fixture?.id) wrapper.dataset.fixtureId = fixture.id;
    const table = document.createElement('table');
    const caption = document.createElement('caption');
    caption.className = 'visually-hidden';
    caption.textContent = [fixtureName(fixture), fixture?.tournament ? competitionLabel(fixture.tournament) : ''].filter(Boolean).join(' · ');
    const head = document.createElement('thead');
    const headRow = document.createElement('tr');
    headRow.append(headerCell('colSelection'), headerCell('colOdds', true), headerCell('colProbability', true));
    head.append(headRow);
    table.append(caption, head);
    for (const market of markets) {
      const body = document.createElement('tbody');
      body.dataset.market = market.line === undefined ? market.market : `${market.market}:${market.line}`;
      body.append(marketRow(market));
      for (const selection of market.selections) {
        const row = document.createElement('tr');
        row.dataset.selection = selection.key;
        const price = document.createElement('td');
        price.className = 'num odds__price';
        price.dataset.odds = String(selection.odds);
        price.textContent = formatOdds(selection.odds);
        const probability = document.createElement('td');
        probability.className = 'num odds__probability';
        probability.dataset.probability = String(selection.impliedProbability);
        probability.textContent = formatProbability(selection.impliedProbability);
        row.append(selectionName(selection), price, probability);
        body.append(row);
      }
      table.append(body);
    }
    wrapper.append(table);
    return wrapper;
  }

  // --- competition names ---------------------------------------------------------------------

  // Spanish names of the competitions, by the API's id and by English name ("Champions League").
  const competitions = { byId: new Map(), byName: new Map(), loaded: null };

  function nameKey(name) {
    return String(name).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  }

  function loadCompetitions() {
    competitions.loaded ??= getJson('/api/v1/sports/tournaments')
      .then((body) => {
        for (const t of Array.isArray(body.tournaments) ? body.tournaments : []) {
          if (typeof t.nameEs !== 'string') continue;
          if (t.id !== undefined) competitions.byId.set(String(t.id), t.nameEs);
          if (typeof t.name === 'string') competitions.byName.set(nameKey(t.name), t.nameEs);
        }
        if (state.live) renderLiveMeta();
      })
      .catch(() => undefined);
    return competitions.loaded;
  }

  /** A competition ({id, name} or a name) in the page's language: "Liga de Campeones" in Spanish. */
  function competitionLabel(tournament) {
    const name = typeof tournament === 'string' ? tournament : (tournament?.name ?? '');
    if (state.lang !== 'es') return name;
    const id = typeof tournament === 'object' && tournament?.id !== undefined ? String(tournament.id) : undefined;
    return (id && competitions.byId.get(id)) ?? competitions.byName.get(nameKey(name)) ?? name;
  }

  // --- live odds panel ---------------------------------------------------------------------------

  function setLiveState(status) {
    els.liveState.dataset.state = status;
    const keys = { connecting: 'liveConnecting', live: 'liveLive', off: 'liveOff' };
    if (keys[status]) setText(els.liveState, keys[status]);
    else els.liveState.textContent = '';
  }

  function followLive(fixture, market, updatedAt) {
    if (!fixture?.id) return;
    const previousId = state.live?.fixture.id;
    state.live = { fixture, rows: new Map(), updatedAt };
    els.liveRows.replaceChildren();
    for (const selection of market.selections) {
      const row = document.createElement('tr');
      row.dataset.selection = selection.key;
      const price = document.createElement('td');
      price.className = 'num';
      const priceValue = document.createElement('span');
      priceValue.className = 'live__price';
      priceValue.textContent = formatOdds(selection.odds);
      price.append(priceValue);
      const change = document.createElement('td');
      change.className = 'num live__change';
      change.textContent = '–';
      row.append(selectionName(selection), price, change);
      els.liveRows.append(row);
      state.live.rows.set(selection.key, { row, price: priceValue, change, name: selection.name, odds: selection.odds });
    }
    els.liveEmpty.hidden = true;
    els.liveMatch.hidden = false;
    renderLiveMeta();
    if (previousId !== fixture.id) subscribeLive(previousId);
  }

  function renderLiveMeta() {
    const { fixture, updatedAt } = state.live;
    els.liveFixture.textContent = fixtureName(fixture);
    const parts = [];
    if (fixture.tournament?.name) parts.push(competitionLabel(fixture.tournament));
    if (fixture.startTime) parts.push(formatDate(fixture.startTime, 'kickoff'));
    if (fixture.status) parts.push(t(`status_${fixture.status}`));
    if (fixture.score && Number.isFinite(fixture.score.home) && Number.isFinite(fixture.score.away)) {
      parts.push(`${fixture.score.home}–${fixture.score.away}`);
    }
    els.liveMeta.textContent = parts.join(' · ');
    const at = updatedAt ? formatDate(updatedAt, 'seconds') : '';
    if (at) {
      setText(els.liveUpdated, 'liveUpdated', { time: at });
    } else {
      els.liveUpdated.textContent = '';
    }
  }

  function subscribeLive(previousId) {
    if (typeof window.io !== 'function') {
      setLiveState('off');
      return;
    }
    if (!sportsSocket) {
      setLiveState('connecting');
      sportsSocket = window.io('/sports-updates', { reconnection: true, reconnectionDelay: 1_000, reconnectionDelayMax: 10_000 });
      sportsSocket.on('connect', () => sendSubscription());
      sportsSocket.on('connect_error', (error) => {
        if (/invalid namespace/i.test(error?.message ?? '')) {
          sportsSocket.close();
          setLiveState('off');
        } else {
          setLiveState('connecting');
        }
      });
      let liveReconnectAfterMs;
      sportsSocket.on('server_shutdown', (payload) => {
        liveReconnectAfterMs = shutdownDelayMs(payload);
      });
      sportsSocket.on('disconnect', (reason) => {
        if (reason === 'io server disconnect' && liveReconnectAfterMs !== undefined) {
          setTimeout(() => sportsSocket.connect(), liveReconnectAfterMs);
          liveReconnectAfterMs = undefined;
          setLiveState('connecting');
          return;
        }
        setLiveState(sportsSocket.active ? 'connecting' : 'off');
      });
      sportsSocket.on('sports_update', onSportsUpdate);
    } else if (sportsSocket.connected) {
      if (previousId) sportsSocket.emit('unsubscribe', { fixture_ids: [previousId] });
      sendSubscription();
    }
  }

  function sendSubscription() {
    if (!state.live) return;
    sportsSocket.timeout(ACK_TIMEOUT_MS).emit('subscribe', { fixture_ids: [state.live.fixture.id] }, (error, subscription) => {
      setLiveState(error || subscription?.error_code ? 'off' : 'live');
    });
  }

  function onSportsUpdate(update) {
    const live = state.live;
    if (!live || !update || String(update.fixture_id) !== String(live.fixture.id)) return;
    if (update.type === 'status_change') {
      live.fixture = { ...live.fixture, status: update.current, ...(update.score ? { score: update.score } : {}) };
      live.updatedAt = update.at;
      renderLiveMeta();
      return;
    }
    if (update.type !== 'odds_change' || update.market !== MATCH_MARKET) return;
    const wanted = String(update.selection ?? '').toLowerCase();
    const entry = live.rows.get(update.selection) ?? [...live.rows.values()].find((r) => r.name.toLowerCase() === wanted);
    const current = Number(update.current);
    if (!entry || !Number.isFinite(current)) return;
    stats.oddsUpdates += 1;
    const previous = Number.isFinite(Number(update.previous)) ? Number(update.previous) : entry.odds;
    entry.odds = current;
    entry.price.textContent = formatOdds(current);
    const delta = current - previous;
    entry.row.classList.remove('is-up', 'is-down');
    void entry.row.offsetWidth; // restart the highlight animation
    if (delta !== 0) entry.row.classList.add(delta > 0 ? 'is-up' : 'is-down');
    entry.change.textContent = delta === 0 ? '–' : `${delta > 0 ? '▲' : '▼'} ${Math.abs(delta).toFixed(2)}`;
    live.updatedAt = update.at;
    renderLiveMeta();
  }

  // --- details --------------------------------------------------------------------------------

  /** Intent badges and response times are for developers: shown only with "Details" on. */
  function applyDetails(on) {
    document.body.classList.toggle('show-details', on);
    els.details.checked = on;
    try {
      localStorage.setItem('chatbet.details', on ? '1' : '0');
    } catch {
      /* not remembered, still applied */
    }
  }

  function initialDetails() {
    try {
      return localStorage.getItem('chatbet.details') === '1';
    } catch {
      return false;
    }
  }

  // --- account: sign-in, balance, limits -----------------------------------------------------------

  const AUTH_KEY = 'chatbet.auth';
  // The embedded provider's demo accounts, offered on the sign-in form when the server runs it.
  const DEMO_USERS = [
    ['demo', 'demo1234'],
    ['alice', 'alice1234'],
    ['bob', 'bob1234'],
  ];

  class ApiError extends Error {
    constructor(status, body) {
      super(errorText(body));
      this.status = status;
      this.code = typeof body?.code === 'string' ? body.code : undefined;
    }
  }

  /** A JSON call to the API, as the signed-in user when there is one. */
  async function api(method, url, body, headers = {}) {
    const response = await fetch(url, {
      method,
      headers: {
        Accept: 'application/json',
        'Accept-Language': state.lang,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(state.auth ? { Authorization: `Bearer ${state.auth.token}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new ApiError(response.status, data);
      if (response.status === 401 && state.auth && url !== '/api/v1/auth/login') signedOut('error_AUTHENTICATION_REQUIRED');
      throw error;
    }
    return data;
  }

  /** What to tell the user about a failed call: the page's own words for known codes. */
  function problemText(error) {
    const key = error?.code ? `error_${error.code}` : undefined;
    return key && STRINGS.en[key] ? t(key) : (error?.message ?? t('errorGeneric'));
  }

  function savedAuth() {
    try {
      const auth = JSON.parse(sessionStorage.getItem(AUTH_KEY) ?? 'null');
      return auth && typeof auth.token === 'string' && Date.parse(auth.expiresAt) > Date.now() ? auth : null;
    } catch {
      return null;
    }
  }

  function saveAuth(auth) {
    try {
      if (auth) sessionStorage.setItem(AUTH_KEY, JSON.stringify(auth));
      else sessionStorage.removeItem(AUTH_KEY);
    } catch {
      /* kept for this page only */
    }
  }

  /**
   * A conversation belongs to whoever started it: after signing in or out the page starts a new one,
   * and the chat socket reconnects presenting the new token.
   */
  function restartConversation() {
    if (state.turn) endTurn();
    state.token = state.auth?.token;
    state.sessionId = undefined;
    state.lastMessageId = undefined;
    if (chatSocket) {
      // Socket.IO would recover the previous connection, and with it the previous identity.
      const previous = chatSocket;
      chatSocket = null;
      previous.removeAllListeners();
      previous.close();
      setConnection('connecting');
      connectChat(true);
    }
  }

  function addNote(key, vars) {
    const item = document.createElement('li');
    item.className = 'msg msg--note';
    const text = document.createElement('p');
    text.className = 'msg__text';
    setText(text, key, vars);
    item.append(text);
    els.messages.append(item);
    keepScrolled(true);
  }

  async function signIn(username, password) {
    const login = await api('POST', '/api/v1/auth/login', { username, password });
    state.auth = { token: login.access_token, userId: login.user_id, name: login.user_id, expiresAt: new Date(Date.now() + login.expires_in * 1000).toISOString() };
    const me = await api('GET', '/api/v1/auth/me').catch(() => null);
    if (me) state.auth.name = me.display_name || me.username || login.user_id;
    saveAuth(state.auth);
    restartConversation();
    renderAccount();
    await refreshAccount();
    if (state.pendingBet) {
      addNote('askAgain', { name: state.auth.name });
      els.input.value = state.pendingBet;
      state.pendingBet = undefined;
      autoGrow();
      els.input.focus();
    } else {
      addNote('signedInAs', { name: state.auth.name });
    }
  }

  /** Signed out by the user, or because the token stopped working (then `reason` says so). */
  function signedOut(reason) {
    if (!state.auth) return;
    state.auth = null;
    saveAuth(null);
    restartConversation();
    renderAccount();
    addNote(reason ?? 'signedOut');
  }

  function renderAccount() {
    const auth = state.auth;
    els.signIn.hidden = Boolean(auth);
    els.accountChip.hidden = !auth;
    els.account.hidden = !auth;
    document.body.classList.toggle('signed-in', Boolean(auth));
    if (!auth) {
      els.account.classList.remove('is-open');
      els.accountChip.setAttribute('aria-expanded', 'false');
      return;
    }
    els.accountChipName.textContent = auth.name;
    els.accountChipAvatar.textContent = auth.name.trim().charAt(0).toUpperCase();
    els.accountName.textContent = auth.name;
  }

  /** Balance, today's stakes and the responsible-gambling limits of the signed-in user. */
  async function refreshAccount() {
    if (!state.auth) return;
    const [balance, limits] = await Promise.all([api('GET', '/api/v1/auth/balance'), api('GET', '/api/v1/auth/limits')]).catch(() => [null, null]);
    if (!balance || !limits || !state.auth) return;
    state.account = { balance, limits };
    renderFigures();
  }

  function renderFigures() {
    const { balance, limits } = state.account ?? {};
    if (!balance || !limits) return;
    const money = (amount) => formatMoney(amount, balance.currency);
    els.accountChipBalance.textContent = money(balance.available);
    els.accountChipBalance.dataset.amount = String(balance.available);
    els.accountBalance.textContent = money(balance.available);
    els.accountBalance.dataset.amount = String(balance.available);
    els.accountStaked.textContent = money(limits.staked_today);
    if (limits.daily_stake_limit === null) {
      setText(els.accountLimit, 'noLimit');
    } else {
      els.accountLimit.textContent = `${money(limits.daily_stake_limit)} · ${t('dailyLimitLeft', { amount: money(limits.remaining_today ?? 0) })}`;
    }
    els.accountLimit.dataset.limit = limits.daily_stake_limit === null ? '' : String(limits.daily_stake_limit);
    els.accountExclusion.hidden = !limits.self_excluded;
    if (limits.self_excluded) {
      els.accountExclusion.textContent = limits.self_excluded_until
        ? t('selfExcludedUntil', { date: formatDate(limits.self_excluded_until, 'day') })
        : t('selfExcludedForever');
    }
  }

  async function saveLimit() {
    const value = els.limitInput.value.trim();
    const limit = value === '' ? null : Number(value.replace(',', '.'));
    els.limitStatus.textContent = '';
    try {
      const limits = await api('PUT', '/api/v1/auth/limits', { daily_stake_limit: limit });
      state.account = { ...state.account, limits };
      els.limitInput.value = '';
      await refreshAccount();
      setText(els.limitStatus, 'limitSaved');
    } catch (error) {
      els.limitStatus.textContent = problemText(error);
    }
  }

  function openSignIn() {
    els.signInError.hidden = true;
    if (typeof els.signInDialog.showModal === 'function') els.signInDialog.showModal();
    else els.signInDialog.setAttribute('open', '');
    els.signInUsername.focus();
  }

  function closeSignIn() {
    if (typeof els.signInDialog.close === 'function') els.signInDialog.close();
    else els.signInDialog.removeAttribute('open');
  }

  /** The demo accounts, one click to fill the form, when the server runs the embedded provider. */
  async function offerDemoUsers() {
    const health = await getJson('/health').catch(() => null);
    if (health?.modes?.sportsData !== 'embedded') return;
    const label = document.createElement('span');
    setText(label, 'demoUsers');
    els.signInDemo.replaceChildren(label);
    for (const [username, password] of DEMO_USERS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'chip chip--small';
      button.textContent = username;
      button.title = `${username} / ${password}`;
      button.addEventListener('click', () => {
        els.signInUsername.value = username;
        els.signInPassword.value = password;
      });
      els.signInDemo.append(button);
    }
    els.signInDemo.hidden = false;
  }

  // --- proposed bets -------------------------------------------------------------------------

  /**
   * An answer that proposed a bet gets a bet slip to confirm it in the page (it replaces the
   * answer's lines on how to confirm through the API); before signing in, a button to sign in.
   */
  async function showProposal(message, payload, question) {
    if (!answeredWith(payload, 'propose_bet')) return;
    if (!state.auth) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn--primary btn--small msg__action';
      setText(button, 'signInToBet');
      button.addEventListener('click', () => {
        state.pendingBet = question;
        openSignIn();
      });
      message.text.after(button);
      return;
    }
    const { proposals } = await api('GET', '/api/v1/bets/proposals');
    const text = message.textNode.data;
    const proposal = (Array.isArray(proposals) ? proposals : []).find((p) => text.includes(p.proposal_id));
    if (!proposal) return;
    await loadCompetitions();
    const nearBottom = isNearBottom();
    // The slip shows the legs, the stake and how to confirm: the answer keeps its lead and its notes.
    const lines = text.split('\n');
    const end = lines.findIndex((line) => line.includes(proposal.proposal_id));
    const slip = betSlip(proposal);
    message.textNode.data = lines.slice(0, Math.min(1, end)).join('\n');
    message.text.after(slip);
    const notes = lines.slice(end + 1).join('\n').trim();
    if (notes) {
      const note = document.createElement('p');
      note.className = 'msg__note';
      note.textContent = notes;
      slip.after(note);
    }
    keepScrolled(nearBottom);
  }

  function slipRow(labelKey, value, className) {
    const row = document.createElement('div');
    const term = document.createElement('dt');
    setText(term, labelKey);
    const detail = document.createElement('dd');
    if (className) detail.className = className;
    detail.textContent = value;
    row.append(term, detail);
    return row;
  }

  function betSlip(proposal) {
    const slip = document.createElement('section');
    slip.className = 'slip';
    slip.dataset.proposalId = proposal.proposal_id;
    slip.dataset.state = 'open';
    const money = (amount) => formatMoney(amount, proposal.currency);

    const head = document.createElement('div');
    head.className = 'slip__head';
    const title = document.createElement('h3');
    title.className = 'slip__title';
    setText(title, 'slipTitle');
    const expires = document.createElement('span');
    expires.className = 'slip__expires';
    setText(expires, 'slipExpires', { time: formatDate(proposal.expires_at, 'time') });
    head.append(title, expires);

    const legs = document.createElement('ul');
    legs.className = 'slip__legs';
    for (const leg of proposal.legs ?? []) {
      const item = document.createElement('li');
      const pick = document.createElement('span');
      pick.className = 'slip__pick';
      if (leg.selection === 'draw') setText(pick, 'draw');
      else pick.textContent = leg.name;
      const price = document.createElement('span');
      price.className = 'slip__price';
      price.textContent = formatOdds(leg.odds);
      const match = document.createElement('span');
      match.className = 'slip__match';
      match.textContent = [`${leg.fixture?.home ?? ''} vs ${leg.fixture?.away ?? ''}`, leg.fixture?.competition ? competitionLabel(leg.fixture.competition) : '', leg.fixture?.kickoff ? formatDate(leg.fixture.kickoff, 'kickoff') : '']
        .filter(Boolean)
        .join(' · ');
      item.append(pick, price, match);
      legs.append(item);
    }

    const sums = document.createElement('dl');
    sums.className = 'slip__sums';
    sums.append(slipRow('slipStake', money(proposal.stake), 'slip__stake'));
    if ((proposal.legs ?? []).length > 1) sums.append(slipRow('slipCombined', formatOdds(proposal.combined_odds)));
    sums.append(slipRow('slipReturn', money(proposal.potential_return), 'slip__return'));

    const note = document.createElement('p');
    note.className = 'slip__note';
    setText(note, 'slipRecheck');
    const confirm = document.createElement('button');
    confirm.type = 'button';
    confirm.className = 'btn btn--primary slip__confirm';
    setText(confirm, 'confirmBet');
    const status = document.createElement('p');
    status.className = 'slip__status';
    status.setAttribute('role', 'status');
    // One key per slip: a second click or a retry after a lost answer places the bet once.
    const idempotencyKey = `confirm-${newId()}`;
    confirm.addEventListener('click', () => confirmProposal(slip, proposal, idempotencyKey, confirm, status));
    slip.append(head, legs, sums, note, confirm, status);
    return slip;
  }

  async function confirmProposal(slip, proposal, idempotencyKey, button, status) {
    button.disabled = true;
    setText(button, 'confirming');
    status.textContent = '';
    try {
      const bet = await api('POST', `/api/v1/bets/proposals/${encodeURIComponent(proposal.proposal_id)}/confirm`, undefined, { 'Idempotency-Key': idempotencyKey });
      slip.dataset.state = 'placed';
      slip.dataset.betId = bet.bet_id;
      button.hidden = true;
      if (typeof bet.balance_after === 'number') setText(status, 'betPlaced', { balance: formatMoney(bet.balance_after, bet.currency) });
      else setText(status, 'betPlacedNoBalance');
      await refreshAccount();
    } catch (error) {
      slip.dataset.state = 'rejected';
      slip.dataset.errorCode = error?.code ?? '';
      status.textContent = problemText(error);
      // Only a failure without an answer (the network) is worth another click.
      button.disabled = error instanceof ApiError;
      setText(button, 'confirmBet');
    }
  }

  // --- wiring --------------------------------------------------------------------------------

  function autoGrow() {
    els.input.style.height = 'auto';
    els.input.style.height = `${els.input.scrollHeight + 2}px`;
  }

  els.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    if (send(els.input.value)) {
      els.input.value = '';
      autoGrow();
    }
  });
  els.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      els.composer.requestSubmit();
    }
  });
  els.input.addEventListener('input', autoGrow);
  els.cancel.addEventListener('click', cancel);
  els.reconnect.addEventListener('click', () => {
    if (!chatSocket) return;
    setConnection('connecting');
    chatSocket.connect();
  });
  els.messages.addEventListener('click', (event) => {
    const chip = event.target instanceof Element ? event.target.closest('.chip') : null;
    if (chip) send(chip.textContent ?? '');
  });
  for (const input of document.querySelectorAll('input[name="lang"]')) {
    input.addEventListener('change', () => {
      if (input.checked) applyLanguage(input.value);
    });
  }

  els.details.addEventListener('change', () => applyDetails(els.details.checked));
  els.signIn.addEventListener('click', openSignIn);
  els.signInClose.addEventListener('click', closeSignIn);
  els.signInForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = els.signInForm.querySelector('button[type="submit"]');
    submit.disabled = true;
    els.signInError.hidden = true;
    try {
      await signIn(els.signInUsername.value.trim(), els.signInPassword.value);
      els.signInForm.reset();
      closeSignIn();
    } catch (error) {
      els.signInError.textContent = problemText(error);
      els.signInError.hidden = false;
    } finally {
      submit.disabled = false;
    }
  });
  els.signOut.addEventListener('click', () => signedOut());
  els.accountChip.addEventListener('click', () => {
    const open = !els.account.classList.contains('is-open');
    els.account.classList.toggle('is-open', open);
    els.accountChip.setAttribute('aria-expanded', String(open));
    if (open) els.account.scrollIntoView({ block: 'nearest' });
  });
  els.limitForm.addEventListener('submit', (event) => {
    event.preventDefault();
    saveLimit();
  });

  applyDetails(initialDetails());
  applyLanguage(state.lang);
  state.auth = savedAuth();
  state.token = state.auth?.token;
  renderAccount();
  refreshAccount();
  loadCompetitions();
  offerDemoUsers();
  setConnection('connecting');
  connectChat();
})();
