// For supervisors: the live queue (position, expected wait, priority, reasons) with reassignment, every agent with
// presence and load, and incidents (handover-service's API).

import * as agentService from '../api/agent-service.js';
import * as handoverService from '../api/handover-service.js';
import { fill, h } from '../dom.js';
import { formatDateTime, formatTime, formatWait, t } from '../i18n.js';
import { onDispose } from '../lifecycle.js';
import { attempt, info } from '../toast.js';
import { customerName, moodBadge, priorityBadge, reasonChips } from './parts.js';

const REFRESH_EVERY = 3000;

function polling(render) {
  render();
  const timer = setInterval(render, REFRESH_EVERY);
  onDispose(() => clearInterval(timer));
}

export function renderQueue(page, openConversation) {
  const table = h('div', { class: 'table-wrap' });
  fill(page, h('section', { class: 'panel', 'aria-labelledby': 'queue-title' }, h('h2', { id: 'queue-title' }, t('queue.title')), table));
  let busy = false;
  polling(async () => {
    // Not while the supervisor is choosing an agent in it.
    if (busy || table.contains(document.activeElement)) return;
    busy = true;
    try {
      const [items, agents] = await Promise.all([agentService.queue(), agentService.agents()]);
      fill(table, items.length === 0 ? h('p', { class: 'empty' }, t('queue.empty')) : queueTable(items, agents, openConversation));
    } catch (error) {
      fill(table, h('p', { class: 'load-error', role: 'alert' }, t('error.prefix', { action: t('action.load'), message: error.message })));
    } finally {
      busy = false;
    }
  });
}

