/*
 * Takeover web chat: the customer's widget. Embed it with one tag, e.g.
 *   <script src="https://chat.example.com/widget/takeover-chat.js" defer
 *           data-language="de" data-title="Support"
 *           data-identity="…" data-identity-signature="…"></script>
 * It draws a launcher and a chat panel in a Shadow DOM, so the host page's CSS cannot reach it, talks to the adapter
 * over a WebSocket, and renders every text with textContent, never as HTML.
 *
 * This file only reads the tag's attributes and loads the widget's parts from the adapter, in order: plain scripts, so
 * a host page on another origin needs no CORS, and one global (TakeoverChat) between them.
 */
(() => {
  'use strict';

  const script = document.currentScript;
  const data = Object.assign({}, script ? script.dataset : {});
  const adapter = new URL(data.adapterUrl || (script ? script.src : location.href), location.href);
  const chat = (window.TakeoverChat = window.TakeoverChat || {});
  if (chat.embedding) return;
  chat.embedding = { data, adapter };
  for (const part of ['texts', 'dom', 'widget']) {
    const tag = document.createElement('script');
    tag.src = new URL('/widget/chat/' + part + '.js', adapter).href;
    tag.async = false;
    document.head.append(tag);
  }
})();
