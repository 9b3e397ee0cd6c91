// Boots the console: reads the settings, signs in, then keeps the agent's conversations live over the stream.

import * as agentService from './api/agent-service.js';
import * as transcriptService from './api/transcript-service.js';
import * as handoverService from './api/handover-service.js';
import { byId, fill, h } from './dom.js';
import { language, setLanguage, t } from './i18n.js';
import * as session from './session.js';
import { refreshConversations, refreshMe, updateTitle } from './data.js';
import { changed, state } from './state.js';
import { renderSignIn } from './views/signin.js';
import { renderWorkspace, liveEvent } from './views/workspace.js';

let stream = null;

async function boot() {
  setLanguage(language());
  try {
    state.settings = await agentService.settings();
  } catch (error) {
    fill(byId('app'), h('p', { class: 'boot boot-error' }, t('error.prefix', { action: t('action.load'), message: error.message })));
    return;
  }
  state.clockOffset = Date.parse(state.settings.serverTime) - Date.now();
  transcriptService.configure(state.settings.transcriptUrl);
  handoverService.configure(state.settings.handoverUrl);
  route();
}

/** Sign-in until there is a usable token; then the workspace. */
export function route() {
  state.identity = session.identity();
  if (!state.identity) {
    stopStream();
    document.title = t('product');
    renderSignIn(byId('app'), { onSignedIn: route });
    return;
  }
  startWorkspace();
}

async function startWorkspace() {
  await refreshMe();
  await refreshConversations();
  renderWorkspace(byId('app'), { onSignOut: signOut, onLanguage: switchLanguage });
  openStream();
}

function openStream() {
  stopStream();
  stream = agentService.openStream(onStreamEvent, (live) => {
    state.live = live;
    changed('live');
  });
}

function stopStream() {
  if (stream) stream.stop();
  stream = null;
}

function onStreamEvent(name, data) {
  if (name === 'snapshot') {
    state.conversations = new Map(data.map((conversation) => [conversation.conversationId, conversation]));
    changed('conversations');
    return;
  }
  const conversation = data.conversation;
  if (conversation) {
    const mine = state.me && conversation.agentId === state.me.id && ['OFFERED', 'ASSIGNED'].includes(conversation.state);
    if (mine) state.conversations.set(conversation.conversationId, conversation);
    else state.conversations.delete(conversation.conversationId);
    changed('conversations');
    // A new offer opens at once when nothing else is open: the agent reads why before deciding to accept.
    if (name === 'agent.conversation-offered.v1' && mine && !state.selected && state.view === 'mine') {
      state.selected = conversation.conversationId;
      changed('selected');
    }
  }
  if (name === 'conversation.message-received.v1') {
    const away = state.selected !== data.conversationId || document.hidden;
    if (away) state.unread.set(data.conversationId, (state.unread.get(data.conversationId) || 0) + 1);
    updateTitle();
    changed('unread');
  }
  if (name.startsWith('agent.conversation-') || name === 'agent.offer-declined.v1') {
    refreshMe().catch(() => {});
  }
  liveEvent(name, data);
}

function switchLanguage(next) {
  setLanguage(next);
  renderWorkspace(byId('app'), { onSignOut: signOut, onLanguage: switchLanguage });
  updateTitle();
}

function signOut() {
  session.signOut();
  state.me = null;
  state.conversations = new Map();
  state.selected = null;
  state.unread = new Map();
  route();
}

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && state.selected && state.unread.has(state.selected)) {
    state.unread.delete(state.selected);
    updateTitle();
    changed('unread');
  }
});

boot();
