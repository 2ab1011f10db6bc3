// Public home: search box, latest outputs and needs, what each role does here.
import { useState } from 'react';
import { Button, Card, Col, Input, Row, Segmented, Skeleton, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { searchNeeds, searchOutputs } from '../api/listings';
import { useAuth } from '../auth/AuthProvider';
import { EmptyState } from '../components/EmptyState';
import { ListingSummary } from '../components/ListingSummary';
import { useAsync } from '../lib/useAsync';

export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useAuth();
  const [target, setTarget] = useState<'outputs' | 'needs'>('outputs');
  const outputs = useAsync(() => searchOutputs({ page_size: 4 }), []);
  const needs = useAsync(() => searchNeeds({ page_size: 4 }), []);

  const search = (q: string) => navigate(`/${target}${q.trim() ? `?q=${encodeURIComponent(q.trim())}` : ''}`);
  const roles = [
    ['roleUni', 'roleUniText'],
    ['roleEnt', 'roleEntText'],
    ['roleAgent', 'roleAgentText'],
    ['roleReviewer', 'roleReviewerText'],
  ];

  return (
    <div>
      <section className="hero">
        <Typography.Title level={1}>{t('home.title')}</Typography.Title>
        <Typography.Paragraph className="hero-sub">{t('home.subtitle')}</Typography.Paragraph>
        <div className="hero-search">
          <Segmented
            value={target}
            onChange={(v) => setTarget(v as 'outputs' | 'needs')}
            options={[
              { value: 'outputs', label: t('home.searchOutputs') },
              { value: 'needs', label: t('home.searchNeeds') },
            ]}
          />
          <Input.Search
            size="large"
            enterButton={t('common.search')}
            placeholder={t('home.searchPlaceholder')}
            aria-label={t('common.search')}
            onSearch={search}
            data-testid="home-search"
          />
        </div>
        {!me && (
          <Button size="large" ghost onClick={() => navigate('/signup')} style={{ marginTop: 16 }}>
            {t('home.getStarted')}
          </Button>
        )}
      </section>
      <div className="page">
        <Row gutter={[24, 24]}>
          {(
            [
              ['outputs', t('home.latestOutputs'), outputs],
              ['needs', t('home.latestNeeds'), needs],
            ] as const
          ).map(([kind, title, state]) => (
            <Col xs={24} lg={12} key={kind}>
              <Typography.Title level={3}>
                {title} <Link to={`/${kind}`} style={{ fontSize: 14, fontWeight: 400 }}>{t('home.more')}</Link>
              </Typography.Title>
              {state.loading && !state.data ? (
                <Skeleton active />
              ) : state.data && state.data.items.length === 0 ? (
                <EmptyState hint={t('home.emptyLatest')} />
              ) : (
                (state.data?.items ?? []).map((item) =>
                  kind === 'outputs' ? (
                    <ListingSummary key={item.id} kind="outputs" item={item as never} />
                  ) : (
                    <ListingSummary key={item.id} kind="needs" item={item as never} />
                  ),
                )
              )}
            </Col>
          ))}
        </Row>
        <Row gutter={[16, 16]} style={{ marginTop: 32 }}>
          {roles.map(([title, text]) => (
            <Col xs={24} sm={12} lg={6} key={title}>
              <Card title={t(`home.${title}`)} size="small" style={{ height: '100%' }}>
                {t(`home.${text}`)}
              </Card>
            </Col>
          ))}
        </Row>
      </div>
    </div>
  );
}
