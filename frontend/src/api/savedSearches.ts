// Saved searches: browse filters a user keeps, which alert them when a new listing fits.
import { api } from './client';
import { unwrap } from './errors';
import type { components } from './schema';
import type { ListingFilters } from './listings';
import type { FieldCode, ListingKind, RegionCode } from './types';

export type SavedSearch = components['schemas']['SavedSearchOut'];
/** The request body; the schema's "at least one criterion" rule makes the generated type a union. */
export interface SavedSearchIn {
  kind: 'output' | 'need';
  name: string;
  q: string | null;
  field_code: FieldCode | null;
  region: RegionCode | null;
  alerts: boolean;
}
type Body = components['schemas']['SavedSearchIn'];

export const savedSearchesApi = {
  list: async (page: number) =>
    unwrap(await api.GET('/api/saved-searches', { params: { query: { page, page_size: 20 } } })),
  create: async (body: SavedSearchIn) => unwrap(await api.POST('/api/saved-searches', { body: body as Body })),
  replace: async (id: number, body: SavedSearchIn) =>
    unwrap(await api.PUT('/api/saved-searches/{search_id}', { params: { path: { search_id: id } }, body: body as Body })),
  remove: async (id: number) => {
    const res = await api.DELETE('/api/saved-searches/{search_id}', { params: { path: { search_id: id } } });
    if (res.error) unwrap(res);
  },
};

/** The part of the browse filters a saved search keeps (keywords, field, region); null when none is set. */
export function searchCriteria(f: ListingFilters): Pick<SavedSearchIn, 'q' | 'field_code' | 'region'> | null {
  const q = f.q?.trim() || null;
  const field_code = (f.field || null) as FieldCode | null;
  const region = (f.region || null) as RegionCode | null;
  return q || field_code || region ? { q, field_code, region } : null;
}

/** The browse page address that shows a saved search's results. */
export function searchPath(s: SavedSearch): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.field_code) p.set('field', s.field_code);
  if (s.region) p.set('region', s.region);
  const kind: ListingKind = s.kind === 'need' ? 'needs' : 'outputs';
  const query = p.toString();
  return `/${kind}${query ? `?${query}` : ''}`;
}
