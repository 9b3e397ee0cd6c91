// agent-service: agents, presence, my conversations and their live stream, what agents do with a conversation, the
// queue, canned replies and bot feedback. Same origin as the console.

import { client, seg } from './http.js';

const api = client('');

export const settings = () => api.get('/console/settings');
export const demoIdentities = () => api.get('/console/demo-identities');
export const demoToken = (id) => api.post(`/console/demo-identities/${seg(id)}/token`);

export const me = () => api.get('/me');
export const myConversations = () => api.get('/me/conversations');
export const setPresence = (agentId, presence) => api.put(`/agents/${seg(agentId)}/presence`, { presence });
export const colleagues = () => api.get('/console/colleagues');

export const agents = () => api.get('/agents');
export const agentConversations = (agentId) => api.get(`/agents/${seg(agentId)}/conversations`);
export const queue = () => api.get('/queue');

const conversation = (id) => `/conversations/${seg(id)}`;
export const handover = (id) => api.get(conversation(id));
export const accept = (id) => api.post(`${conversation(id)}/accept`);
export const decline = (id) => api.post(`${conversation(id)}/decline`);
export const reply = (id, text, messageId) => api.post(`${conversation(id)}/messages`, { text, messageId });
export const note = (id, text) => api.post(`${conversation(id)}/notes`, { text });
export const transfer = (id, target, note) => api.post(`${conversation(id)}/transfer`, { ...target, note });
export const resolve = (id, summary) => api.post(`${conversation(id)}/resolve`, { summary });
export const handBack = (id, note) => api.post(`${conversation(id)}/hand-back`, { note });
export const flagBotAnswer = (id, flag) => api.post(`${conversation(id)}/bot-answer-flags`, flag);

export const cannedReplies = (language) => api.get('/canned-replies', { language });
export const addCannedReply = (draft) => api.post('/canned-replies', draft);
export const changeCannedReply = (id, draft) => api.put(`/canned-replies/${seg(id)}`, draft);
export const deleteCannedReply = (id) => api.delete(`/canned-replies/${seg(id)}`);

/**
 * My live stream (Server-Sent Events) read with fetch, because EventSource cannot send the Authorization header.
 * Calls onEvent(name, data) per event; reconnects with a growing pause until stop() is called.
 */
export function openStream(onEvent, onState) {
  let stopped = false;
  let controller;
  let pause = 1000;
  async function connect() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await api.raw('/me/stream', { signal: controller.signal, headers: { Accept: 'text/event-stream' } });
        if (!response.ok || !response.body) throw new Error(`stream: HTTP ${response.status}`);
        onState(true);
        pause = 1000;
        await read(response.body, onEvent);
      } catch (e) {
        if (stopped) return;
      }
      onState(false);
      await new Promise((resume) => setTimeout(resume, pause));
      pause = Math.min(pause * 2, 15000);
    }
  }
  connect();
  return { stop: () => { stopped = true; if (controller) controller.abort(); } };
}

async function read(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      dispatch(block, onEvent);
    }
  }
}

function dispatch(block, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    if (line.startsWith('event:')) name = line.slice(6).trim();
    if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (data.length === 0) return;
  try {
    onEvent(name, JSON.parse(data.join('\n')));
  } catch {
    // Not JSON: nothing the console can show.
  }
}
