// Supervisors keep the catalogue of canned replies, one language at a time.

import * as agentService from '../api/agent-service.js';
import { fill, h } from '../dom.js';
import { language as uiLanguage, t } from '../i18n.js';
import { state } from '../state.js';
import { attempt, info } from '../toast.js';
import { labelled } from './supervisor.js';

export function renderCanned(page) {
  let lang = uiLanguage();
  let editing = null;
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('canned.language') });
  const list = h('div', { class: 'canned-list' });
  const shortcut = h('input', { type: 'text', id: 'canned-shortcut', required: true, pattern: '/?[a-z0-9äöüß][a-z0-9äöüß_-]{0,31}', autocomplete: 'off' });
  const title = h('input', { type: 'text', id: 'canned-title', maxlength: 80 });
  const text = h('textarea', { id: 'canned-text', rows: 4, required: true, maxlength: 2000 });
  const submit = h('button', { type: 'submit', class: 'button primary' });
  const cancel = h('button', { type: 'button', class: 'button ghost', onclick: () => edit(null) }, t('cancel'));
  const form = h('form', {
    class: 'panel form-grid',
    onsubmit: (event) => {
      event.preventDefault();
      attempt('action.save', async () => {
        const draft = { language: lang, shortcut: shortcut.value.trim(), title: title.value.trim() || undefined, text: text.value };
        const saved = editing ? await agentService.changeCannedReply(editing.id, draft) : await agentService.addCannedReply(draft);
        state.canned.delete(lang);
        info(t('canned.saved', { shortcut: saved.shortcut }));
        edit(null);
        load();
      });
    },
  }, h('h2', { id: 'canned-form-title' }), labelled('canned-shortcut', 'canned.shortcut', shortcut), labelled('canned-title', 'canned.titleField', title), labelled('canned-text', 'canned.text', text),
  h('div', { class: 'form-actions' }, cancel, submit));

  function edit(reply) {
    editing = reply;
    shortcut.value = reply ? reply.shortcut : '';
    title.value = reply ? reply.title : '';
    text.value = reply ? reply.text : '';
    form.querySelector('h2').textContent = reply ? `${t('canned.edit')} /${reply.shortcut}` : t('canned.add');
    submit.textContent = reply ? t('canned.save') : t('canned.add');
    cancel.hidden = !reply;
    if (reply) shortcut.focus();
  }

  function renderTabs() {
    fill(tabs, ['de', 'en'].map((code) => h('button', {
      type: 'button',
      role: 'tab',
      'aria-selected': code === lang ? 'true' : 'false',
      class: `tab ${code === lang ? 'active' : ''}`,
      onclick: () => { lang = code; edit(null); renderTabs(); load(); },
    }, code.toUpperCase())));
  }

  async function load() {
    const replies = await attempt('action.load', () => agentService.cannedReplies(lang));
    if (!replies) return;
    fill(list, replies.length === 0 ? h('p', { class: 'empty' }, t('canned.empty')) : h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['canned.shortcut', 'canned.titleField', 'canned.text', ''].map((key) => h('th', { scope: 'col' }, key ? t(key) : '')))),
      h('tbody', {}, replies.map((reply) => h('tr', { 'data-shortcut': reply.shortcut },
        h('td', { class: 'mono' }, `/${reply.shortcut}`),
        h('td', {}, reply.title),
        h('td', { class: 'canned-text-cell' }, reply.text),
        h('td', {}, h('div', { class: 'row-actions' },
          h('button', { type: 'button', class: 'button', onclick: () => edit(reply), 'aria-label': `${t('canned.edit')} /${reply.shortcut}` }, t('canned.edit')),
          h('button', {
            type: 'button',
            class: 'button danger',
            'aria-label': `${t('canned.delete')} /${reply.shortcut}`,
            onclick: () => attempt('action.delete', async () => {
              await agentService.deleteCannedReply(reply.id);
              state.canned.delete(lang);
              info(t('canned.deleted', { shortcut: reply.shortcut }));
              load();
            }),
          }, t('canned.delete')))))))));
  }

  fill(page, h('div', { class: 'two-panels' },
    h('section', { class: 'panel', 'aria-labelledby': 'canned-title-heading' },
      h('h2', { id: 'canned-title-heading' }, t('canned.title')),
      h('p', { class: 'hint' }, t('canned.lead')),
      tabs, list),
    form));
  renderTabs();
  edit(null);
  load();
}
