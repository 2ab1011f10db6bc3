// A technology need: the problem, specifications, target TRL, budget, cooperation modes, deadline.
import { Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { needsApi } from '../api/listings';
import { useAuth } from '../auth/AuthProvider';
import { AmountText } from '../components/AmountText';
import { ErrorAlert } from '../components/ErrorAlert';
import { InterestButton } from '../components/InterestButton';
import { ReviewBar } from '../components/ReviewBar';
import { ListingHeader } from '../components/ListingHeader';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { useAsync } from '../lib/useAsync';

export function NeedPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { fieldName, regionName } = useTaxonomy();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { data: n, error, loading, reload } = useAsync(() => needsApi.get(id), [id]);

  if (error) return <div className="page"><ErrorAlert error={error} onRetry={reload} /></div>;
  if (loading || !n) return <Spin style={{ display: 'block', margin: 64 }} tip={t('common.loading')}><div /></Spin>;

  return (
    <div className="page">
      <ListingHeader kind="needs" listing={n} />
      <ReviewBar kind="needs" id={n.id} status={n.status} onDone={reload} />
      <Space wrap style={{ marginBottom: 16 }}>
        <InterestButton kind="needs" id={n.id} organisationId={n.organisation_id} status={n.status} questions={n.screening_questions} />
        {me?.role === 'agent' && n.status === 'published' && (
          <Button data-testid="agent-matches" onClick={() => navigate(`/mine/needs/${n.id}/matches`)}>{t('deal.brokerFromMatches')}</Button>
        )}
      </Space>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('listing.field')}>{fieldName(n.field_code)}</Descriptions.Item>
          <Descriptions.Item label={t('listing.region')}>{regionName(n.region)}</Descriptions.Item>
          <Descriptions.Item label={t('listing.targetTrl')}>{n.target_trl ? t('listing.trlValue', { value: n.target_trl }) : t('common.unknown')}</Descriptions.Item>
          <Descriptions.Item label={t('listing.budget')}>
            <AmountText need={n} />
            {n.budget_negotiable && (n.budget_min || n.budget_max) ? ` (${t('listing.budgetNegotiable')})` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('listing.coopModes')}>{n.cooperation_modes.map((m) => <Tag key={m}>{t(`mode.${m}`)}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label={t('listing.deadline')}>{n.deadline ?? t('common.unknown')}</Descriptions.Item>
          <Descriptions.Item label={t('listing.keywords')} span={2}>{n.keywords.map((k) => <Tag key={k} color="blue">{k}</Tag>)}</Descriptions.Item>
        </Descriptions>
        <Typography.Title level={4}>{t('listing.description')}</Typography.Title>
        <Typography.Paragraph className="prewrap">{n.description || t('common.unknown')}</Typography.Paragraph>
        {n.specifications && (
          <>
            <Typography.Title level={4}>{t('listing.specifications')}</Typography.Title>
            <Typography.Paragraph className="prewrap">{n.specifications}</Typography.Paragraph>
          </>
        )}
      </Card>
    </div>
  );
}
