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
  /** An agent brokers a deal on a need-output pair (the need's organisation buys). */
  open: async (output_id: number, need_id: number) => unwrap(await api.POST('/api/deals', { body: { output_id, need_id } })),
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

export type ContractIn = S['ContractIn'];
export type Registration = S['RegistrationOut'];
export type RegistrationIn = S['RegistrationIn'];
export type PaymentIn = S['PaymentIn'];
export type Commission = S['CommissionOut'];
export type CommissionIn = S['CommissionIn'];
export type CommissionKind = S['CommissionKind'];
export type LedgerEntry = S['LedgerEntryOut'];
export type IncomeSplit = S['SplitOut'];

/** null for a 404 ("none recorded yet"); any other error is thrown. */
function orNull<T>(r: { data?: T; error?: unknown; response: Response }): T | null {
  return r.response.status === 404 ? null : unwrap(r);
}

export const contractApi = {
  /** The deal's contract, or null when none is recorded yet. */
  get: async (deal_id: number): Promise<Contract | null> => orNull(await api.GET('/api/deals/{deal_id}/contract', dealPath(deal_id))),
  put: async (deal_id: number, body: ContractIn) => unwrap(await api.PUT('/api/deals/{deal_id}/contract', { ...dealPath(deal_id), body })),
  /** The registration (技术合同认定登记), or null when none is recorded yet. */
  registration: async (deal_id: number): Promise<Registration | null> =>
    orNull(await api.GET('/api/deals/{deal_id}/registration', dealPath(deal_id))),
  register: async (deal_id: number, body: RegistrationIn) =>
    unwrap(await api.PUT('/api/deals/{deal_id}/registration', { ...dealPath(deal_id), body })),
  payments: async (deal_id: number) => unwrap(await api.GET('/api/deals/{deal_id}/payments', dealPath(deal_id))),
  pay: async (deal_id: number, body: PaymentIn) => unwrap(await api.POST('/api/deals/{deal_id}/payments', { ...dealPath(deal_id), body })),
};

export const incomeApi = {
  /** The seller's statement of the team's and the institution's shares (seller and staff only). */
  split: async (deal_id: number) => unwrap(await api.GET('/api/deals/{deal_id}/income-split', dealPath(deal_id))),
  /** The agent's commission terms, or null when none are set. */
  commission: async (deal_id: number): Promise<Commission | null> =>
    orNull(await api.GET('/api/deals/{deal_id}/commission', dealPath(deal_id))),
  setCommission: async (deal_id: number, body: CommissionIn) =>
    unwrap(await api.PUT('/api/deals/{deal_id}/commission', { ...dealPath(deal_id), body })),
  entries: async (deal_id: number) => unwrap(await api.GET('/api/deals/{deal_id}/commission/entries', dealPath(deal_id))),
};
