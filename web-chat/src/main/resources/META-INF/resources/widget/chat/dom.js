// Small helpers of the widget: elements built with text nodes (never HTML), icons, ids and the stored state.
(window.TakeoverChat = window.TakeoverChat || {}).dom = (() => {
  'use strict';

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    children.forEach((child) => node.append(typeof child === 'string' ? document.createTextNode(child) : child));
    return node;
  }

  function icon(name, extraClass) {
    const paths = {
      chat: 'M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v9a2.5 2.5 0 0 1-2.5 2.5H10l-4.2 3.6A.5.5 0 0 1 5 20.2V17h-.5A.5.5 0 0 1 4 16.5v-11Z',
      chevron: 'M6.7 9.3a1 1 0 0 1 1.4 0L12 13.2l3.9-3.9a1 1 0 1 1 1.4 1.4l-4.6 4.6a1 1 0 0 1-1.4 0L6.7 10.7a1 1 0 0 1 0-1.4Z',
      send: 'M3.4 20.4 21 12 3.4 3.6a.6.6 0 0 0-.8.7L4.8 11H13a1 1 0 1 1 0 2H4.8l-2.2 6.7a.6.6 0 0 0 .8.7Z',
      spark: 'M12 2.5c.4 0 .7.3.8.6l1.2 4a4 4 0 0 0 2.9 2.9l4 1.2a.8.8 0 0 1 0 1.6l-4 1.2a4 4 0 0 0-2.9 2.9l-1.2 4a.8.8 0 0 1-1.6 0l-1.2-4a4 4 0 0 0-2.9-2.9l-4-1.2a.8.8 0 0 1 0-1.6l4-1.2A4 4 0 0 0 10 7.1l1.2-4c.1-.3.4-.6.8-.6Z',
      people: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm7.5 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM2 18.5C2 15.5 5.1 13 9 13s7 2.5 7 5.5v.5H2v-.5Zm15.8.5v-.5c0-1.9-.9-3.6-2.3-4.8.4-.1.7-.2 1-.2 3 0 5.5 2 5.5 4.6v.9h-4.2Z',
    };
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'icon ' + (extraClass || ''));
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', paths[name]);
    svg.append(path);
    return svg;
  }

  function clock(instant, language) {
    const at = instant ? new Date(instant) : new Date();
    return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(at);
  }

  function newId() {
    return (crypto.randomUUID ? crypto.randomUUID() : Date.now().toString(36) + Math.random().toString(36).slice(2)).replace(/[^A-Za-z0-9_-]/g, '');
  }

  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : String(value).replace(/[^A-Za-z0-9_-]/g, '');
  }

  function pickLanguage(wanted) {
    const candidates = [wanted, ...(navigator.languages || [navigator.language])];
    for (const candidate of candidates) {
      const primary = (candidate || '').slice(0, 2).toLowerCase();
      if (primary === 'de' || primary === 'en') return primary;
    }
    return 'en';
  }

  function readJson(storage, key) {
    try { return JSON.parse(storage.getItem(key)); } catch (e) { return null; }
  }

  return { el, icon, clock, newId, cssEscape, pickLanguage, readJson };
})();
