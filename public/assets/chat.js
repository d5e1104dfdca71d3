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

  /** The browser's own locale when it is in the chosen language (en-GB keeps 24-hour times), else the language. */
  function locale() {
    const browser = navigator.language || '';
    return browser.toLowerCase().startsWith(state.lang) ? browser : state.lang;
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
    for (const input of document.querySelectorAll('input[name="lang"]')) input.checked = input.value === lang;
    if (state.live) renderLiveMeta();
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
    badge.className = 'badge';
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

  function renderFooter(message, payload) {
    const parts = [];
    const at = payload.timestamp ? new Date(payload.timestamp) : new Date();
    if (!Number.isNaN(at.getTime())) parts.push(at.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' }));
    if (typeof payload.response_time_ms === 'number') parts.push(`${payload.response_time_ms} ms`);
    if (parts.length === 0) return;
    const footer = document.createElement('div');
    footer.className = 'msg__footer';
    footer.textContent = parts.join(' · ');
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

  function newTurn(messageId) {
    return { messageId, message: null, abort: null, cancelTimer: null };
  }

  function send(content) {
    if (state.turn || content.trim() === '') return false;
    addUserMessage(content);
    state.turn = newTurn(newId());
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
    if (ours) endTurn();
    keepScrolled(nearBottom);
    if (!payload.cancelled) showMatchOdds(message, payload).catch(() => undefined);
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

  function connectChat() {
    if (typeof window.io !== 'function') {
      useHttp();
      return;
    }
    state.transport = 'socket';
    chatSocket = window.io('/chat', {
      // A function, so every reconnection presents the session this page is in.
      auth: (cb) => cb({ ...(state.sessionId ? { session_id: state.sessionId } : {}), ...(state.token ? { token: state.token } : {}) }),
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
    });

    chatSocket.on('connect', () => {
      setConnection('connected');
      if (state.everConnected) stats.reconnects += 1;
      if (state.everConnected && state.sessionId) {
        chatSocket.emit('resume', {
          session_id: state.sessionId,
          ...(state.lastMessageId ? { last_message_id: state.lastMessageId } : {}),
        });
      }
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

  function sendOverSocket(content) {
    const turn = state.turn;
    const payload = { content, message_id: turn.messageId, ...(state.sessionId ? { session_id: state.sessionId } : {}) };
    const timeZone = browserTimeZone();
    if (timeZone) payload.time_zone = timeZone;
    showTyping(true);
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
    const query = new URLSearchParams({ match_id: matchId, market: MATCH_MARKET });
    const odds = await getJson(`/api/v1/sports/odds?${query}`);
    const market = (odds.markets ?? []).find((m) => m.market === MATCH_MARKET);
    if (!market || !Array.isArray(market.selections) || market.selections.length === 0) return;
    const nearBottom = isNearBottom();
    message.bubble.insertBefore(oddsTable(odds.fixture, market), message.bubble.querySelector('.chips'));
    keepScrolled(nearBottom);
    followLive(odds.fixture, market, odds.updatedAt ?? market.updatedAt);
  }

  function formatOdds(value) {
    const decimals = (String(value).split('.')[1] ?? '').length;
    return Number(value).toFixed(Math.max(2, decimals));
  }

  function formatProbability(value) {
    return `${(Math.round(value * 10_000) / 100).toFixed(2)}%`;
  }

  function selectionName(selection) {
    const cell = document.createElement('th');
    cell.scope = 'row';
    if (selection.key === 'draw') setText(cell, 'draw');
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

  function oddsTable(fixture, market) {
    const wrapper = document.createElement('div');
    wrapper.className = 'odds';
    if (fixture?.id) wrapper.dataset.fixtureId = fixture.id;
    const table = document.createElement('table');
    const caption = document.createElement('caption');
    const title = document.createElement('span');
    setText(title, 'marketName');
    const subtitle = document.createElement('span');
    subtitle.className = 'odds__fixture';
    subtitle.textContent = [fixtureName(fixture), fixture?.tournament?.name].filter(Boolean).join(' · ');
    caption.append(title, subtitle);
    const head = document.createElement('thead');
    const headRow = document.createElement('tr');
    headRow.append(headerCell('colSelection'), headerCell('colOdds', true), headerCell('colProbability', true));
    head.append(headRow);
    const body = document.createElement('tbody');
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
    table.append(caption, head, body);
    wrapper.append(table);
    return wrapper;
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
    if (fixture.tournament?.name) parts.push(fixture.tournament.name);
    const start = fixture.startTime ? new Date(fixture.startTime) : null;
    if (start && !Number.isNaN(start.getTime())) {
      parts.push(start.toLocaleString(locale(), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }));
    }
    if (fixture.status) parts.push(t(`status_${fixture.status}`));
    if (fixture.score && Number.isFinite(fixture.score.home) && Number.isFinite(fixture.score.away)) {
      parts.push(`${fixture.score.home}–${fixture.score.away}`);
    }
    els.liveMeta.textContent = parts.join(' · ');
    const at = updatedAt ? new Date(updatedAt) : null;
    if (at && !Number.isNaN(at.getTime())) {
      setText(els.liveUpdated, 'liveUpdated', { time: at.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' }) });
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

  applyLanguage(state.lang);
  setConnection('connecting');
  connectChat();
})();
