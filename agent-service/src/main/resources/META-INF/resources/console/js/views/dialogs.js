// The dialogs of acting on a conversation: transfer, resolve, hand back, and flag a bot answer as wrong. Native
// <dialog>: focus stays inside, Escape closes it.

import * as agentService from '../api/agent-service.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { newId, state } from '../state.js';
import { attempt, info } from '../toast.js';

let dialogCount = 0;

function modal(titleKey, fields, submitKey, actionKey, onSubmit) {
  const id = `dialog-${++dialogCount}`;
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': `${id}-title` });
  const form = h('form', {
    method: 'dialog',
    onsubmit: async (event) => {
      event.preventDefault();
      const submit = form.querySelector('[type=submit]');
      submit.disabled = true;
      const done = await attempt(actionKey, onSubmit);
      submit.disabled = false;
      if (done !== undefined) dialog.close();
    },
  },
  h('h2', { id: `${id}-title` }, t(titleKey)),
  fields,
  h('div', { class: 'dialog-actions' },
    h('button', { type: 'button', class: 'button ghost', onclick: () => dialog.close() }, t('cancel')),
    h('button', { type: 'submit', class: 'button primary' }, t(submitKey))));
  dialog.append(form);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  const first = form.querySelector('input, select, textarea');
  if (first) first.focus();
  return dialog;
}

function field(id, labelKey, control) {
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, t(labelKey)), control);
}

export function transferDialog(view, onDone) {
  const agentSelect = h('select', {}, h('option', { value: '' }, t('queue.choose')));
  const teamSelect = h('select', {});
  const note = h('textarea', { rows: 3 });
  const toAgent = h('input', { type: 'radio', name: 'transfer-target', value: 'agent', checked: true, id: 'transfer-to-agent' });
  const toTeam = h('input', { type: 'radio', name: 'transfer-target', value: 'team', id: 'transfer-to-team' });
  const agentField = field('transfer-agent', 'transfer.agent', agentSelect);
  const teamField = field('transfer-team', 'transfer.team', teamSelect);
  const sync = () => {
    agentField.hidden = !toAgent.checked;
    teamField.hidden = !toTeam.checked;
  };
  toAgent.addEventListener('change', sync);
  toTeam.addEventListener('change', sync);
  agentService.colleagues().then((colleagues) => {
    const teams = new Set();
    for (const colleague of colleagues) {
      colleague.teams.forEach((team) => teams.add(team));
      if (colleague.id === (view.handover && view.handover.agentId)) continue;
      agentSelect.append(h('option', { value: colleague.id, disabled: colleague.presence === 'OFFLINE' || !colleague.free },
        t('transfer.free', { name: colleague.displayName, presence: t(`presence.${colleague.presence}`), active: colleague.activeConversations, capacity: colleague.capacity })));
    }
    for (const team of [...teams].sort()) teamSelect.append(h('option', { value: team }, team));
  }).catch(() => {});
  modal('transfer.title', [
    h('fieldset', { class: 'choice' },
      h('legend', { class: 'visually-hidden' }, t('transfer.title')),
      h('label', { for: 'transfer-to-agent' }, toAgent, t('transfer.toAgent')),
      h('label', { for: 'transfer-to-team' }, toTeam, t('transfer.toTeam'))),
    agentField, teamField, field('transfer-note', 'transfer.note', note),
  ], 'transfer.submit', 'action.transfer', async () => {
    const target = toAgent.checked ? { toAgentId: agentSelect.value } : { toTeam: teamSelect.value };
    const handover = await agentService.transfer(view.id, target, note.value.trim() || undefined);
    await onDone(handover);
    return handover;
  });
  sync();
}

export function resolveDialog(view, onDone) {
  const summary = h('textarea', { rows: 3 });
  modal('resolve.title', [field('resolve-summary', 'resolve.summary', summary)], 'resolve.submit', 'action.resolve', async () => {
    const handover = await agentService.resolve(view.id, summary.value.trim() || undefined);
    await onDone(handover);
    return handover;
  });
}

export function handBackDialog(view, onDone) {
  const note = h('textarea', { rows: 3 });
  modal('handBack.title', [field('hand-back-note', 'handBack.note', note)], 'handBack.submit', 'action.handBack', async () => {
    const handover = await agentService.handBack(view.id, note.value.trim() || undefined);
    await onDone(handover);
    return handover;
  });
}

export function flagDialog(view, item, onDone) {
  const intents = (view.package && view.package.intents) || [];
  const listId = `intents-${++dialogCount}`;
  const intent = h('input', { type: 'text', list: listId, autocomplete: 'off', value: item.intent || '' });
  const comment = h('textarea', { rows: 3 });
  modal('flag.title', [
    h('blockquote', { class: 'quote' }, h('p', {}, item.text)),
    field('flag-intent', 'flag.intent', intent),
    h('datalist', { id: listId }, intents.map((name) => h('option', { value: name }))),
    field('flag-comment', 'flag.comment', comment),
  ], 'flag.submit', 'action.flag', async () => {
    const flagged = await agentService.flagBotAnswer(view.id, {
      messageId: item.messageId,
      expectedIntent: intent.value.trim() || undefined,
      comment: comment.value.trim() || undefined,
      flagId: newId(),
    });
    state.flagged.add(item.messageId);
    info(t('flag.done'));
    onDone();
    return flagged;
  });
}
