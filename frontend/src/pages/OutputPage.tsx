// A research output: public summary, advantages, IP, price; the confidential detail only for those allowed.
import { Card, Descriptions, List, Space, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { outputsApi } from '../api/listings';
import { AmountText } from '../components/AmountText';
import { ErrorAlert } from '../components/ErrorAlert';
import { NdaPanel } from '../components/NdaPanel';
import { InterestButton } from '../components/InterestButton';
import { ReviewBar } from '../components/ReviewBar';
import { ListingHeader } from '../components/ListingHeader';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { useAsync } from '../lib/useAsync';

export function OutputPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { fieldName, regionName } = useTaxonomy();
  const { data: o, error, loading, reload } = useAsync(() => outputsApi.get(id), [id]);

  if (error) return <div className="page"><ErrorAlert error={error} onRetry={reload} /></div>;
  if (loading || !o) return <Spin style={{ display: 'block', margin: 64 }} tip={t('common.loading')}><div /></Spin>;

  const text = (v?: string | null) => v || <Typography.Text type="secondary">{t('common.unknown')}</Typography.Text>;
  return (
    <div className="page">
      <ListingHeader kind="outputs" listing={o} />
      <ReviewBar kind="outputs" id={o.id} status={o.status} onDone={reload} />
      <div style={{ marginBottom: 16 }}>
        <InterestButton kind="outputs" id={o.id} organisationId={o.organisation_id} status={o.status} questions={o.screening_questions} />
      </div>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('listing.field')}>{fieldName(o.field_code)}</Descriptions.Item>
          <Descriptions.Item label={t('listing.region')}>{regionName(o.region)}</Descriptions.Item>
          <Descriptions.Item label={t('listing.trl')}>{o.trl ? t('listing.trlValue', { value: o.trl }) : text(null)}</Descriptions.Item>
          <Descriptions.Item label={t('listing.askingPrice')}><AmountText output={o} /></Descriptions.Item>
          <Descriptions.Item label={t('listing.transferModes')} span={2}>
            {o.transfer_modes.map((m) => <Tag key={m}>{t(`mode.${m}`)}</Tag>)}
          </Descriptions.Item>
          <Descriptions.Item label={t('listing.keywords')} span={2}>
            {o.keywords.map((k) => <Tag key={k} color="blue">{k}</Tag>)}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={4}>{t('listing.summary')}</Typography.Title>
        <Typography.Paragraph className="prewrap">{text(o.summary)}</Typography.Paragraph>
        {o.problem_solved && (
          <>
            <Typography.Title level={4}>{t('listing.problemSolved')}</Typography.Title>
            <Typography.Paragraph className="prewrap">{o.problem_solved}</Typography.Paragraph>
          </>
        )}
        {o.advantages.length > 0 && (
          <>
            <Typography.Title level={4}>{t('listing.advantages')}</Typography.Title>
            <List
              size="small"
              dataSource={o.advantages}
              renderItem={(a) => (
                <List.Item>
                  <Space wrap>
                    {a.description}
                    {a.metric && <Tag color="green">{a.metric}{a.value ? `: ${a.value}` : ''}</Tag>}
                  </Space>
                </List.Item>
              )}
            />
          </>
        )}
        {o.applications && (
          <>
            <Typography.Title level={4}>{t('listing.applications')}</Typography.Title>
            <Typography.Paragraph className="prewrap">{o.applications}</Typography.Paragraph>
          </>
        )}
        {o.ip_records.length > 0 && (
          <>
            <Typography.Title level={4}>{t('listing.ipRecords')}</Typography.Title>
            <List
              size="small"
              dataSource={o.ip_records}
              renderItem={(ip) => (
                <List.Item>
                  {t(`ipKind.${ip.kind}`)} {ip.number} {ip.title} <Tag>{t(`ipStatus.${ip.status ?? 'granted'}`)}</Tag>
                </List.Item>
              )}
            />
          </>
        )}
        {o.owners.length > 0 && (
          <>
            <Typography.Title level={4}>{t('listing.owners')}</Typography.Title>
            <Typography.Paragraph>{o.owners.map((w) => `${w.name} (${w.share}%)`).join('；')}</Typography.Paragraph>
          </>
        )}
        <Typography.Title level={4}>{t('listing.confidential')}</Typography.Title>
        {o.confidential_detail ? (
          <Typography.Paragraph className="prewrap confidential">{o.confidential_detail}</Typography.Paragraph>
        ) : (
          <NdaPanel outputId={o.id} onAccepted={reload} />
        )}
      </Card>
    </div>
  );
}
