// The handover package, up front: why a person was asked for (with the customer's own words), what the bot collected,
// the mood over the conversation, the intents, what the bot tried, the summary and the customer's earlier
// conversations. Built so an agent understands the conversation before reading a single message.

import * as transcriptService from '../api/transcript-service.js';
import { fill, h } from '../dom.js';
import { formatDateTime, formatTime, has, t } from '../i18n.js';
import { percent, reasonLabel, sentimentChart } from './parts.js';

export function renderPackage(view) {
  const pkg = view.package;
  if (!pkg) {
    fill(view.briefing, h('h2', { class: 'column-title' }, t('package.title')), h('p', { class: 'loading' }, t('package.loading')));
    return;
  }
  if (pkg.none) {
    fill(view.briefing, h('h2', { class: 'column-title' }, t('package.title')), h('p', { class: 'empty' }, t('package.none')));
    return;
  }
  const history = h('div', { class: 'history' }, earlier(pkg.earlierContacts || []));
  fill(view.briefing,
    h('h2', { class: 'column-title' }, t('package.title')),
    section('why', t('package.why'), reasons(pkg.reasons || [])),
    section('collected', t('package.collected'), collected(pkg.collectedData || {})),
    section('mood', t('package.mood'), mood(pkg.sentimentTrend || [])),
    pkg.intents && pkg.intents.length ? section('intents', t('package.intents'), h('div', { class: 'chips' }, pkg.intents.map((intent) => h('span', { class: 'chip chip-intent' }, intent)))) : null,
    section('tried', t('package.tried'), tried(pkg.botAttempts || [])),
    pkg.summary ? section('summary', t('package.summary'), h('p', { class: 'summary', lang: pkg.language || undefined }, pkg.summary)) : null,
    section('history', t('package.history'), history));
  if (pkg.customer && pkg.customer.id) {
    transcriptService.customerHistory(pkg.customer.id).then((found) => {
      const others = found.conversations.filter((conversation) => conversation.conversationId !== view.id);
      fill(history, others.length
        ? h('ul', { class: 'history-list', role: 'list' }, others.map((conversation) => h('li', {},
          h('div', { class: 'history-head' },
            h('span', {}, formatDateTime(conversation.startedAt)),
            h('span', { class: 'muted' }, conversation.channel),
            conversation.controlState ? h('span', { class: 'badge' }, conversation.controlState.toLowerCase().replace(/_/g, ' ')) : null),
          h('div', { class: 'muted' }, t('package.handledBy', { names: names(conversation.handledBy) })),
          conversation.intents && conversation.intents.length ? h('div', { class: 'chips' }, conversation.intents.slice(0, 4).map((intent) => h('span', { class: 'chip chip-intent' }, intent))) : null)))
        : h('p', { class: 'muted' }, t('package.historyNone')));
    }).catch(() => {});
  }
}

function names(agents) {
  const list = (agents || []).map((agent) => agent.agentName || agent.agentId).filter(Boolean);
  return list.length ? list.join(', ') : t('package.nobody');
}

function section(name, title, ...content) {
  return h('section', { class: `package-section package-${name}`, 'aria-label': title }, h('h3', {}, title), content);
}

function reasons(list) {
  return h('ul', { class: 'reasons', role: 'list' }, list.map((reason) => h('li', { class: 'reason' },
    h('div', { class: 'reason-head' }, h('span', { class: `reason-code reason-${reason.code}` }, reasonLabel(reason.code))),
    h('p', { class: 'reason-detail' }, reason.detail.replace(/\s*\[rule [^\]]+\]\s*$/, '')),
    evidenceFigures(reason.evidence),
    reason.messages && reason.messages.length ? h('div', { class: 'evidence' },
      h('span', { class: 'evidence-label' }, t('package.evidence')),
      reason.messages.map((message) => h('blockquote', { class: 'quote' },
        h('p', {}, message.text || ''),
        h('time', { datetime: message.sentAt }, formatTime(message.sentAt))))) : null)));
}

function evidenceFigures(evidence) {
  if (!evidence) return null;
  const figures = [
    ...Object.entries(evidence.scores || {}).map(([name, value]) => `${name} ${value <= 1 && value >= -1 ? value.toFixed(2) : value}`),
    ...Object.entries(evidence.counts || {}).map(([name, value]) => `${name} ${value}`),
  ];
  return figures.length ? h('div', { class: 'figures' }, figures.map((figure) => h('span', { class: 'figure' }, figure))) : null;
}

function collected(data) {
  const entries = Object.entries(data);
  if (entries.length === 0) return h('p', { class: 'muted' }, t('package.noData'));
  return h('dl', { class: 'collected' }, entries.map(([key, value]) => [
    h('dt', {}, has(`data.${key}`) ? t(`data.${key}`) : key),
    h('dd', { class: 'copyable' }, value),
  ]));
}

function mood(trend) {
  if (trend.length === 0) return h('p', { class: 'muted' }, '—');
  const last = trend[trend.length - 1];
  return h('div', { class: 'mood-panel' },
    sentimentChart(trend),
    h('div', { class: 'mood-now' },
      h('span', { class: `badge mood mood-${last.label || 'NEUTRAL'}` }, h('span', { class: 'mood-dot', 'aria-hidden': 'true' }), t(`mood.${last.label || 'NEUTRAL'}`), ` ${last.score.toFixed(2)}`),
      last.frustration !== null && last.frustration !== undefined ? h('span', { class: 'muted' }, t('package.frustration', { value: percent(last.frustration) })) : null));
}

function tried(attempts) {
  if (attempts.length === 0) return h('p', { class: 'muted' }, t('package.triedNone'));
  return h('ol', { class: 'attempts' }, attempts.map((attempt) => h('li', {},
    h('div', { class: 'attempt-head' },
      attempt.purpose ? h('span', { class: 'entry-purpose' }, attempt.purpose.toLowerCase().replace(/_/g, ' ')) : null,
      attempt.at ? h('time', { datetime: attempt.at }, formatTime(attempt.at)) : null),
    h('p', {}, attempt.text))));
}

function earlier(contacts) {
  if (contacts.length === 0) return h('p', { class: 'muted' }, t('package.historyNone'));
  return h('ul', { class: 'history-list', role: 'list' }, contacts.map((contact) => h('li', {},
    h('div', { class: 'history-head' }, h('span', {}, formatDateTime(contact.startedAt)), h('span', { class: 'muted' }, contact.channel)),
    h('div', { class: 'muted' }, t('package.handledBy', { names: (contact.handledBy || []).join(', ') || t('package.nobody') })))));
}
