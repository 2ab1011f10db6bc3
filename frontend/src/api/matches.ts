// Matching: ranked, explained matches in both directions, and feedback on them.
import { api } from './client';
import { unwrap } from './errors';
import type { components } from './schema';
import type { ListingKind } from './types';

type S = components['schemas'];
export type Explanation = S['Explanation'];
export type OutputMatch = S['OutputMatch'];
export type NeedMatch = S['NeedMatch'];
export type Verdict = S['FeedbackIn']['verdict'];

export interface MatchOptions {
  trl: boolean;
  budget: boolean;
  modes: boolean;
  include_dismissed: boolean;
  top_k?: number;
}

/** Matches for my listing of `kind`: outputs for a need, needs for an output. */
export async function matchesFor(kind: ListingKind, id: number, o: MatchOptions): Promise<(OutputMatch | NeedMatch)[]> {
  const query = { trl: o.trl, budget: o.budget, modes: o.modes, include_dismissed: o.include_dismissed, top_k: o.top_k ?? 10 };
  if (kind === 'needs') return unwrap(await api.GET('/api/needs/{need_id}/matches', { params: { path: { need_id: id }, query } }));
  return unwrap(await api.GET('/api/outputs/{output_id}/matches', { params: { path: { output_id: id }, query } }));
}

export async function giveFeedback(need_id: number, output_id: number, verdict: Verdict) {
  return unwrap(await api.PUT('/api/matches/feedback', { body: { need_id, output_id, verdict } }));
}
