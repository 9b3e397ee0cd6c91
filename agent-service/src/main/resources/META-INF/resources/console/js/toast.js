// Messages to the agent: what went wrong, in words (a problem's detail), or that something worked.

import { byId, h } from './dom.js';
import { t } from './i18n.js';

export function info(message) {
  show(message, 'info');
}

export function failed(actionKey, error) {
  show(t('error.prefix', { action: t(actionKey), message: error && error.message ? error.message : String(error) }), 'error');
}

function show(message, kind) {
  const region = byId('toasts');
  const toast = h('div', { class: `toast toast-${kind}` },
    h('span', {}, message),
    h('button', { class: 'toast-close', type: 'button', 'aria-label': t('close'), onclick: () => toast.remove() }, '×'));
  region.append(toast);
  setTimeout(() => toast.remove(), kind === 'error' ? 9000 : 4000);
}

/** Runs an action; shows its failure as a readable message and returns undefined then. */
export async function attempt(actionKey, action) {
  try {
    return await action();
  } catch (error) {
    failed(actionKey, error);
    return undefined;
  }
}
