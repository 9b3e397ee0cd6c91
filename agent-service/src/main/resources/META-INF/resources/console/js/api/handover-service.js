// handover-service: who is in charge of a conversation (and its incident tag), and incidents for supervisors.
// Called from the browser across origins (handover-service allows the console's origin).

import { client, seg } from './http.js';

let api = client('http://localhost:8082');

export function configure(baseUrl) {
  api = client(baseUrl);
}

export const control = (id) => api.get(`/conversations/${seg(id)}/control`);
export const incidents = (activeOnly) => api.get('/incidents', { active: activeOnly ? 'true' : undefined });
export const declareIncident = (declaration) => api.post('/incidents', declaration);
export const endIncident = (id) => api.post(`/incidents/${seg(id)}/end`);
