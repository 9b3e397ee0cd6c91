// transcript-service: the conversation's log, its handover package and the customer's earlier conversations.
// Called from the browser across origins (transcript-service allows the console's origin).

import { client, seg } from './http.js';

let api = client('http://localhost:8084');

export function configure(baseUrl) {
  api = client(baseUrl);
}

export const transcript = (id, after) =>
  api.get(`/conversations/${seg(id)}/transcript`, { include: 'messages,analyses,notes,events', limit: 500, after });
export const handoverPackage = (id) => api.get(`/conversations/${seg(id)}/handover-package`);
export const customerHistory = (customerId) => api.get(`/customers/${seg(customerId)}/conversations`, { limit: 10 });
