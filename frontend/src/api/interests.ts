// Expressions of interest (with screening answers), decisions with reasons, and output NDAs.
import { api } from './client';
import { unwrap } from './errors';
import type { components } from './schema';

type S = components['schemas'];
export type Interest = S['InterestOut'];
export type DeclineReason = S['DeclineReason'];
export type Nda = S['NdaOut'];

export const DECLINE_REASONS: DeclineReason[] = ['too_early', 'benefit_unclear', 'route_to_market_unclear', 'too_vague', 'price', 'already_licensed', 'other'];

export const interestsApi = {
  onOutput: async (output_id: number, message: string, answers: string[]) =>
    unwrap(await api.POST('/api/interests', { body: { output_id, message, answers } })),
  onNeed: async (need_id: number, message: string, answers: string[], offered_output_id?: number) =>
    unwrap(await api.POST('/api/interests', { body: { need_id, message, answers, offered_output_id: offered_output_id ?? null } })),
  list: async (box: 'sent' | 'received', page: number) =>
    unwrap(await api.GET('/api/interests', { params: { query: { box, page, page_size: 20 } } })),
  decide: async (id: number, decision: 'accept' | 'decline', reason_code?: DeclineReason, reason_text?: string) =>
    unwrap(await api.POST('/api/interests/{interest_id}/decide', {
      params: { path: { interest_id: id } },
      body: { decision, reason_code: reason_code ?? null, reason_text: reason_text || null },
    })),
};

export const ndaApi = {
  get: async (output_id: number) => unwrap(await api.GET('/api/outputs/{output_id}/nda', { params: { path: { output_id } } })),
  accept: async (output_id: number, version: string) =>
    unwrap(await api.POST('/api/outputs/{output_id}/nda/accept', { params: { path: { output_id } }, body: { version } })),
};
