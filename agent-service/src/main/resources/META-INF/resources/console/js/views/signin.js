// Sign-in: the local stack's demo identities with one click, when offered; otherwise (and always) a bearer token
// from the company's identity provider.

import * as agentService from '../api/agent-service.js';
import { fill, h } from '../dom.js';
import { LANGUAGES, language, setLanguage, t } from '../i18n.js';
import * as session from '../session.js';
import { state } from '../state.js';
import { attempt } from '../toast.js';

export function renderSignIn(root, { onSignedIn }) {
  const demo = h('div', { class: 'signin-demo' });
  const tokenField = h('textarea', { id: 'token', class: 'token-input', rows: 3, spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'token-hint' });
  const problem = h('p', { class: 'form-error', role: 'alert' });
  const form = h('form', {
    class: 'signin-token',
    onsubmit: (event) => {
      event.preventDefault();
      try {
        session.signIn(tokenField.value);
        tokenField.value = '';
        onSignedIn();
      } catch (error) {
        problem.textContent = t('signin.bad', { reason: error.message });
      }
    },
  },
  h('label', { for: 'token' }, t('signin.token')),
  tokenField,
  h('p', { id: 'token-hint', class: 'hint' }, t('signin.tokenHint')),
  problem,
  h('button', { type: 'submit', class: 'button primary' }, t('signin.submit')));

  fill(root, h('main', { class: 'signin' },
    h('section', { class: 'signin-card', 'aria-labelledby': 'signin-title' },
      h('div', { class: 'signin-head' },
        h('img', { src: 'img/icon.svg', alt: '', width: 40, height: 40 }),
        h('div', {}, h('p', { class: 'brand' }, t('product')), h('h1', { id: 'signin-title' }, t('signin.title')))),
      languageSwitch(() => renderSignIn(root, { onSignedIn })),
      h('p', { class: 'lead' }, t('signin.lead')),
      demo,
      form)));

  if (state.settings && state.settings.demoSignIn) {
    agentService.demoIdentities().then((identities) => {
      fill(demo,
        h('h2', {}, t('signin.demo')),
        h('div', { class: 'demo-list' }, identities.map((identity) => h('button', {
          type: 'button',
          class: 'demo-identity',
          'data-identity': identity.id,
          onclick: () => attempt('action.signin', async () => {
            const { token } = await agentService.demoToken(identity.id);
            session.signIn(token);
            onSignedIn();
          }),
        },
        h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(identity.displayName)),
        h('span', { class: 'demo-name' }, t('signin.as', { name: identity.displayName })),
        h('span', { class: 'badge' }, t(identity.supervisor ? 'role.supervisor' : 'role.agent'))))),
        h('p', { class: 'hint' }, t('signin.demoHint')));
    }).catch(() => fill(demo));
  }
}

export function languageSwitch(onChange) {
  return h('div', { class: 'language-switch', role: 'group', 'aria-label': t('language') },
    LANGUAGES.map((code) => h('button', {
      type: 'button',
      class: code === language() ? 'active' : '',
      'aria-pressed': code === language() ? 'true' : 'false',
      lang: code,
      onclick: () => { setLanguage(code); onChange(code); },
    }, code.toUpperCase())));
}

export function initials(name) {
  return String(name || '?').split(/\s+/).map((part) => part[0]).join('').slice(0, 2).toUpperCase();
}
