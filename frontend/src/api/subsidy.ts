// Subsidy, reward and voucher rule sets, and applications on a deal (evaluated check by check).
import { api } from './client';
import { unwrap } from './errors';
import type { components } from './schema';

type S = components['schemas'];
export type RuleSetSummary = S['RuleSetSummary'];
export type Application = S['ApplicationOut'];
export type Evaluation = S['EvaluationResult'];
export type Declarations = S['Declarations'];

export const subsidyApi = {
  ruleSets: async () => unwrap(await api.GET('/api/policy/rule-sets')),
  applications: async () => unwrap(await api.GET('/api/applications', { params: { query: {} } })),
  create: async (deal_id: number, rule_set: string, year: number, declarations: Declarations) =>
    unwrap(await api.POST('/api/applications', { body: { deal_id, rule_set, year, declarations } })),
  queue: async () => unwrap(await api.GET('/api/applications', { params: { query: { status: 'submitted' } } })),
  review: async (application_id: number, decision: 'approve' | 'reject', reason?: string) =>
    unwrap(await api.POST('/api/applications/{application_id}/review', { params: { path: { application_id } }, body: { decision, reason: reason || null } })),
  submit: async (application_id: number) =>
    unwrap(await api.POST('/api/applications/{application_id}/submit', { params: { path: { application_id } } })),
};
