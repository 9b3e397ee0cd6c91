// The workspace: the top bar (presence, load, language, who is signed in), the navigation, and the page in view.

import * as agentService from '../api/agent-service.js';
import { refreshMe } from '../data.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { disposeAll, onDispose } from '../lifecycle.js';
import { changed, onChange, state } from '../state.js';
import { attempt } from '../toast.js';
import { renderCanned } from './canned.js';
import * as conversationView from './conversation.js';
import { renderList } from './list.js';
import { initials, languageSwitch } from './signin.js';
import { renderIncidents, renderQueue, renderTeam } from './supervisor.js';

let unsubscribe = null;

export function renderWorkspace(root, { onSignOut, onLanguage }) {
  if (unsubscribe) unsubscribe();
  const bar = h('header', { class: 'topbar' });
  const nav = h('nav', { class: 'nav', 'aria-label': t('product') });
  const page = h('div', { class: 'page' });
  fill(root, bar, nav, page);

  const renderBar = () => fill(bar, topbar(onSignOut, onLanguage));
  const renderNav = () => fill(nav, navigation(() => { renderNav(); renderPage(); }));
  const renderPage = () => {
    disposeAll();
    if (state.view === 'queue') return renderQueue(page, openConversation);
    if (state.view === 'team') return renderTeam(page, openConversation);
    if (state.view === 'incidents') return renderIncidents(page);
    if (state.view === 'canned') return renderCanned(page);
    return renderMine(page);
  };
  const openConversation = (conversationId) => {
    state.view = 'mine';
    select(conversationId);
    renderNav();
    renderPage();
  };
  renderBar();
  renderNav();
  renderPage();
  unsubscribe = onChange((what) => {
    if (what === 'me' || what === 'live') renderBar();
    if (what === 'unread' || what === 'conversations') renderNav();
  });
}

/** Called for every event on the agent's live stream. */
export function liveEvent(name, data) {
  conversationView.liveEvent(name, data);
}

function select(conversationId) {
  state.selected = conversationId;
  state.unread.delete(conversationId);
  changed('unread');
  changed('selected');
}

function renderMine(page) {
  const list = h('aside', { class: 'column list-column', 'aria-label': t('nav.mine') });
  const conversation = h('section', { class: 'column conversation-column', 'aria-label': t('transcript.title') });
  const briefing = h('aside', { class: 'column package-column', 'aria-label': t('package.title') });
  const layout = h('div', { class: `workspace ${state.selected ? 'has-selection' : ''}` }, list, conversation, briefing);
  fill(page, layout);
  const showSelected = () => {
    layout.classList.toggle('has-selection', Boolean(state.selected));
    conversationView.show(conversation, briefing, state.selected, () => {
      state.selected = null;
      changed('selected');
    });
  };
  renderList(list, (conversationId) => select(conversationId));
  showSelected();
  const stop = onChange((what) => {
    if (what === 'selected') showSelected();
  });
  onDispose(stop);
  onDispose(() => conversationView.close());
}

function topbar(onSignOut, onLanguage) {
  const me = state.me;
  const who = state.identity;
  return [
    h('div', { class: 'brand-row' },
      h('img', { src: 'img/icon.svg', alt: '', width: 28, height: 28 }),
      h('span', { class: 'brand' }, t('product')),
      h('span', { class: `live ${state.live ? 'on' : 'off'}`, role: 'status' }, t(state.live ? 'live.on' : 'live.off'))),
    h('div', { class: 'topbar-tools' },
      me ? presenceControl(me) : null,
      me ? loadMeter(me) : null,
      languageSwitch(onLanguage),
      h('div', { class: 'who' },
        h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(me ? me.displayName : who.name)),
        h('span', { class: 'who-name' }, me ? me.displayName : who.name,
          h('small', {}, t(who.supervisor ? 'role.supervisor' : 'role.agent')))),
      h('button', { type: 'button', class: 'button ghost', onclick: onSignOut }, t('signOut'))),
  ];
}

function presenceControl(me) {
  const select = h('select', {
    id: 'presence',
    class: `presence presence-${me.presence}`,
    onchange: () => attempt('action.presence', async () => {
      state.me = await agentService.setPresence(me.id, select.value);
      changed('me');
    }).then(() => refreshMe().catch(() => {})),
  }, ['ONLINE', 'AWAY', 'OFFLINE'].map((presence) => h('option', { value: presence, selected: presence === me.presence }, t(`presence.${presence}`))));
  return h('div', { class: 'field-inline' }, h('label', { for: 'presence' }, t('presence')), h('span', { class: `dot dot-${me.presence}`, 'aria-hidden': 'true' }), select);
}

function loadMeter(me) {
  const share = Math.min(1, me.activeConversations / Math.max(1, me.capacity));
  const bar = h('span', { class: 'meter-fill' });
  bar.style.width = `${Math.round(share * 100)}%`;
  return h('div', { class: 'load', title: t('load') },
    h('span', { class: 'load-label' }, t('load')),
    h('span', { class: 'meter', role: 'meter', 'aria-label': t('load'), 'aria-valuemin': 0, 'aria-valuemax': me.capacity, 'aria-valuenow': me.activeConversations }, bar),
    h('span', { class: 'load-value', id: 'load' }, t('load.of', { active: me.activeConversations, capacity: me.capacity })));
}

function navigation(onNavigate) {
  const items = [['mine', 'nav.mine']];
  if (state.identity.supervisor) items.push(['queue', 'nav.queue'], ['team', 'nav.team'], ['incidents', 'nav.incidents'], ['canned', 'nav.canned']);
  let unread = 0;
  for (const count of state.unread.values()) unread += count;
  const offers = [...state.conversations.values()].filter((c) => c.state === 'OFFERED').length;
  return h('ul', { role: 'list' }, items.map(([view, key]) => h('li', {},
    h('button', {
      type: 'button',
      class: `nav-item ${state.view === view ? 'active' : ''}`,
      'aria-current': state.view === view ? 'page' : false,
      'data-view': view,
      onclick: () => { state.view = view; onNavigate(); },
    }, t(key),
    view === 'mine' && offers > 0 ? h('span', { class: 'count count-offer' }, offers) : null,
    view === 'mine' && unread > 0 ? h('span', { class: 'count' }, unread) : null))));
}
