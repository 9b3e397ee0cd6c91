// The widget itself: the launcher and panel in a shadow root, the socket to the adapter, and the rendering of each
// message by its author and purpose. takeover-chat.js loads it after texts.js and dom.js.
(() => {
  'use strict';

  const { el, icon, clock, newId, cssEscape, pickLanguage, readJson } = window.TakeoverChat.dom;
  const { data, adapter } = window.TakeoverChat.embedding;
  const socketUrl = new URL('/chat', adapter);
  socketUrl.protocol = adapter.protocol === 'https:' ? 'wss:' : 'ws:';
  const storageKey = 'takeover-chat:' + adapter.origin;
  const language = pickLanguage(data.language);
  const TEXT = window.TakeoverChat.texts[language];
  const title = data.title || TEXT.title;
  const ENDS_WAITING = new Set(['AGENT_JOINED', 'HAND_BACK', 'RESOLVED', 'ABANDONED']);
  const BACK_TO_BOT = new Set(['HAND_BACK', 'RESOLVED', 'ABANDONED']);

  // ---- state -------------------------------------------------------------------------------------------------------
  const saved = readJson(localStorage, storageKey) || {};
  const state = {
    token: saved.token || null,
    conversationId: saved.conversationId || null,
    seen: saved.seen || 0,            // the last entry shown while the panel was open: later ones are unread
    lastSeq: 0,                      // the last entry this page rendered; a reconnect asks for what follows
    pending: (saved.pending || []),  // messages not yet confirmed by the adapter, resent after a reconnect
    maxLength: 4000,
    open: sessionStorage.getItem(storageKey + ':open') === 'true',
    unread: 0,
    phase: 'bot',                    // bot | waiting | agent
    agentName: null,
    survey: { seq: null, answered: null, awaitingThanks: false },
    connection: 'connecting',
    attempts: 0,
    refused: false,
  };
  let socket = null;
  let retryTimer = null;

  // ---- the DOM, inside a shadow root ---------------------------------------------------------------------------------
  const host = document.createElement('div');
  host.setAttribute('data-takeover-chat', '');
  host.hidden = true;
  const root = host.attachShadow({ mode: 'open' });
  const style = el('link', { rel: 'stylesheet', href: new URL('/widget/takeover-chat.css', adapter).href });
  style.addEventListener('load', () => { host.hidden = false; });
  if (data.color) host.style.setProperty('--brand', data.color);

  const launcherBadge = el('span', { class: 'badge', 'aria-hidden': 'true' });
  const launcher = el('button', { class: 'launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'panel', 'aria-label': TEXT.open },
    icon('chat', 'icon-chat'), icon('chevron', 'icon-close'), launcherBadge);

  const avatar = el('div', { class: 'avatar avatar-header', 'aria-hidden': 'true' });
  const headerTitle = el('h2', { id: 'title', class: 'title' }, title);
  const headerSubtitle = el('p', { class: 'subtitle' });
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const closeButton = el('button', { class: 'close', type: 'button', 'aria-label': TEXT.minimise }, icon('chevron'));
  const header = el('header', { class: 'header' }, avatar, el('div', { class: 'heading' }, headerTitle, headerSubtitle), closeButton);

  const welcome = el('div', { class: 'welcome' }, el('p', { class: 'greeting' }, TEXT.greeting), el('p', { class: 'intro' }, TEXT.intro));
  const queueText = el('p', { class: 'queue-text' });
  const queueCard = el('div', { class: 'queue', hidden: '', role: 'status' }, el('span', { class: 'pulse', 'aria-hidden': 'true' }),
    el('div', {}, el('p', { class: 'queue-title' }, TEXT.waiting), queueText));
  const log = el('ol', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': TEXT.log });
  const scroller = el('div', { class: 'scroller' }, welcome, log);

  const notice = el('p', { class: 'composer-notice', role: 'alert' });
  const input = el('textarea', { class: 'input', rows: '1', placeholder: TEXT.placeholder, 'aria-label': TEXT.placeholder, enterkeyhint: 'send' });
  const sendButton = el('button', { class: 'send', type: 'submit', 'aria-label': TEXT.send, disabled: '' }, icon('send'));
  const composer = el('form', { class: 'composer' }, el('div', { class: 'field' }, input, sendButton), notice);

  const panel = el('section', { id: 'panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'title', hidden: '' },
    header, status, queueCard, scroller, composer);
  root.append(style, panel, launcher);

  // ---- behaviour -----------------------------------------------------------------------------------------------------
  launcher.addEventListener('click', () => setOpen(!state.open));
  closeButton.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { setOpen(false); launcher.focus(); }
  });
  input.addEventListener('input', () => { autosize(); updateComposer(); });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); submit(); }
  });
  composer.addEventListener('submit', (event) => { event.preventDefault(); submit(); });
  window.addEventListener('online', () => { if (!socket) connect(); });

  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);

  function start() {
    document.body.append(host);
    renderHeader();
    setOpen(state.open, false);
    connect();
  }

  function setOpen(open, focus = true) {
    state.open = open;
    sessionStorage.setItem(storageKey + ':open', String(open));
    panel.hidden = !open;
    host.toggleAttribute('data-open', open);
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', open ? TEXT.close : TEXT.open);
    if (open) {
      markRead();
      scrollToEnd();
      if (focus) input.focus();
    }
  }

  function submit() {
    const text = input.value.trim();
    if (!text || state.refused) return;
    if ([...text].length > state.maxLength) { showNotice(TEXT.tooLong(state.maxLength)); return; }
    const message = { messageId: newId(), text };
    state.pending.push(message);
    save();
    renderPending(message);
    input.value = '';
    autosize();
    updateComposer();
    transmit(message);
  }

  function transmit(message) {
    if (socket && socket.readyState === WebSocket.OPEN && state.connection === 'online') {
      socket.send(JSON.stringify({ type: 'message', messageId: message.messageId, text: message.text }));
    }
  }

  function connect() {
    clearTimeout(retryTimer);
    if (state.refused) return;
    setConnection(state.attempts === 0 ? 'connecting' : 'reconnecting');
    socket = new WebSocket(socketUrl.href);
    socket.addEventListener('open', () => {
      const hello = { type: 'hello', token: state.token, conversationId: state.conversationId, after: state.lastSeq, language };
      if (data.identity) { hello.identity = data.identity; hello.signature = data.identitySignature; }
      socket.send(JSON.stringify(hello));
    });
    socket.addEventListener('message', (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame.type === 'welcome') welcomed(frame);
      else if (frame.type === 'entry') entry(frame);
      else if (frame.type === 'error') refusedFrame(frame);
    });
    socket.addEventListener('close', (event) => {
      socket = null;
      if (event.code === 1008 || state.refused) { state.refused = true; setConnection('refused'); return; }
      state.attempts += 1;
      setConnection('reconnecting');
      const delay = Math.min(15000, 500 * 2 ** Math.min(state.attempts, 5)) * (0.75 + Math.random() / 2);
      retryTimer = setTimeout(connect, delay);
    });
  }

  function welcomed(frame) {
    if (state.conversationId && frame.conversationId !== state.conversationId) {
      log.replaceChildren();
      state.lastSeq = 0;
      state.seen = 0;
    }
    state.conversationId = frame.conversationId;
    if (frame.token) state.token = frame.token;
    if (frame.maxLength) state.maxLength = frame.maxLength;
    state.attempts = 0;
    save();
    setConnection('online');
    state.pending.forEach(transmit);
  }

  function refusedFrame(frame) {
    if (frame.code === 'identity-refused') { state.refused = true; setConnection('refused'); return; }
    const message = state.pending.find((m) => m.messageId === frame.messageId);
    if (frame.code === 'too-long' && message) {
      dropPending(message.messageId);
      input.value = message.text;
      autosize();
      showNotice(TEXT.tooLong(state.maxLength));
    } else if ((frame.code === 'rate-limited' || frame.code === 'unavailable') && state.pending.length) {
      showNotice(frame.code === 'rate-limited' ? TEXT.slowDown : TEXT.unavailable);
      setTimeout(() => state.pending.forEach(transmit), frame.retryAfterMs || 2000);
    }
  }

  function entry(frame) {
    if (frame.seq <= state.lastSeq) return;
    state.lastSeq = frame.seq;
    if (frame.author === 'CUSTOMER') dropPending(frame.messageId);
    follow(frame);
    render(frame);
    if (frame.author !== 'CUSTOMER' && frame.seq > state.seen) {
      if (state.open && document.visibilityState !== 'hidden') markRead(); else { state.unread += 1; renderBadge(); }
    } else if (state.open) {
      markRead();
    }
    scrollToEnd();
  }

  /** Who is in charge, the queue card and the survey follow the purposes of the messages, in order. */
  function follow(frame) {
    const purpose = frame.purpose || '';
    if (frame.author === 'SYSTEM') {
      if (purpose === 'HANDOVER_NOTICE' || purpose === 'QUEUE_UPDATE' || purpose === 'REQUEUED') state.phase = 'waiting';
      if (purpose === 'AGENT_JOINED' || purpose === 'TRANSFER') state.phase = 'agent';
      if (BACK_TO_BOT.has(purpose)) { state.phase = 'bot'; state.agentName = null; }
      if (purpose === 'QUEUE_UPDATE') { queueText.textContent = frame.text; }
    }
    if (frame.author === 'AGENT') { state.phase = 'agent'; state.agentName = frame.sender && frame.sender.name; }
    if (ENDS_WAITING.has(purpose)) queueText.textContent = '';
    queueCard.hidden = state.phase !== 'waiting' || !queueText.textContent;
    const survey = state.survey;
    if (frame.author === 'BOT' && purpose === 'SURVEY') {
      if (survey.awaitingThanks) { survey.awaitingThanks = false; frame.surveyThanks = true; } else { survey.seq = frame.seq; survey.answered = null; }
    } else if (frame.author === 'CUSTOMER' && survey.seq !== null && survey.answered === null) {
      const rating = /(?:^|\D)([1-5])(?:\D|$)/.exec(frame.text);
      survey.answered = rating ? Number(rating[1]) : 0;
      survey.awaitingThanks = true;
      updateSurvey();
    } else if (frame.author === 'BOT') {
      survey.awaitingThanks = false;
    }
    renderHeader();
  }

  // ---- rendering -----------------------------------------------------------------------------------------------------
  function render(frame) {
    welcome.hidden = true;
    const purpose = frame.purpose || '';
    if (frame.author === 'SYSTEM') {
      // The place in the queue lives in the card under the header, updated in place, not as a trail of notices.
      if (purpose === 'QUEUE_UPDATE') return;
      const kind = purpose === 'AGENT_JOINED' ? 'joined' : BACK_TO_BOT.has(purpose) ? 'back' : 'info';
      log.append(el('li', { class: 'notice notice-' + kind, 'data-purpose': purpose, 'data-seq': frame.seq },
        el('span', { class: 'notice-text' }, frame.text)));
      return;
    }
    const mine = frame.author === 'CUSTOMER';
    const existing = mine ? root.querySelector(`[data-message-id="${cssEscape(frame.messageId)}"]`) : null;
    if (existing) existing.remove();
    const who = mine ? TEXT.you : frame.author === 'BOT' ? (frame.sender && frame.sender.name) || TEXT.assistant : (frame.sender && frame.sender.name) || title;
    const bubble = el('div', { class: 'bubble' }, frame.text);
    const item = el('li', { class: 'message ' + (mine ? 'mine' : 'theirs ' + frame.author.toLowerCase()), 'data-seq': frame.seq,
      'data-author': frame.author, 'data-purpose': purpose, 'data-message-id': frame.messageId });
    const previous = lastItem();
    const grouped = previous && previous.dataset.author === frame.author && previous.dataset.who === who;
    item.dataset.who = who;
    if (!mine) item.append(grouped ? el('span', { class: 'avatar avatar-spacer', 'aria-hidden': 'true' }) : avatarFor(frame.author, who));
    const body = el('div', { class: 'body' });
    if (!mine && !grouped) body.append(el('span', { class: 'who' }, who));
    body.append(bubble);
    if (frame.author === 'BOT' && purpose === 'SURVEY' && !frame.surveyThanks && state.survey.seq === frame.seq) body.append(surveyButtons());
    body.append(el('time', { class: 'time', datetime: frame.sentAt || '' }, clock(frame.sentAt, language)));
    item.append(body);
    if (previous && grouped) previous.classList.add('followed');
    log.append(item);
  }

  function renderPending(message) {
    welcome.hidden = true;
    log.append(el('li', { class: 'message mine pending', 'data-message-id': message.messageId, 'data-author': 'PENDING' },
      el('div', { class: 'body' }, el('div', { class: 'bubble' }, message.text), el('span', { class: 'time' }, TEXT.sending))));
    scrollToEnd();
  }

  function surveyButtons() {
    const group = el('div', { class: 'rating', role: 'group', 'aria-label': TEXT.rateQuestion });
    for (let n = 1; n <= 5; n += 1) {
      const button = el('button', { type: 'button', class: 'rate', 'data-rating': String(n), 'aria-label': `${n} – ${TEXT.ratingLabel(n)}`, title: TEXT.ratingLabel(n) }, String(n));
      button.addEventListener('click', () => {
        if (state.survey.answered !== null || state.refused) return;
        input.value = TEXT.rating(n);
        submit();
      });
      group.append(button);
    }
    queueMicrotask(updateSurvey);
    return group;
  }

  function updateSurvey() {
    const item = log.querySelector(`[data-seq="${state.survey.seq}"]`);
    if (!item) return;
    item.querySelectorAll('.rate').forEach((button) => {
      const answered = state.survey.answered !== null;
      button.disabled = answered;
      button.classList.toggle('chosen', Number(button.dataset.rating) === state.survey.answered);
      button.setAttribute('aria-pressed', String(Number(button.dataset.rating) === state.survey.answered));
    });
  }

  function renderHeader() {
    if (state.phase === 'agent') {
      const name = state.agentName;
      headerTitle.textContent = name || title;
      headerSubtitle.textContent = name ? TEXT.agentSubtitle : TEXT.teamSubtitle;
      avatar.replaceChildren(name ? initial(name) : icon('people'));
      avatar.className = 'avatar avatar-header agent';
    } else {
      headerTitle.textContent = title;
      headerSubtitle.textContent = state.phase === 'waiting' ? TEXT.waitingSubtitle : TEXT.botSubtitle;
      avatar.replaceChildren(icon('spark'));
      avatar.className = 'avatar avatar-header bot';
    }
  }

  function setConnection(connection) {
    state.connection = connection;
    panel.dataset.connection = connection;
    status.textContent = connection === 'online' ? '' : connection === 'refused' ? TEXT.refused : connection === 'connecting' ? TEXT.connecting : TEXT.reconnecting;
    status.hidden = connection === 'online';
    input.disabled = connection === 'refused';
    updateComposer();
  }

  function updateComposer() {
    const length = [...input.value].length;
    sendButton.disabled = !input.value.trim() || state.refused;
    if (length > state.maxLength) showNotice(TEXT.tooLong(state.maxLength));
    else if (length > state.maxLength - 400) showNotice(TEXT.left(state.maxLength - length), true);
    else showNotice('');
  }

  function showNotice(text, quiet = false) {
    notice.textContent = text;
    notice.classList.toggle('quiet', quiet);
  }

  function renderBadge() {
    launcherBadge.textContent = state.unread > 9 ? '9+' : String(state.unread);
    launcher.classList.toggle('has-unread', state.unread > 0);
    launcher.setAttribute('aria-label', state.unread > 0 ? `${TEXT.open} (${TEXT.unread(state.unread)})` : TEXT.open);
  }

  function markRead() {
    state.unread = 0;
    if (state.lastSeq > state.seen) { state.seen = state.lastSeq; save(); }
    renderBadge();
    if (state.open) launcher.setAttribute('aria-label', TEXT.close);
  }

  function dropPending(messageId) {
    const before = state.pending.length;
    state.pending = state.pending.filter((m) => m.messageId !== messageId);
    if (state.pending.length !== before) save();
    if (!state.pending.length && notice.textContent && !notice.classList.contains('quiet')) showNotice('');
  }

  function avatarFor(author, who) {
    if (author === 'BOT') return el('span', { class: 'avatar bot', 'aria-hidden': 'true' }, icon('spark'));
    return el('span', { class: 'avatar agent', 'aria-hidden': 'true' }, initial(who));
  }

  function initial(name) {
    return document.createTextNode([...name.trim()][0] ? [...name.trim()][0].toUpperCase() : '?');
  }

  function lastItem() {
    return log.lastElementChild && !log.lastElementChild.classList.contains('pending') ? log.lastElementChild : null;
  }

  function scrollToEnd() {
    requestAnimationFrame(() => { scroller.scrollTop = scroller.scrollHeight; });
  }

  function autosize() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 120) + 'px';
  }

  function save() {
    localStorage.setItem(storageKey, JSON.stringify({ token: state.token, conversationId: state.conversationId, seen: state.seen, pending: state.pending }));
  }

})();
