// Listing calls for both kinds (outputs and needs) behind one small interface.
import { api } from './client';
import { unwrap } from './errors';
import type { paths } from './schema';
import type { FieldCode, RegionCode, ListingKind, NeedDraft, NeedOut, NeedUpdate, OutputDetail, OutputDraft, OutputOut, OutputUpdate, TransferMode } from './types';

export interface ListingFilters {
  q?: string;
  field?: string;
  region?: string;
  trl_min?: number;
  trl_max?: number;
  amount_min?: string;
  amount_max?: string;
  mode?: TransferMode;
  sort?: string;
  page?: number;
  page_size?: number;
  mine?: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

type Sort = NonNullable<NonNullable<paths['/api/outputs']['get']['parameters']['query']>['sort']>;

function common(f: ListingFilters) {
  return {
    q: f.q || undefined,
    field: (f.field || undefined) as FieldCode | undefined,
    region: (f.region || undefined) as RegionCode | undefined,
    trl_min: f.trl_min,
    trl_max: f.trl_max,
    sort: (f.sort || undefined) as Sort | undefined,
    page: f.page ?? 1,
    page_size: f.page_size ?? 10,
    mine: f.mine || undefined,
  };
}

export async function searchOutputs(f: ListingFilters): Promise<Page<OutputOut>> {
  const query = { ...common(f), price_min: f.amount_min, price_max: f.amount_max, transfer_mode: f.mode };
  return unwrap(await api.GET('/api/outputs', { params: { query } }));
}

export async function searchNeeds(f: ListingFilters): Promise<Page<NeedOut>> {
  const sort = f.sort === 'price' || f.sort === '-price' || f.sort === 'trl' || f.sort === '-trl' ? undefined : f.sort;
  const query = { ...common({ ...f, sort }), budget_min: f.amount_min, budget_max: f.amount_max, cooperation_mode: f.mode };
  return unwrap(await api.GET('/api/needs', { params: { query } }));
}

const id = (listing_id: number) => ({ params: { path: { listing_id } } });

export const outputsApi = {
  get: async (n: number): Promise<OutputDetail> => unwrap(await api.GET('/api/outputs/{listing_id}', id(n))),
  create: async (body: OutputDraft): Promise<OutputDetail> => unwrap(await api.POST('/api/outputs', { body })),
  update: async (n: number, body: OutputUpdate): Promise<OutputDetail> =>
    unwrap(await api.PATCH('/api/outputs/{listing_id}', { ...id(n), body })),
  submit: async (n: number): Promise<OutputDetail> => unwrap(await api.POST('/api/outputs/{listing_id}/submit', id(n))),
  withdraw: async (n: number): Promise<OutputDetail> => unwrap(await api.POST('/api/outputs/{listing_id}/withdraw', id(n))),
  remove: async (n: number): Promise<void> => {
    unwrap(await api.DELETE('/api/outputs/{listing_id}', id(n)));
  },
  review: async (n: number, decision: string, reason?: string): Promise<OutputDetail> =>
    unwrap(await api.POST('/api/outputs/{listing_id}/review', { ...id(n), body: { decision, reason: reason || null } })),
  queue: async (page: number): Promise<Page<OutputDetail>> =>
    unwrap(await api.GET('/api/outputs/queue', { params: { query: { page, page_size: 20 } } })),
};

export const needsApi = {
  get: async (n: number): Promise<NeedOut> => unwrap(await api.GET('/api/needs/{listing_id}', id(n))),
  create: async (body: NeedDraft): Promise<NeedOut> => unwrap(await api.POST('/api/needs', { body })),
  update: async (n: number, body: NeedUpdate): Promise<NeedOut> =>
    unwrap(await api.PATCH('/api/needs/{listing_id}', { ...id(n), body })),
  submit: async (n: number): Promise<NeedOut> => unwrap(await api.POST('/api/needs/{listing_id}/submit', id(n))),
  withdraw: async (n: number): Promise<NeedOut> => unwrap(await api.POST('/api/needs/{listing_id}/withdraw', id(n))),
  remove: async (n: number): Promise<void> => {
    unwrap(await api.DELETE('/api/needs/{listing_id}', id(n)));
  },
  review: async (n: number, decision: string, reason?: string): Promise<NeedOut> =>
    unwrap(await api.POST('/api/needs/{listing_id}/review', { ...id(n), body: { decision, reason: reason || null } })),
  queue: async (page: number): Promise<Page<NeedOut>> =>
    unwrap(await api.GET('/api/needs/queue', { params: { query: { page, page_size: 20 } } })),
};

export function kindApi(kind: ListingKind) {
  return kind === 'outputs' ? outputsApi : needsApi;
}
