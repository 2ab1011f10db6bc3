import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography, App } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { toApiError, type ApiError } from '../api/errors';
import { isStaff, useAuth } from '../auth/AuthProvider';
import { errorText } from '../lib/errorText';

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const from = (location.state as { from?: string } | null)?.from;

  const onFinish = async (v: { email: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const me = await signIn(v.email.trim(), v.password);
      void message.success(t('auth.signedIn', { name: me.full_name }));
      navigate(from ?? (isStaff(me) ? '/review/listings' : '/mine'), { replace: true });
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page narrow">
      <Card>
        <Typography.Title level={2}>{t('auth.signInTitle')}</Typography.Title>
        {from && !error && <Alert type="info" showIcon message={t('auth.required')} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon role="alert" message={errorText(t, error)} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, message: t('auth.fieldRequired') }]}>
            <Input type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.fieldRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="signin-submit">
            {t('auth.signIn')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16 }}>
          {t('auth.noAccount')} <Link to="/signup">{t('auth.register')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
