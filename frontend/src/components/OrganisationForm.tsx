// The organisation's admin edits its name, English name, region and description (optimistic version).
import { useState } from 'react';
import { Alert, Button, Form, Input, Select, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { fieldPath, toApiError, unwrap } from '../api/errors';
import type { Organisation, RegionCode } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { errorText } from '../lib/errorText';

interface Values {
  name: string;
  name_en?: string;
  region: string;
  description?: string;
}

export function OrganisationForm({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const { reloadMe } = useAuth();
  const { regionOptions } = useTaxonomy();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const save = async (v: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      unwrap(await api.PATCH('/api/organisations/{org_id}', {
        params: { path: { org_id: org.id } },
        body: { version: org.version, name: v.name.trim(), name_en: v.name_en?.trim() || null, region: v.region as RegionCode, description: v.description?.trim() || null },
      }));
      await reloadMe();
      void message.success(t('profile.saved'));
    } catch (e) {
      const err = toApiError(e);
      const fields = err.details.map((d) => ({ name: fieldPath(d.loc).slice(0, 1) as string[], errors: [d.msg.replace(/^Value error, /, '')] }))
        .filter((f) => ['name', 'name_en', 'region', 'description'].includes(f.name[0]));
      form.setFields(fields as never);
      setProblem(err.status === 409 ? t('common.conflict') : fields.length ? t('common.fixErrors') : errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void save(v)}
      initialValues={{ name: org.name, name_en: org.name_en ?? '', region: org.region, description: org.description ?? '' }}>
      {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 12 }} />}
      <Form.Item name="name" label={t('auth.orgName')} rules={[{ required: true, whitespace: true, message: t('auth.fieldRequired') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="name_en" label={t('auth.orgNameEn')}><Input maxLength={200} /></Form.Item>
      <Form.Item name="region" label={t('auth.orgRegion')} rules={[{ required: true, message: t('auth.fieldRequired') }]}>
        <Select showSearch optionFilterProp="label" options={regionOptions} />
      </Form.Item>
      <Form.Item name="description" label={t('auth.orgDescription')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      <Button htmlType="submit" type="primary" loading={busy}>{t('common.save')}</Button>
    </Form>
  );
}
