// Subsidy, reward and voucher rule sets, and applications on a deal (evaluated check by check).
import { api } from './client';
import { unwrap } from './errors';
import type { components } from './schema';

type S = components['schemas'];
export type RuleSetSummary = S['RuleSetSummary'];
export type Application = S['ApplicationOut'];
export type Evaluation = S['EvaluationResult'];
export type Declarations = S['Declarations'];
export type RuleSet = S['RuleSet-Output'];
export type RequiredDocument = S['RequiredDocument'];

export const subsidyApi = {
  ruleSets: async () => unwrap(await api.GET('/api/policy/rule-sets')),
  /** One rule set (its documents checklist among the rest), at the version an application froze. */
  ruleSet: async (name: string, version?: string) =>
    unwrap(await api.GET('/api/policy/rule-sets/{name}', { params: { path: { name }, query: { version: version ?? null } } })),
  /** File a deal document against an item of the checklist; the application comes back re-evaluated. */
  attach: async (application_id: number, document: string, deal_document_id: number) =>
    unwrap(await api.POST('/api/applications/{application_id}/documents', { params: { path: { application_id } }, body: { document, deal_document_id } })),
  applications: async () => unwrap(await api.GET('/api/applications', { params: { query: {} } })),
  create: async (deal_id: number, rule_set: string, year: number, declarations: Declarations) =>
    unwrap(await api.POST('/api/applications', { body: { deal_id, rule_set, year, declarations } })),
  queue: async () => unwrap(await api.GET('/api/applications', { params: { query: { status: 'submitted' } } })),
  review: async (application_id: number, decision: 'approve' | 'reject', reason?: string) =>
    unwrap(await api.POST('/api/applications/{application_id}/review', { params: { path: { application_id } }, body: { decision, reason: reason || null } })),
  /** Re-evaluate a draft with the deal's current payments, registration and reports. */
  refresh: async (application_id: number) =>
    unwrap(await api.POST('/api/applications/{application_id}/refresh', { params: { path: { application_id } } })),
  submit: async (application_id: number) =>
    unwrap(await api.POST('/api/applications/{application_id}/submit', { params: { path: { application_id } } })),
};
