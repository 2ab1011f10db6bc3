// Matches for one of my listings, best first, each explained; filters for TRL, budget and modes.
import { useState } from 'react';
import { Alert, Checkbox, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { kindApi } from '../api/listings';
import { useAuth } from '../auth/AuthProvider';
import { matchesFor, type MatchOptions } from '../api/matches';
import type { ListingKind } from '../api/types';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { MatchCard } from '../components/MatchCard';
import { useAsync } from '../lib/useAsync';

export function MatchesPage() {
  const { t } = useTranslation();
  const params = useParams();
  const kind: ListingKind = params.kind === 'needs' ? 'needs' : 'outputs';
  const id = Number(params.id);
  const { me } = useAuth();
  const [opts, setOpts] = useState<MatchOptions>({ trl: true, budget: true, modes: true, include_dismissed: false });
  const listing = useAsync<{ title: string; status: string }>(() => kindApi(kind).get(id), [kind, id]);
  const matches = useAsync(() => matchesFor(kind, id, opts), [kind, id, opts.trl, opts.budget, opts.modes, opts.include_dismissed]);
  const toggle = (k: keyof MatchOptions) => (e: { target: { checked: boolean } }) => setOpts({ ...opts, [k]: e.target.checked });

  return (
    <div className="page">
      {me?.role === 'agent' ? <Link to={`/${kind}/${id}`}>← {t('common.back')}</Link> : <Link to={`/mine/${kind}`}>← {t('mine.title')}</Link>}
      <Typography.Title level={2} style={{ marginTop: 8 }}>{t('matches.title')}</Typography.Title>
      {listing.data && (
        <Typography.Paragraph>
          {t(kind === 'needs' ? 'matches.forNeed' : 'matches.forOutput', { title: listing.data.title })}{' '}
          <Link to={`/${kind}/${id}`}>{t('common.view')}</Link>
        </Typography.Paragraph>
      )}
      {listing.data && listing.data.status !== 'published' && <Alert type="info" showIcon message={t('matches.notPublished')} style={{ marginBottom: 16 }} />}
      <Space wrap style={{ marginBottom: 16 }} aria-label={t('browse.filters')}>
        <Checkbox checked={opts.trl} onChange={toggle('trl')}>{t('matches.requireTrl')}</Checkbox>
        <Checkbox checked={opts.budget} onChange={toggle('budget')}>{t('matches.requireBudget')}</Checkbox>
        <Checkbox checked={opts.modes} onChange={toggle('modes')}>{t('matches.requireModes')}</Checkbox>
        <Checkbox checked={opts.include_dismissed} onChange={toggle('include_dismissed')}>{t('matches.includeDismissed')}</Checkbox>
      </Space>
      {matches.error && <ErrorAlert error={matches.error} onRetry={matches.reload} />}
      {matches.loading && !matches.data ? (
        <Skeleton active />
      ) : matches.data && matches.data.length === 0 ? (
        <EmptyState hint={t('matches.none')} />
      ) : (
        <div aria-busy={matches.loading}>
          {(matches.data ?? []).map((m) => {
            const otherId = 'output' in m ? m.output.id : m.need.id;
            return (
              <MatchCard
                key={otherId}
                match={m}
                needId={kind === 'needs' ? id : otherId}
                outputId={kind === 'outputs' ? id : otherId}
                onChanged={matches.reload}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}
