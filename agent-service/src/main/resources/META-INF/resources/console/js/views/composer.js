// Writing to the customer or a note for colleagues. Enter sends, Shift+Enter starts a new line; typing / at the start
// opens the canned replies of the conversation's language, filtered by shortcut or title.

import * as agentService from '../api/agent-service.js';
import { h } from '../dom.js';
import { language as uiLanguage, t } from '../i18n.js';
import { state } from '../state.js';

let composerCount = 0;

export function composer({ canReply, customer, language, onReply, onNote }) {
  const id = `composer-${++composerCount}`;
  let mode = canReply ? 'reply' : 'note';
  let matches = [];
  let active = 0;

  const field = h('textarea', {
    id,
    class: 'composer-input',
    rows: 3,
    'aria-autocomplete': 'list',
    'aria-controls': `${id}-canned`,
    'aria-expanded': 'false',
  });
  const label = h('label', { for: id, class: 'visually-hidden' });
  const popup = h('ul', { id: `${id}-canned`, class: 'canned-popup', role: 'listbox', 'aria-label': t('canned.list'), hidden: true });
  const send = h('button', { type: 'submit', class: 'button primary send' });
  const modes = h('div', { class: 'composer-modes', role: 'radiogroup', 'aria-label': t('composer.mode') },
    canReply ? modeButton('reply', 'composer.reply') : null,
    modeButton('note', 'composer.note'));
  const form = h('form', { class: 'composer', onsubmit: (event) => { event.preventDefault(); submit(); } },
    modes, label, h('div', { class: 'composer-box' }, popup, field, send));

  function modeButton(value, key) {
    return h('button', {
      type: 'button',
      role: 'radio',
      class: `mode mode-${value}`,
      'data-mode': value,
      onclick: () => { mode = value; update(); field.focus(); },
    }, t(key));
  }

  function update() {
    form.classList.toggle('note-mode', mode === 'note');
    for (const button of modes.querySelectorAll('[data-mode]')) {
      button.setAttribute('aria-checked', button.dataset.mode === mode ? 'true' : 'false');
    }
    const placeholder = mode === 'note'
      ? t('composer.placeholderNote')
      : customer ? t('composer.placeholderReply', { customer }) : t('composer.placeholderReplyAnonymous');
    field.placeholder = placeholder;
    label.textContent = placeholder;
    send.textContent = mode === 'reply' ? t('composer.send') : t('composer.addNote');
  }

  async function submit() {
    const text = field.value.trim();
    if (!text) return;
    field.disabled = true;
    const done = mode === 'reply' ? await onReply(text) : await onNote(text);
    field.disabled = false;
    if (done) field.value = '';
    closePopup();
    field.focus();
  }

  async function catalogue() {
    const lang = (language || uiLanguage()).slice(0, 2);
    if (!state.canned.has(lang)) {
      state.canned.set(lang, agentService.cannedReplies(lang).catch(() => []));
    }
    return state.canned.get(lang);
  }

  async function suggest() {
    const value = field.value;
    const match = /^\/(\S*)$/.exec(value);
    if (!match) return closePopup();
    const query = match[1].toLowerCase();
    const all = await catalogue();
    matches = all.filter((reply) => reply.shortcut.startsWith(query) || reply.title.toLowerCase().includes(query)).slice(0, 8);
    active = 0;
    renderPopup(query);
  }

  function renderPopup(query) {
    popup.replaceChildren(...(matches.length
      ? matches.map((reply, index) => h('li', {
        id: `${id}-option-${index}`,
        role: 'option',
        class: `canned-option ${index === active ? 'active' : ''}`,
        'aria-selected': index === active ? 'true' : 'false',
        onmousedown: (event) => { event.preventDefault(); choose(index); },
      }, h('span', { class: 'canned-shortcut' }, `/${reply.shortcut}`), h('span', { class: 'canned-title' }, reply.title), h('span', { class: 'canned-text' }, reply.text)))
      : [h('li', { class: 'canned-none' }, t('canned.none', { query }))]));
    popup.hidden = false;
    field.setAttribute('aria-expanded', 'true');
    if (matches.length) field.setAttribute('aria-activedescendant', `${id}-option-${active}`);
  }

  function closePopup() {
    matches = [];
    popup.replaceChildren();
    popup.hidden = true;
    field.setAttribute('aria-expanded', 'false');
    field.removeAttribute('aria-activedescendant');
  }

  function choose(index) {
    const reply = matches[index];
    if (!reply) return;
    field.value = reply.text
      .replaceAll('{customer}', customer || '')
      .replace(/ ,/g, ',')
      .replaceAll('{agent}', state.me ? state.me.displayName : state.identity.name);
    closePopup();
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }

  field.addEventListener('input', suggest);
  // Late, so that a click on an option still lands; and only if focus has not come back meanwhile (a click on a mode
  // button blurs and refocuses the field, and closing then would hide the popup the agent is typing into).
  field.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== field) closePopup(); }, 150));
  field.addEventListener('keydown', (event) => {
    if (!popup.hidden && matches.length) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        active = (active + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
        renderPopup(field.value.slice(1));
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        choose(active);
        return;
      }
    }
    if (event.key === 'Escape' && !popup.hidden) {
      event.preventDefault();
      closePopup();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      // A bare shortcut is a search, never a message: the customer must not receive "/hal".
      if (/^\/\S*$/.test(field.value.trim())) return suggest();
      submit();
    }
  });
  update();
  return form;
}
