// An organisation's name from its id (verified organisations are public); "#id" until it loads or when
// it cannot be read. Names are cached for the page's life: they rarely change and a board repeats them.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useLocale } from '../../i18n/LocaleProvider';

interface Named { name: string; name_en: string | null }
const cache = new Map<number, Promise<Named | null>>();

function load(id: number): Promise<Named | null> {
  let found = cache.get(id);
  if (!found) {
    found = api.GET('/api/organisations/{org_id}', { params: { path: { org_id: id } } })
      .then((r) => (r.response.ok && r.data ? { name: r.data.name, name_en: r.data.name_en ?? null } : null))
      .catch(() => null)
      .then((named) => {
        // A failed read is not remembered, so the next render asks again instead of showing "#id" for good.
        if (named === null) cache.delete(id);
        return named;
      });
    cache.set(id, found);
  }
  return found;
}

export function OrgName({ id }: { id: number }) {
  const { locale } = useLocale();
  const [org, setOrg] = useState<Named | null>(null);
  useEffect(() => {
    let live = true;
    void load(id).then((o) => live && setOrg(o));
    return () => {
      live = false;
    };
  }, [id]);
  if (!org) return <>#{id}</>;
  return <>{locale === 'en' && org.name_en ? org.name_en : org.name}</>;
}
