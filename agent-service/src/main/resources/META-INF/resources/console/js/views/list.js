// My conversations: offers first, each counting down to its timeout (on the server's clock), then those assigned to
// me, with the customer's mood, the reasons and an unread marker.

import * as agentService from '../api/agent-service.js';
import { refreshMe } from '../data.js';
import { fill, h } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { changed, onChange, serverNow, state } from '../state.js';
import { attempt } from '../toast.js';
import { onDispose } from '../lifecycle.js';
import { customerName, moodBadge, priorityBadge, reasonChips } from './parts.js';

export function renderList(root, onSelect) {
  const render = () => {
    const all = [...state.conversations.values()];
    const offers = all.filter((c) => c.state === 'OFFERED');
    const assigned = all.filter((c) => c.state === 'ASSIGNED');
    fill(root,
      h('h2', { class: 'column-title' }, t('nav.mine')),
      offers.length ? h('h3', { class: 'group-title' }, t('offers')) : null,
      offers.length ? h('ul', { class: 'conversation-list', role: 'list', 'aria-label': t('offers') }, offers.map((c) => offerItem(c, onSelect))) : null,
      assigned.length ? h('h3', { class: 'group-title' }, t('assigned')) : null,
      assigned.length ? h('ul', { class: 'conversation-list', role: 'list', 'aria-label': t('assigned') }, assigned.map((c) => item(c, onSelect))) : null,
      all.length === 0 ? h('p', { class: 'empty' }, t(state.me && state.me.presence === 'ONLINE' ? 'mine.emptyOnline' : 'mine.empty')) : null);
    tick();
  };
  const tick = () => {
    for (const countdown of root.querySelectorAll('[data-expires]')) {
      const left = Math.max(0, Date.parse(countdown.dataset.expires) - serverNow());
      const total = Number(countdown.dataset.total) || 1;
      const seconds = Math.ceil(left / 1000);
      const label = countdown.querySelector('.countdown-label');
      label.textContent = left > 0 ? t('offer.expires', { time: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` }) : t('offer.expired');
      countdown.querySelector('.countdown-fill').style.width = `${Math.round(Math.min(1, left / total) * 100)}%`;
      countdown.classList.toggle('urgent', left < 10000);
    }
  };
  render();
  const timer = setInterval(tick, 500);
  const stop = onChange((what) => {
    if (what === 'conversations' || what === 'unread' || what === 'selected' || what === 'me') render();
  });
  onDispose(() => { clearInterval(timer); stop(); });
}

function summaryLine(conversation) {
  return [
    h('div', { class: 'item-head' },
      h('span', { class: 'customer' }, customerName(conversation)),
      h('span', { class: 'item-time' }, formatTime(conversation.assignedAt || conversation.requestedAt))),
    h('div', { class: 'item-meta' },
      h('span', {}, conversation.channel),
      conversation.language ? h('span', {}, conversation.language.toUpperCase()) : null,
      h('span', { class: 'item-id' }, conversation.conversationId)),
    h('div', { class: 'item-badges' }, priorityBadge(conversation.priority), moodBadge(conversation.mood), reasonChips(conversation.reasons)),
  ];
}

function offerItem(conversation, onSelect) {
  const total = Math.max(1000, state.settings.offerTimeoutSeconds * 1000);
  return h('li', { class: `conversation-item offer ${state.selected === conversation.conversationId ? 'selected' : ''}`, 'data-conversation': conversation.conversationId },
    h('button', { type: 'button', class: 'item-open', onclick: () => onSelect(conversation.conversationId), 'aria-label': `${customerName(conversation)} ${conversation.conversationId}` }, summaryLine(conversation)),
    h('div', { class: 'countdown', 'data-expires': conversation.offerExpiresAt, 'data-total': total },
      h('span', { class: 'countdown-label' }),
      h('span', { class: 'countdown-bar', 'aria-hidden': 'true' }, h('span', { class: 'countdown-fill' }))),
    h('div', { class: 'offer-actions' },
      h('button', {
        type: 'button',
        class: 'button primary accept',
        onclick: () => attempt('action.accept', async () => {
          const accepted = await agentService.accept(conversation.conversationId);
          state.conversations.set(accepted.conversationId, accepted);
          state.selected = accepted.conversationId;
          changed('conversations');
          changed('selected');
          await refreshMe();
        }),
      }, t('accept')),
      h('button', {
        type: 'button',
        class: 'button decline',
        onclick: () => attempt('action.decline', async () => {
          await agentService.decline(conversation.conversationId);
          state.conversations.delete(conversation.conversationId);
          if (state.selected === conversation.conversationId) state.selected = null;
          changed('conversations');
          changed('selected');
          await refreshMe();
        }),
      }, t('decline'))));
}

function item(conversation, onSelect) {
  const unread = state.unread.get(conversation.conversationId) || 0;
  return h('li', { class: `conversation-item ${state.selected === conversation.conversationId ? 'selected' : ''} ${unread ? 'unread' : ''}`, 'data-conversation': conversation.conversationId },
    h('button', {
      type: 'button',
      class: 'item-open',
      'aria-current': state.selected === conversation.conversationId ? 'true' : false,
      onclick: () => onSelect(conversation.conversationId),
    }, summaryLine(conversation),
    unread ? h('span', { class: 'unread-badge', 'aria-label': t('unread', { count: unread }) }, t('unread', { count: unread })) : null));
}
