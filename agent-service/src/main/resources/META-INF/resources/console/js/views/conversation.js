// One conversation: who and what at the top, the whole transcript (customer, bot, system and agent told apart,
// internal notes marked), and the composer; its handover package beside it (package.js).

import * as agentService from '../api/agent-service.js';
import * as handoverService from '../api/handover-service.js';
import * as transcriptService from '../api/transcript-service.js';
import { refreshMe } from '../data.js';
import { fill, h } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { changed, newId, state } from '../state.js';
import { attempt, info } from '../toast.js';
import { composer } from './composer.js';
import { flagDialog, handBackDialog, resolveDialog, transferDialog } from './dialogs.js';
import { renderPackage } from './package.js';
import { moodBadge, priorityBadge, reasonLabel } from './parts.js';

const REFRESH_EVERY = 4000;
let current = null;

/** Shows the conversation, or a hint when none is chosen. */
export function show(main, briefing, conversationId, onBack) {
  if (current && current.id === conversationId) return;
  close();
  if (!conversationId) {
    fill(main, h('div', { class: 'placeholder' }, h('p', {}, t('select.hint'))));
    fill(briefing, h('p', { class: 'package-hint' }, t('package.hint')));
    return;
  }
  const view = {
    id: conversationId,
    main,
    briefing,
    onBack,
    entries: new Map(),
    handover: state.conversations.get(conversationId) || null,
    package: null,
    incident: null,
    transcriptLoaded: false,
    timer: null,
  };
  current = view;
  view.header = h('header', { class: 'conversation-header' });
  view.transcript = h('ol', { class: 'transcript', 'aria-live': 'polite', 'aria-label': t('transcript.title') });
  view.composer = h('div', { class: 'composer-slot' });
  fill(main, view.header, h('div', { class: 'transcript-scroll' }, view.transcript), view.composer);
  fill(view.transcript, h('li', { class: 'loading' }, t('transcript.loading')));
  renderHeader(view);
  renderComposer(view);
  renderPackage(view);
  load(view);
  view.timer = setInterval(() => loadTranscript(view).catch(() => {}), REFRESH_EVERY);
}

export function close() {
  if (current && current.timer) clearInterval(current.timer);
  current = null;
}

/** Live stream events: the customer's new messages and notes appear at once; the conversation's state follows. */
export function liveEvent(name, data) {
  const view = current;
  if (!view || data.conversationId !== view.id) {
    return;
  }
  if (data.conversation) {
    view.handover = data.conversation;
    renderHeader(view);
    renderComposer(view);
  }
  const event = data.event || {};
  if (name === 'conversation.message-received.v1') {
    put(view, { key: event.messageId, kind: 'customer', name: event.customerName, text: event.text, at: event.sentAt || new Date().toISOString() });
    renderTranscript(view);
  } else if (name === 'agent.internal-note-added.v1') {
    put(view, { key: event.noteId, kind: 'note', name: event.agentName, text: event.text, at: event.addedAt });
    renderTranscript(view);
  } else if (name === 'bot.message-analyzed.v1' || name === 'handover.state-changed.v1') {
    loadTranscript(view).catch(() => {});
  }
}

async function load(view) {
  const conversation = agentService.handover(view.id).then((handover) => {
    if (current !== view) return;
    view.handover = handover;
    renderHeader(view);
    renderComposer(view);
  }).catch(() => {});
  const control = handoverService.control(view.id).then((found) => {
    if (current !== view) return;
    view.incident = view.incident || (found.incidentId ? { incidentId: found.incidentId } : null);
    renderHeader(view);
  }).catch(() => {});
  await Promise.all([conversation, control, retrying(() => loadTranscript(view)), retrying(() => loadPackage(view))]);
}

/** Right after an offer, transcript-service may not have heard of it yet: it refuses for a moment, then lets the agent read. */
async function retrying(action) {
  for (let attemptNumber = 0; attemptNumber < 6; attemptNumber++) {
    try {
      return await action();
    } catch (error) {
      if (![403, 404, 0].includes(error.status) || attemptNumber === 5 || !current) {
        return failedToLoad(error);
      }
      await new Promise((resume) => setTimeout(resume, 500 * (attemptNumber + 1)));
    }
  }
  return undefined;
}

function failedToLoad(error) {
  const view = current;
  if (view && !view.transcriptLoaded) {
    fill(view.transcript, h('li', { class: 'load-error', role: 'alert' }, t('error.prefix', { action: t('action.load'), message: error.message })));
  }
}

async function loadTranscript(view) {
  const page = await transcriptService.transcript(view.id);
  if (current !== view) return;
  for (const entry of page.entries) {
    const item = fromTranscript(entry);
    if (item) put(view, item);
  }
  view.transcriptLoaded = true;
  view.language = page.language;
  view.customerName = page.customer && page.customer.name;
  renderTranscript(view);
}

