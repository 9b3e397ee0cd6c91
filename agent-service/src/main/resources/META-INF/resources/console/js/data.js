// Loading what the workspace shows from agent-service, and the tab's title that tells of unread messages.

import * as agentService from './api/agent-service.js';
import { t } from './i18n.js';
import { changed, state, unreadTotal } from './state.js';

export async function refreshMe() {
  try {
    state.me = await agentService.me();
  } catch (error) {
    // A supervisor need not be registered as an agent: they supervise without taking conversations.
    if (error.status !== 404) throw error;
    state.me = null;
  }
  changed('me');
}

export async function refreshConversations() {
  if (!state.me) return;
  const list = await agentService.myConversations();
  state.conversations = new Map(list.map((conversation) => [conversation.conversationId, conversation]));
  changed('conversations');
}

export function updateTitle() {
  const unread = unreadTotal();
  document.title = (unread > 0 ? `(${unread}) ` : '') + t('product');
}

