// Browse filters live in the URL so results can be shared, bookmarked and navigated back to.
import type { ListingFilters } from '../api/listings';

const NUM = ['trl_min', 'trl_max', 'page'] as const;
const STR = ['q', 'field', 'region', 'amount_min', 'amount_max', 'mode', 'sort'] as const;

export function filtersFromParams(params: URLSearchParams): ListingFilters {
  const f: Record<string, unknown> = {};
  for (const k of STR) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  for (const k of NUM) {
    const v = Number(params.get(k));
    if (params.get(k) && Number.isInteger(v) && v > 0) f[k] = v;
  }
  return f as ListingFilters;
}

export function filtersToParams(f: ListingFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of [...STR, ...NUM]) {
    const v = f[k];
    if (v !== undefined && v !== null && v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
  }
  return p;
}
