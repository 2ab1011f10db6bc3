// Deals: the pipeline from interest to a registered, paid contract, with every change in the history.
import { api } from './client';
import { unwrap } from './errors';
import type { components } from './schema';

type S = components['schemas'];
export type Deal = S['DealOut'];
export type Stage = S['Stage'];
export type DealEvent = S['HistoryOut'];

export const STAGES: Stage[] = ['interest', 'introduced', 'negotiating', 'contract_signed', 'registered', 'paid', 'closed_won', 'closed_lost'];

export const dealsApi = {
  list: async (page = 1, stage?: Stage) =>
    unwrap(await api.GET('/api/deals', { params: { query: { page, page_size: 100, stage: stage ?? null } } })),
  get: async (deal_id: number) => unwrap(await api.GET('/api/deals/{deal_id}', { params: { path: { deal_id } } })),
  history: async (deal_id: number) => unwrap(await api.GET('/api/deals/{deal_id}/history', { params: { path: { deal_id } } })),
  transition: async (deal: Deal, to: Stage, note?: string, reason?: string) =>
    unwrap(await api.POST('/api/deals/{deal_id}/transition', {
      params: { path: { deal_id: deal.id } },
      body: { to, version: deal.version, note: note || null, reason: reason || null },
    })),
};

export type Contract = S['ContractOut'];
export type ContractType = S['ContractType'];
export type Payments = S['PaymentsOut'];
export const CONTRACT_TYPES: ContractType[] = ['development', 'transfer', 'licence', 'consulting', 'service'];

const dealPath = (deal_id: number) => ({ params: { path: { deal_id } } });

export const contractApi = {
  /** The deal's contract, or null when none is recorded yet. */
  get: async (deal_id: number): Promise<Contract | null> => {
    const r = await api.GET('/api/deals/{deal_id}/contract', dealPath(deal_id));
    return r.response.status === 404 ? null : unwrap(r);
  },
  put: async (deal_id: number, body: S['ContractIn']) => unwrap(await api.PUT('/api/deals/{deal_id}/contract', { ...dealPath(deal_id), body })),
  payments: async (deal_id: number) => unwrap(await api.GET('/api/deals/{deal_id}/payments', dealPath(deal_id))),
  pay: async (deal_id: number, body: S['PaymentIn']) => unwrap(await api.POST('/api/deals/{deal_id}/payments', { ...dealPath(deal_id), body })),
};
