// Sign up: an organisation and its admin; the API's field errors are shown on the fields.
import { useState } from 'react';
import { Alert, Button, Card, Col, Divider, Form, Input, Row, Select, Typography, App } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { fieldErrors, toApiError, unwrap } from '../api/errors';
import type { RegisterIn } from '../api/types';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { useLocale } from '../i18n/LocaleProvider';
import { errorText } from '../lib/errorText';
import { ORG_KINDS } from '../lib/vocab';

const FIELDS = ['email', 'password', 'full_name', 'locale', 'organisation'];

export function SignUpPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { regionOptions } = useTaxonomy();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const onFinish = async (v: RegisterIn) => {
    setBusy(true);
    setProblems([]);
    try {
      unwrap(await api.POST('/api/auth/register', { body: { ...v, locale } }));
      void message.success(t('auth.registered'));
      navigate('/signin');
    } catch (e) {
      const err = toApiError(e);
      const { fields, other } = fieldErrors(err, FIELDS);
      // nested organisation.* errors go onto the organisation sub-fields
      const nested = err.details
        .filter((d) => d.loc[0] === 'body' && d.loc[1] === 'organisation' && typeof d.loc[2] === 'string')
        .map((d) => ({ name: ['organisation', d.loc[2] as string], errors: [d.msg.replace(/^Value error, /, '')] }));
      form.setFields([...fields.filter((f) => f.name[0] !== 'organisation'), ...nested]);
      if (err.code === 'uscc_taken') form.setFields([{ name: ['organisation', 'uscc'], errors: [err.message] }]);
      else if (err.code === 'email_taken') form.setFields([{ name: ['email'], errors: [err.message] }]);
      else if (!fields.length && !nested.length) setProblems([errorText(t, err)]);
      else setProblems([t('common.fixErrors'), ...other.filter((o) => !o.startsWith('organisation'))]);
    } finally {
      setBusy(false);
    }
  };

  const req = { required: true, message: t('auth.fieldRequired') };
  return (
    <div className="page medium">
      <Card>
        <Typography.Title level={2}>{t('auth.signUpTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.signUpHint')}</Typography.Paragraph>
        {problems.length > 0 && (
          <Alert type="error" showIcon role="alert" message={problems[0]} description={problems.slice(1).join('; ') || undefined} style={{ marginBottom: 16 }} />
        )}
        <Form form={form} layout="vertical" onFinish={onFinish} scrollToFirstError>
          <Divider orientation="left">{t('auth.orgSection')}</Divider>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name={['organisation', 'name']} label={t('auth.orgName')} rules={[req]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['organisation', 'name_en']} label={t('auth.orgNameEn')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['organisation', 'kind']} label={t('auth.orgKind')} rules={[req]}>
                <Select options={ORG_KINDS.filter((k) => k !== 'government').map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['organisation', 'region']} label={t('auth.orgRegion')} rules={[req]}>
                <Select showSearch optionFilterProp="label" options={regionOptions} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name={['organisation', 'uscc']}
                label={t('auth.uscc')}
                extra={t('auth.usccHint')}
                rules={[req, { len: 18, message: t('auth.usccLength') }]}
              >
                <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name={['organisation', 'description']} label={t('auth.orgDescription')}>
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
            </Col>
          </Row>
          <Divider orientation="left">{t('auth.userSection')}</Divider>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="full_name" label={t('auth.fullName')} rules={[req]}>
                <Input maxLength={100} autoComplete="name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="email" label={t('auth.email')} rules={[req, { type: 'email', message: t('auth.emailInvalid') }]}>
                <Input type="email" autoComplete="email" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="password" label={t('auth.password')} extra={t('auth.passwordHint')} rules={[req]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="signup-submit">
            {t('auth.createAccount')}
          </Button>
          <span style={{ marginLeft: 16 }}>
            {t('auth.haveAccount')} <Link to="/signin">{t('nav.signIn')}</Link>
          </span>
        </Form>
      </Card>
    </div>
  );
}