async function loadPackage(view) {
  try {
    view.package = await transcriptService.handoverPackage(view.id);
  } catch (error) {
    if (error.status === 404 && error.message.includes('nobody has asked')) {
      view.package = { none: true };
    } else {
      throw error;
    }
  }
  if (current !== view) return;
  if (view.package.incident) view.incident = view.package.incident;
  renderPackage(view);
  renderHeader(view);
}

/** A later copy of the same message (the log's, after the live one) replaces the earlier; pending ones settle. */
function put(view, item) {
  if (!item.key) return;
  view.entries.set(item.key, { ...view.entries.get(item.key), ...item });
}

function fromTranscript(entry) {
  const data = entry.data || {};
  const sender = entry.sender || {};
  const at = entry.occurredAt;
  if (entry.kind === 'ANALYSIS') return null;
  if (entry.kind === 'NOTE') {
    return { key: data.noteId || entry.eventId, kind: 'note', name: sender.name || sender.id, text: entry.text, at };
  }
  if (entry.kind === 'MESSAGE') {
    const kind = { CUSTOMER: 'customer', BOT: 'bot', AGENT: 'agent', SYSTEM: 'system' }[sender.type] || 'system';
    const analysis = entry.analysis;
    return {
      key: data.messageId || entry.eventId,
      messageId: data.messageId,
      kind,
      name: sender.name || (kind === 'customer' ? null : sender.id),
      text: entry.erased ? '—' : entry.text,
      at,
      purpose: data.purpose,
      intent: analysis && analysis.intent ? analysis.intent.name : null,
      pending: false,
    };
  }
  const text = describeEvent(entry.type, data);
  return text ? { key: entry.eventId, kind: 'event', text, at, type: entry.type } : null;
}

function describeEvent(type, data) {
  const agent = data.agentName || data.agentId || data.fromAgentId || '';
  switch (type) {
    case 'handover.requested.v1':
      return t(`event.${type}`, { reasons: (data.reasons || []).map((reason) => reasonLabel(reason.code)).join(', ') });
    case 'agent.conversation-offered.v1':
    case 'agent.conversation-assigned.v1':
    case 'agent.conversation-transferred.v1':
    case 'agent.conversation-resolved.v1':
    case 'agent.conversation-handed-back.v1':
    case 'agent.bot-answer-flagged.v1':
      return t(`event.${type}`, { agent: data.transferredBy || agent });
    case 'agent.offer-declined.v1':
      return t(`event.${type}`, { agent, reason: String(data.reason || (data.timedOut ? 'TIMED_OUT' : 'DECLINED')).toLowerCase().replace(/_/g, ' ') });
    case 'agent.conversation-requeued.v1':
      return t(`event.${type}`);
    case 'handover.incident-tag-changed.v1':
      return data.tagged ? t(`event.${type}`, { description: data.description }) : null;
    default:
      return null;
  }
}

