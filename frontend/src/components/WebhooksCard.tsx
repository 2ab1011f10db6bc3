// An organisation's signed webhooks: list, add (the secret is shown once), delete. For organisation admins.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldErrors, toApiError } from '../api/errors';
import { EVENTS, settingsApi, type Webhook, type WebhookCreated } from '../api/notificationSettings';
import { errorText } from '../lib/errorText';
import { useAsync } from '../lib/useAsync';
import { EmptyState } from './EmptyState';
import { ErrorAlert } from './ErrorAlert';
import { eventKey } from './NotificationPreferencesCard';

interface Values {
  url: string;
  events?: string[];
}

export function WebhooksCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<WebhookCreated>();
  const [problem, setProblem] = useState<string>();
  const { data, error, loading, reload } = useAsync(() => settingsApi.webhooks(), []);

  const add = async (v: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      setCreated(await settingsApi.addWebhook(v.url.trim(), v.events ?? []));
      form.resetFields();
      reload();
    } catch (e) {
      const err = toApiError(e);
      const { fields, other } = fieldErrors(err, ['url', 'events']);
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      if (!fields.length) setProblem(other.length ? other.join('; ') : errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: number) => {
    try {
      await settingsApi.removeWebhook(id);
      void message.success(t('notificationSettings.webhooks.deleted'));
      reload();
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
    }
  };

  return (
    <div data-testid="webhooks">
      <Typography.Paragraph type="secondary">{t('notificationSettings.webhooks.intro')}</Typography.Paragraph>
      {created && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setCreated(undefined)}
          message={t('notificationSettings.webhooks.secretTitle')}
          description={<><div>{t('notificationSettings.webhooks.secretHint')}</div><Typography.Text code copyable data-testid="webhook-secret">{created.secret}</Typography.Text></>}
          style={{ marginBottom: 16 }}
        />
      )}
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <List<Webhook>
        loading={loading}
        dataSource={data ?? []}
        rowKey="id"
        locale={{ emptyText: <EmptyState hint={t('notificationSettings.webhooks.empty')} /> }}
        renderItem={(w) => (
          <List.Item
            actions={[
              <Popconfirm key="d" title={t('notificationSettings.webhooks.confirmDelete')} okText={t('notificationSettings.webhooks.delete')} cancelText={t('common.cancel')} onConfirm={() => void remove(w.id)}>
                <Button size="small" danger>{t('notificationSettings.webhooks.delete')}</Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={<Typography.Text copyable>{w.url}</Typography.Text>}
              description={
                <Space wrap size={4}>
                  {w.events.length ? w.events.map((e) => <Tag key={e}>{t(eventKey(e))}</Tag>) : <Tag>{t('notificationSettings.webhooks.allEvents')}</Tag>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {problem && <Alert type="error" showIcon message={problem} style={{ margin: '12px 0' }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void add(v)} style={{ marginTop: 16 }}>
        <Form.Item
          name="url"
          label={t('notificationSettings.webhooks.url')}
          rules={[{ required: true, pattern: /^https:\/\/\S+$/, message: t('notificationSettings.webhooks.urlInvalid') }]}
        >
          <Input placeholder="https://erp.example.com/techmatch" maxLength={500} />
        </Form.Item>
        <Form.Item name="events" label={t('notificationSettings.webhooks.events')}>
          <Select mode="multiple" allowClear options={EVENTS.map((e) => ({ value: e, label: t(eventKey(e)) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('notificationSettings.webhooks.add')}</Button>
      </Form>
    </div>
  );
}
