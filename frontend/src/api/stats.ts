// Statistics the region reports on: headline totals, pipeline, contracts and subsidies for a period.
import { api } from './client';
import { unwrap } from './errors';

export interface PeriodQuery {
  date_from?: string;
  date_to?: string;
}

export const statsApi = {
  headline: async (year?: number) => unwrap(await api.GET('/api/stats/headline', { params: { query: { year: year ?? null } } })),
  pipeline: async (q: PeriodQuery) => unwrap(await api.GET('/api/stats/pipeline', { params: { query: q } })),
  contracts: async (q: PeriodQuery) => unwrap(await api.GET('/api/stats/contracts', { params: { query: q } })),
  subsidies: async (q: PeriodQuery) => unwrap(await api.GET('/api/stats/subsidies', { params: { query: q } })),
};
