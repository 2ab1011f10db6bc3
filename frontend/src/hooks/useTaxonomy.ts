// Fields and regions from /api/taxonomy, fetched once per page load and named in the current language.
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { FieldOut, RegionOut } from '../api/types';
import { useLocale } from '../i18n/LocaleProvider';

interface Taxonomy {
  fields: FieldOut[];
  regions: RegionOut[];
}

let cache: Promise<Taxonomy> | null = null;

export function loadTaxonomy(): Promise<Taxonomy> {
  cache ??= Promise.all([api.GET('/api/taxonomy/fields'), api.GET('/api/taxonomy/regions')])
    .then(([f, r]) => ({ fields: unwrap(f), regions: unwrap(r) }))
    .catch((e: unknown) => {
      cache = null;
      throw e;
    });
  return cache;
}

export function resetTaxonomyCache(): void {
  cache = null;
}

export interface Option {
  value: string;
  label: string;
}

export function useTaxonomy() {
  const [tax, setTax] = useState<Taxonomy>({ fields: [], regions: [] });
  const { locale } = useLocale();
  useEffect(() => {
    let live = true;
    loadTaxonomy()
      .then((t) => live && setTax(t))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => {
    const name = (x: { name_zh: string; name_en: string }) => (locale === 'zh-CN' ? x.name_zh : x.name_en);
    const fieldOptions: Option[] = tax.fields.map((f) => ({ value: f.code, label: name(f) }));
    const regionOptions: Option[] = tax.regions.map((r) => ({ value: r.code, label: name(r) }));
    const fieldName = (code?: string | null) => {
      const f = tax.fields.find((x) => x.code === code);
      return f ? name(f) : code ?? '';
    };
    const regionName = (code?: string | null) => {
      const r = tax.regions.find((x) => x.code === code);
      return r ? name(r) : code ?? '';
    };
    return { fieldOptions, regionOptions, fieldName, regionName, loaded: tax.fields.length > 0 };
  }, [tax, locale]);
}
