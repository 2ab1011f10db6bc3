// Each user's notification settings: channels, e-mail right away or as a daily digest, muted events.
import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Form, Radio, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/errors';
import { EVENTS, settingsApi, type Preferences } from '../api/notificationSettings';
import { errorText } from '../lib/errorText';
import { useAsync } from '../lib/useAsync';
import { ErrorAlert } from './ErrorAlert';

export const eventKey = (event: string) => `notificationSettings.events.${event.replaceAll('.', '_')}`;

export function NotificationPreferencesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Preferences>();
  const [busy, setBusy] = useState(false);
  const { data, error, loading, reload } = useAsync(() => settingsApi.preferences(), []);
  const emailOn = Form.useWatch('email', form);

  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);

  const save = async (values: Preferences) => {
    setBusy(true);
    try {
      form.setFieldsValue(await settingsApi.savePreferences({ ...values, muted_events: values.muted_events ?? [] }));
      void message.success(t('notificationSettings.saved'));
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(false);
    }
  };

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  return (
    <Form form={form} layout="vertical" disabled={loading} onFinish={(v) => void save(v)} data-testid="notification-settings">
      <Typography.Title level={4}>{t('notificationSettings.channels')}</Typography.Title>
      <Space size="large" wrap>
        <Form.Item name="in_app" label={t('notificationSettings.inApp')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="email" label={t('notificationSettings.email')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      <Form.Item name="email_mode" label={t('notificationSettings.emailMode')}>
        <Radio.Group disabled={!emailOn}>
          <Radio value="immediate">{t('notificationSettings.immediate')}</Radio>
          <Radio value="digest">{t('notificationSettings.digest')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="muted_events" label={t('notificationSettings.muted')} extra={t('notificationSettings.mutedHelp')}>
        <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 8 }}>
          {EVENTS.map((e) => (
            <Checkbox key={e} value={e}>{t(eventKey(e))}</Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>{t('notificationSettings.save')}</Button>
    </Form>
  );
}