function queueTable(items, agents, openConversation) {
  const online = agents.filter((agent) => agent.presence !== 'OFFLINE' && agent.activeConversations < agent.capacity);
  return h('table', { class: 'table queue-table' },
    h('thead', {}, h('tr', {},
      ['queue.position', 'queue.customer', 'queue.priority', 'queue.reasons', 'queue.wait', 'queue.waiting', 'queue.reassign'].map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, items.map((item) => {
      const conversation = item.conversation;
      const select = h('select', { 'aria-label': `${t('queue.assignTo')} ${conversation.customerName || conversation.conversationId}` },
        h('option', { value: '' }, t('queue.choose')),
        online.filter((agent) => agent.id !== conversation.agentId).map((agent) => h('option', { value: agent.id }, `${agent.displayName} (${agent.activeConversations}/${agent.capacity})`)));
      return h('tr', { 'data-conversation': conversation.conversationId },
        h('td', { class: 'number' }, item.position ?? '—'),
        h('td', {},
          h('button', { type: 'button', class: 'link-button', onclick: () => openConversation(conversation.conversationId) }, customerName(conversation)),
          h('span', { class: 'item-id' }, conversation.conversationId),
          h('div', { class: 'muted' }, [conversation.channel, (conversation.language || '').toUpperCase()].filter(Boolean).join(' · '), ' ', moodBadge(conversation.mood)),
          conversation.state === 'OFFERED' ? h('div', { class: 'muted' }, t('queue.offeredTo', { agent: conversation.agentId })) : null),
        h('td', {}, priorityBadge(conversation.priority)),
        h('td', {}, reasonChips(conversation.reasons)),
        h('td', {}, item.matchingAgentsOnline === 0 ? h('span', { class: 'warning' }, t('queue.nobody')) : formatWait(item.expectedWaitSeconds)),
        h('td', {}, formatTime(conversation.requestedAt)),
        h('td', { class: 'reassign' }, h('div', { class: 'reassign-controls' }, select, h('button', {
          type: 'button',
          class: 'button',
          onclick: () => {
            if (!select.value) return select.focus();
            const agent = online.find((candidate) => candidate.id === select.value);
            return attempt('action.transfer', async () => {
              await agentService.transfer(conversation.conversationId, { toAgentId: select.value });
              info(t('done.reassigned', { agent: agent ? agent.displayName : select.value }));
              select.closest('tr').classList.add('moved');
            });
          },
        }, t('queue.reassign')))));
    })));
}

export function renderTeam(page, openConversation) {
  const table = h('div', { class: 'table-wrap' });
  fill(page, h('section', { class: 'panel', 'aria-labelledby': 'team-title' }, h('h2', { id: 'team-title' }, t('team.title')), table));
  polling(async () => {
    try {
      const agents = await agentService.agents();
      const held = await Promise.all(agents.map((agent) => agentService.agentConversations(agent.id).catch(() => [])));
      fill(table, h('table', { class: 'table' },
        h('thead', {}, h('tr', {}, ['team.agent', 'presence', 'load', 'team.languages', 'team.skills', 'team.conversations'].map((key) => h('th', { scope: 'col' }, t(key))))),
        h('tbody', {}, agents.map((agent, index) => {
          const bar = h('span', { class: 'meter-fill' });
          bar.style.width = `${Math.round(Math.min(1, agent.activeConversations / agent.capacity) * 100)}%`;
          return h('tr', { 'data-agent': agent.id },
            h('td', {}, h('strong', {}, agent.displayName), h('div', { class: 'muted mono' }, agent.id)),
            h('td', {}, h('span', { class: `dot dot-${agent.presence}`, 'aria-hidden': 'true' }), ' ', t(`presence.${agent.presence}`)),
            h('td', {}, h('span', { class: 'meter', 'aria-hidden': 'true' }, bar), ' ', t('load.of', { active: agent.activeConversations, capacity: agent.capacity })),
            h('td', {}, agent.languages.join(', ').toUpperCase()),
            h('td', {}, agent.skills.join(', ')),
            h('td', {}, held[index].length
              ? h('ul', { class: 'plain-list' }, held[index].map((conversation) => h('li', {},
                h('button', { type: 'button', class: 'link-button', onclick: () => openConversation(conversation.conversationId) }, customerName(conversation)),
                ' ', h('span', { class: 'muted' }, t(`state.${conversation.state}`)))))
              : h('span', { class: 'muted' }, '—')));
        }))));
    } catch (error) {
      fill(table, h('p', { class: 'load-error', role: 'alert' }, t('error.prefix', { action: t('action.load'), message: error.message })));
    }
  });
}

export function renderIncidents(page) {
  const list = h('div', {});
  const description = h('input', { type: 'text', id: 'incident-description', required: true });
  const intents = h('input', { type: 'text', id: 'incident-intents' });
  const keywords = h('input', { type: 'text', id: 'incident-keywords' });
  const priority = h('select', { id: 'incident-priority' }, ['URGENT', 'HIGH', 'NORMAL'].map((value) => h('option', { value, selected: value === 'HIGH' }, t(`priority.${value}`))));
  const noticeDe = h('textarea', { id: 'incident-notice-de', rows: 2 });
  const noticeEn = h('textarea', { id: 'incident-notice-en', rows: 2 });
  const split = (value) => value.split(',').map((part) => part.trim()).filter(Boolean);
  const form = h('form', {
    class: 'panel form-grid',
    'aria-labelledby': 'incident-form-title',
    onsubmit: (event) => {
      event.preventDefault();
      attempt('action.declare', async () => {
        const notice = {};
        if (noticeDe.value.trim()) notice.de = noticeDe.value.trim();
        if (noticeEn.value.trim()) notice.en = noticeEn.value.trim();
        const declared = await handoverService.declareIncident({
          description: description.value.trim(),
          intents: split(intents.value),
          keywords: split(keywords.value),
          priority: priority.value,
          customerNotice: notice,
        });
        info(t('incidents.declared', { count: declared.taggedConversations ?? 0 }));
        form.reset();
        load();
      });
    },
  },
  h('h2', { id: 'incident-form-title' }, t('incidents.declare')),
  labelled('incident-description', 'incidents.description', description),
  labelled('incident-intents', 'incidents.intents', intents),
  labelled('incident-keywords', 'incidents.keywords', keywords),
  labelled('incident-priority', 'incidents.priority', priority),
  labelled('incident-notice-de', 'incidents.noticeDe', noticeDe),
  labelled('incident-notice-en', 'incidents.noticeEn', noticeEn),
  h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button primary' }, t('incidents.submit'))));
  const load = async () => {
    try {
      const active = await handoverService.incidents(true);
      fill(list, active.length === 0 ? h('p', { class: 'empty' }, t('incidents.none')) : h('ul', { class: 'incident-list', role: 'list' }, active.map((incident) => h('li', { class: 'incident-card' },
        h('div', {},
          h('strong', {}, `⚠ ${incident.description}`), ' ', priorityBadge(incident.priority),
          h('div', { class: 'muted' }, t('incidents.declaredBy', { who: incident.declaredBy, when: formatDateTime(incident.declaredAt) })),
          h('div', { class: 'chips' }, [...incident.intents, ...incident.keywords].map((word) => h('span', { class: 'chip' }, word)))),
        h('button', {
          type: 'button',
          class: 'button danger',
          onclick: () => attempt('action.end', async () => {
            await handoverService.endIncident(incident.incidentId);
            info(t('incidents.ended'));
            load();
          }),
        }, t('incidents.end'))))));
    } catch (error) {
      fill(list, h('p', { class: 'load-error', role: 'alert' }, t('error.prefix', { action: t('action.load'), message: error.message })));
    }
  };
  fill(page, h('div', { class: 'two-panels' },
    h('section', { class: 'panel', 'aria-labelledby': 'incidents-title' }, h('h2', { id: 'incidents-title' }, t('incidents.active')), list),
    form));
  load();
}

export function labelled(id, key, control) {
  return h('div', { class: 'field' }, h('label', { for: id }, t(key)), control);
}
