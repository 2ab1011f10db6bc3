// My profile: name, language (saved on the account), organisation and its verification status.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Typography, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { toApiError, unwrap } from '../api/errors';
import { useAuth } from '../auth/AuthProvider';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { OrganisationForm } from '../components/OrganisationForm';
import { StatusTag } from '../components/StatusTag';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { errorText } from '../lib/errorText';

export function ProfilePage() {
  const { t } = useTranslation();
  const { me, setMe } = useAuth();
  const { regionName } = useTaxonomy();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!me) return null;
  const org = me.organisation;

  const saveName = async (v: { full_name: string }) => {
    setBusy(true);
    try {
      setMe(unwrap(await api.PATCH('/api/me', { body: { full_name: v.full_name } })));
      void message.success(t('profile.saved'));
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page medium">
      <Typography.Title level={2}>{t('profile.title')}</Typography.Title>
      {org.status === 'pending' && <Alert type="info" showIcon message={t('profile.orgPending')} style={{ marginBottom: 16 }} />}
      {org.status === 'rejected' && (
        <Alert type="error" showIcon message={t('profile.orgRejected', { reason: org.review_reason ?? '' })} style={{ marginBottom: 16 }} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical" initialValues={{ full_name: me.full_name }} onFinish={saveName}>
          <Form.Item name="full_name" label={t('profile.name')} rules={[{ required: true, whitespace: true, message: t('auth.fieldRequired') }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label={t('profile.language')}>
            <LanguageSwitch />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={busy}>{t('common.save')}</Button>
        </Form>
      </Card>
      {me.role === 'org_admin' && (
        <Card title={t('profile.editOrganisation')} style={{ marginBottom: 16 }}>
          <OrganisationForm org={org} />
        </Card>
      )}
      <Card>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('profile.email')}>{me.email}</Descriptions.Item>
          <Descriptions.Item label={t('profile.role')}>{t(`role.${me.role}`)}</Descriptions.Item>
          <Descriptions.Item label={t('profile.organisation')}>{org.name}{org.name_en ? ` (${org.name_en})` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('auth.orgKind')}>{t(`orgKind.${org.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('auth.orgRegion')}>{regionName(org.region)}</Descriptions.Item>
          <Descriptions.Item label={t('auth.uscc')}>{org.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('profile.orgStatus')}><StatusTag status={org.status} /></Descriptions.Item>
        </Descriptions>
      </Card>
    </div>
  );
}