function renderTranscript(view) {
  const scroller = view.transcript.parentElement;
  const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80;
  const items = [...view.entries.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (items.length === 0) {
    fill(view.transcript, h('li', { class: 'empty' }, t('transcript.empty')));
    return;
  }
  fill(view.transcript, items.map((item) => renderEntry(view, item)));
  if (atBottom || !view.scrolled) {
    scroller.scrollTop = scroller.scrollHeight;
    view.scrolled = true;
  }
}

function renderEntry(view, item) {
  if (item.kind === 'event') {
    return h('li', { class: 'entry entry-event' }, h('span', {}, item.text), h('time', { datetime: item.at }, formatTime(item.at)));
  }
  if (item.kind === 'system') {
    return h('li', { class: 'entry entry-system', 'data-message': item.messageId || item.key },
      h('p', { class: 'system-text' }, item.text), h('time', { datetime: item.at }, formatTime(item.at)));
  }
  const senderLabel = item.kind === 'note' ? t('internalNote') : t(`sender.${item.kind.toUpperCase()}`);
  const name = item.kind === 'customer' ? item.name || view.customerName || t('sender.CUSTOMER') : item.name || senderLabel;
  const flagged = item.messageId && state.flagged.has(item.messageId);
  return h('li', { class: `entry entry-${item.kind} ${item.pending ? 'pending' : ''}`, 'data-message': item.messageId || item.key },
    h('div', { class: 'entry-meta' },
      h('span', { class: 'entry-name' }, name),
      item.kind !== 'customer' && item.kind !== 'note' && name.toLowerCase() !== senderLabel.toLowerCase() ? h('span', { class: 'entry-role' }, senderLabel) : null,
      item.kind === 'note' ? h('span', { class: 'entry-role note-label' }, t('internalNote')) : null,
      item.purpose && item.kind === 'bot' ? h('span', { class: 'entry-purpose' }, item.purpose.toLowerCase().replace(/_/g, ' ')) : null,
      item.intent ? h('span', { class: 'entry-intent', title: 'intent' }, item.intent) : null,
      h('time', { datetime: item.at }, formatTime(item.at))),
    h('p', { class: 'entry-text' }, item.text),
    item.kind === 'bot' && item.messageId ? h('div', { class: 'entry-actions' },
      flagged
        ? h('span', { class: 'flagged' }, t('flag.flagged'))
        : h('button', {
          type: 'button',
          class: 'link-button flag',
          'aria-label': `${t('flag.title')}: ${item.text.slice(0, 60)}`,
          onclick: () => flagDialog(view, item, () => renderTranscript(view)),
        }, t('flag.button'))) : null);
}

function mine(view) {
  return view.handover && state.me && view.handover.agentId === state.me.id;
}

function renderHeader(view) {
  const handover = view.handover;
  const pkg = view.package && !view.package.none ? view.package : null;
  const name = (handover && (handover.customerName || handover.customerId)) || (pkg && pkg.customer && (pkg.customer.name || pkg.customer.id)) || t('customer.unnamed');
  const assigned = handover && handover.state === 'ASSIGNED';
  const canAct = assigned && (mine(view) || state.identity.supervisor);
  const canTransfer = handover && ['ASSIGNED', 'WAITING', 'OFFERED'].includes(handover.state) && (mine(view) && assigned || state.identity.supervisor);
  fill(view.header,
    h('button', { type: 'button', class: 'button ghost back', onclick: view.onBack }, `← ${t('back')}`),
    h('div', { class: 'conversation-title' },
      h('h2', {}, name),
      h('div', { class: 'conversation-meta' },
        handover ? h('span', { class: `badge state state-${handover.state}` }, t(`state.${handover.state}`)) : null,
        handover ? priorityBadge(handover.priority) : null,
        handover ? moodBadge(handover.mood) : null,
        view.incident ? h('span', { class: 'badge incident', title: view.incident.incidentId }, `⚠ ${t('incident')}: ${view.incident.description || view.incident.incidentId}`) : null,
        h('span', { class: 'muted' }, [handover && handover.channel, (handover && handover.language || view.language || '').toUpperCase()].filter(Boolean).join(' · ')),
        h('span', { class: 'muted mono conversation-id', title: view.id }, view.id))),
    h('div', { class: 'conversation-actions' },
      canTransfer ? h('button', { type: 'button', class: 'button', onclick: () => transferDialog(view, afterClose(view, 'done.transferred')) }, t('transfer')) : null,
      canAct ? h('button', { type: 'button', class: 'button', onclick: () => handBackDialog(view, afterClose(view, 'done.handedBack')) }, t('handBack')) : null,
      canAct ? h('button', { type: 'button', class: 'button primary', onclick: () => resolveDialog(view, afterClose(view, 'done.resolved')) }, t('resolve')) : null));
}

function afterClose(view, doneKey) {
  return async (handover) => {
    info(t(doneKey));
    if (handover) view.handover = handover;
    if (!handover || handover.agentId !== (state.me && state.me.id) || !['OFFERED', 'ASSIGNED'].includes(handover.state)) {
      state.conversations.delete(view.id);
    } else {
      state.conversations.set(view.id, handover);
    }
    changed('conversations');
    renderHeader(view);
    renderComposer(view);
    loadTranscript(view).catch(() => {});
    await refreshMe().catch(() => {});
  };
}

function renderComposer(view) {
  const handover = view.handover;
  if (handover && handover.state === 'OFFERED' && mine(view)) {
    fill(view.composer, h('div', { class: 'composer-banner' },
      h('p', {}, t('composer.acceptFirst')),
      h('button', {
        type: 'button',
        class: 'button primary',
        onclick: () => attempt('action.accept', async () => {
          view.handover = await agentService.accept(view.id);
          state.conversations.set(view.id, view.handover);
          changed('conversations');
          renderHeader(view);
          renderComposer(view);
          await refreshMe();
        }),
      }, t('accept'))));
    return;
  }
  const canReply = handover && handover.state === 'ASSIGNED' && mine(view);
  const canNote = canReply || state.identity.supervisor || (handover && mine(view));
  if (!canReply && !canNote) {
    fill(view.composer, h('p', { class: 'composer-banner muted' }, t('composer.closed')));
    return;
  }
  fill(view.composer, composer({
    canReply,
    customer: (handover && handover.customerName) || view.customerName || null,
    language: (handover && handover.language) || view.language,
    onReply: async (text) => {
      const messageId = newId();
      put(view, { key: messageId, messageId, kind: 'agent', name: state.me.displayName, text, at: new Date().toISOString(), pending: true });
      renderTranscript(view);
      const sent = await attempt('action.reply', () => agentService.reply(view.id, text, messageId));
      if (!sent) {
        view.entries.delete(messageId);
        renderTranscript(view);
        return false;
      }
      setTimeout(() => loadTranscript(view).catch(() => {}), 1200);
      return true;
    },
    onNote: async (text) => {
      const note = await attempt('action.note', () => agentService.note(view.id, text));
      if (!note) return false;
      put(view, { key: note.noteId, kind: 'note', name: note.agentName, text: note.text, at: note.addedAt });
      renderTranscript(view);
      return true;
    },
  }));
}
