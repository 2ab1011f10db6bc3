// Title line of a listing page: status for the owner, reviewer's note, edit button for the owner.
import { Alert, Button, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/time';
import type { ListingKind, NeedOut, OutputOut } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { StatusTag } from './StatusTag';

export function ListingHeader({ kind, listing }: { kind: ListingKind; listing: OutputOut | NeedOut }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const own = me?.organisation_id === listing.organisation_id;
  return (
    <div style={{ marginBottom: 16 }}>
      <Link to={`/${kind}`}>← {kind === 'outputs' ? t('nav.outputs') : t('nav.needs')}</Link>
      <Typography.Title level={2} style={{ marginTop: 8 }}>{listing.title}</Typography.Title>
      <Space wrap>
        {listing.status !== 'published' && <StatusTag status={listing.status} />}
        {listing.published_at && (
          <Typography.Text type="secondary">
            {t('common.publishedAt')} {formatDate(listing.published_at)}
          </Typography.Text>
        )}
        {own && <Button onClick={() => navigate(`/mine/${kind}/${listing.id}/edit`)}>{t('common.edit')}</Button>}
      </Space>
      {own && listing.review_reason && (
        <Alert style={{ marginTop: 12 }} type="warning" showIcon message={t('listing.reviewReason')} description={listing.review_reason} />
      )}
    </div>
  );
}
