// Expressions of interest: received (accept, or decline with a reason the sender sees) and sent (status, reason).
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Modal, Select, Space, Tabs, Tag, Typography, App } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { DECLINE_REASONS, interestsApi, type DeclineReason, type Interest } from '../api/interests';
import { toApiError } from '../api/errors';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorText } from '../lib/errorText';
import { formatTime } from '../lib/time';
import { useAsync } from '../lib/useAsync';

const STATUS_COLOR: Record<string, string> = { pending: 'processing', accepted: 'success', declined: 'default' };

export function InterestsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const box: 'sent' | 'received' = params.get('box') === 'sent' ? 'sent' : 'received';
  const [page, setPage] = useState(1);
  const [declining, setDeclining] = useState<Interest>();
  const [busy, setBusy] = useState<number>();
  const [form] = Form.useForm<{ reason_code: DeclineReason; reason_text?: string }>();
  const reason = Form.useWatch('reason_code', form);
  const { data, error, loading, reload } = useAsync(() => interestsApi.list(box, page), [box, page]);

  const decide = async (i: Interest, decision: 'accept' | 'decline', code?: DeclineReason, text?: string) => {
    setBusy(i.id);
    try {
      await interestsApi.decide(i.id, decision, code, text);
      void message.success(decision === 'accept' ? t('interest.acceptedMsg') : t('interest.declinedMsg'));
      setDeclining(undefined);
      reload();
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(undefined);
    }
  };

  const target = (i: Interest) =>
    i.output_id ? <Link to={`/outputs/${i.output_id}`}>{t('interest.onOutput', { id: i.output_id })}</Link> : <Link to={`/needs/${i.need_id}`}>{t('interest.onNeed', { id: i.need_id })}</Link>;

  return (
    <div className="page">
      <Typography.Title level={2}>{t('interest.title')}</Typography.Title>
      <Tabs activeKey={box} onChange={(k) => { setPage(1); setParams(k === 'sent' ? { box: 'sent' } : {}); }}
        items={[{ key: 'received', label: t('interest.received') }, { key: 'sent', label: t('interest.sentTab') }]} />
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <List<Interest>
        loading={loading}
        dataSource={data?.items ?? []}
        rowKey="id"
        locale={{ emptyText: <EmptyState hint={box === 'received' ? t('interest.emptyReceived') : t('interest.emptySent')} /> }}
        pagination={data && data.total > 20 ? { current: page, pageSize: 20, total: data.total, onChange: setPage } : false}
        renderItem={(i) => (
          <List.Item style={{ display: 'block', borderBlockEnd: 0 }}>
            <Card size="small" data-testid="interest-card">
              <Space wrap style={{ marginBottom: 8 }}>
                <Tag color={STATUS_COLOR[i.status]}>{t(`interest.status.${i.status}`)}</Tag>
                {target(i)}
                {i.offered_output_id && <Link to={`/outputs/${i.offered_output_id}`}>{t('interest.offered', { id: i.offered_output_id })}</Link>}
                <Typography.Text type="secondary">{formatTime(i.created_at)}</Typography.Text>
              </Space>
              <Typography.Paragraph className="prewrap">{i.message}</Typography.Paragraph>
              {i.answers.length > 0 && (
                <ol style={{ paddingInlineStart: 20 }}>{i.answers.map((a, n) => <li key={n} className="prewrap">{a}</li>)}</ol>
              )}
              {i.status === 'declined' && i.reason_code && (
                <Alert type="warning" showIcon message={`${t('interest.reason')}: ${t(`interest.reasons.${i.reason_code}`)}`} description={i.reason_text ?? undefined} style={{ marginBottom: 8 }} />
              )}
              {i.status === 'accepted' && i.deal_id && <Alert type="success" showIcon message={t('interest.dealOpened', { id: i.deal_id })} style={{ marginBottom: 8 }} />}
              {box === 'received' && i.status === 'pending' && (
                <Space>
                  <Button type="primary" loading={busy === i.id && !declining} onClick={() => void decide(i, 'accept')}>{t('interest.accept')}</Button>
                  <Button onClick={() => setDeclining(i)}>{t('interest.decline')}</Button>
                </Space>
              )}
            </Card>
          </List.Item>
        )}
      />
      <Modal open={!!declining} title={t('interest.decline')} okText={t('interest.decline')} cancelText={t('common.cancel')}
        confirmLoading={!!busy} onCancel={() => setDeclining(undefined)} destroyOnHidden
        onOk={() => form.validateFields().then((v) => declining && decide(declining, 'decline', v.reason_code, v.reason_text)).catch(() => undefined)}>
        <Typography.Paragraph type="secondary">{t('interest.declineHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason_code" label={t('interest.reason')} rules={[{ required: true, message: t('auth.fieldRequired') }]}>
            <Select options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`interest.reasons.${r}`) }))} placeholder={t('form.pick')} />
          </Form.Item>
          <Form.Item name="reason_text" label={t('interest.reasonText')} rules={[{ required: reason === 'other', whitespace: true, message: t('auth.fieldRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
