// Technology-transfer agents: the directory a deal's party picks from, and engaging one on a deal.
import { api } from './client';
import { unwrap } from './errors';
import type { Deal } from './deals';
import type { components } from './schema';

export type Agent = components['schemas']['AgentOut'];

export const agentsApi = {
  list: async (q?: string) =>
    unwrap(await api.GET('/api/agents', { params: { query: { q: q?.trim() || null, page_size: 20 } } })),
  /** Sends the version the page read, so a change made meanwhile is refused rather than overwritten. */
  engage: async (deal: Deal, agent_id: number) =>
    unwrap(await api.PUT('/api/deals/{deal_id}/agent', {
      params: { path: { deal_id: deal.id } },
      body: { agent_id, version: deal.version },
    })),
};
