// On a deal: choose a rule set and year, state what the platform cannot know, and see the eligibility
// explained; a complete, eligible application can be submitted for review.
import { useState } from 'react';
import { Button, Card, Col, Form, InputNumber, Row, Select, Space, Tag, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { subsidyApi, type Application, type Declarations, type Evaluation } from '../api/subsidy';
import { toApiError } from '../api/errors';
import { useLocale } from '../i18n/LocaleProvider';
import { errorText } from '../lib/errorText';
import { useAsync } from '../lib/useAsync';
import type { DealDocument } from '../api/documents';
import { ApplicationDocuments } from './ApplicationDocuments';
import { EligibilityView } from './EligibilityView';

const FLAGS = ['independent_legal_person', 'sme', 'related_parties', 'prior_public_funding', 'result_previously_subsidised'] as const;
type Flag = (typeof FLAGS)[number];
type Tri = 'yes' | 'no' | undefined;
interface Values extends Partial<Record<Flag, Tri>> {
  rule_set: string;
  year: number;
  years_operating?: number | null;
}

interface Props {
  dealId: number;
  /** The deal's documents, to file against the checklist; undefined while loading. */
  documents?: DealDocument[];
  onDocumentsChanged?: () => void;
}

export function SubsidyPanel({ dealId, documents, onDocumentsChanged }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<'check' | 'submit' | 'refresh'>();
  const [current, setCurrent] = useState<Application>();
  const ruleSets = useAsync(() => subsidyApi.ruleSets(), []);
  const existing = useAsync(() => subsidyApi.applications().then((all) => all.filter((a) => a.deal_id === dealId)), [dealId]);
  const shown = current ?? existing.data?.[0];

  const check = async (v: Values) => {
    const declarations: Declarations = { years_operating: v.years_operating ?? null };
    for (const f of FLAGS) declarations[f] = v[f] === undefined ? null : v[f] === 'yes';
    setBusy('check');
    try {
      setCurrent(await subsidyApi.create(dealId, v.rule_set, v.year, declarations));
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(undefined);
    }
  };
  const refresh = async () => {
    if (!shown) return;
    setBusy('refresh');
    try {
      setCurrent(await subsidyApi.refresh(shown.id));
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(undefined);
    }
  };
  const submit = async () => {
    if (!shown) return;
    setBusy('submit');
    try {
      setCurrent(await subsidyApi.submit(shown.id));
      void message.success(t('subsidy.submitted'));
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(undefined);
    }
  };

  const tri = [{ value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }];
  return (
    <Card title={t('subsidy.title')} style={{ marginBottom: 16 }}>
      <Form form={form} layout="vertical" onFinish={(v) => void check(v)} initialValues={{ year: new Date().getFullYear() }}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="rule_set" label={t('subsidy.ruleSet')} rules={[{ required: true, message: t('auth.fieldRequired') }]}>
              <Select loading={ruleSets.loading} placeholder={t('form.pick')}
                options={(ruleSets.data ?? []).map((r) => ({ value: r.name, label: locale === 'zh-CN' ? r.title.zh : r.title.en }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="year" label={t('subsidy.year')} rules={[{ required: true, message: t('auth.fieldRequired') }]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="years_operating" label={t('subsidy.decl.years_operating')}>
              <InputNumber min={0} max={500} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {FLAGS.map((f) => (
            <Col xs={12} md={8} key={f}>
              <Form.Item name={f} label={t(`subsidy.decl.${f}`)}>
                <Select allowClear options={tri} placeholder={t('subsidy.unknown')} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Button htmlType="submit" type="primary" loading={busy === 'check'} data-testid="check-eligibility">{t('subsidy.check')}</Button>
      </Form>
      {shown && (
        <div style={{ marginTop: 16 }}>
          <Space style={{ marginBottom: 8 }}>
            <Tag>{shown.rule_set} · {shown.year}</Tag>
            <Tag color={shown.status === 'approved' ? 'success' : shown.status === 'rejected' ? 'error' : 'processing'}>{t(`subsidy.status.${shown.status}`)}</Tag>
          </Space>
          <EligibilityView evaluation={shown.evaluation as unknown as Evaluation} showDocuments={!documents} />
          {documents && <ApplicationDocuments application={shown} documents={documents} onChanged={setCurrent} onUploaded={() => onDocumentsChanged?.()} />}
          <Space wrap style={{ marginTop: 12 }}>
            {shown.status === 'draft' && (
              <Button loading={busy === 'refresh'} onClick={() => void refresh()} data-testid="refresh-eligibility">{t('subsidy.refresh')}</Button>
            )}
            {shown.status === 'draft' && shown.eligible && (
              <Button type="primary" loading={busy === 'submit'} onClick={() => void submit()}>{t('subsidy.submit')}</Button>
            )}
          </Space>
        </div>
      )}
    </Card>
  );
}
