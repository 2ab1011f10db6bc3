// Buttons that move a deal to each stage it may go to next; closing as lost asks for a reason.
import { useState } from 'react';
import { Button, Form, Input, Modal, Space, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { dealsApi, type Deal, type Stage } from '../api/deals';
import { toApiError } from '../api/errors';
import { errorText } from '../lib/errorText';

export function useStageMove(onMoved: (deal: Deal) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<{ deal: Deal; to: Stage }>();
  const [busy, setBusy] = useState<string>();
  const [form] = Form.useForm<{ note?: string; reason?: string }>();

  const move = async (deal: Deal, to: Stage, note?: string, reason?: string) => {
    setBusy(`${deal.id}-${to}`);
    try {
      const moved = await dealsApi.transition(deal, to, note, reason);
      void message.success(t('deals.moved', { stage: t(`deals.stage.${to}`) }));
      setAsking(undefined);
      onMoved(moved);
    } catch (e) {
      const err = toApiError(e);
      void message.error(err.status === 409 && err.code !== 'invalid_state' ? t('common.conflict') : errorText(t, err));
    } finally {
      setBusy(undefined);
    }
  };

  const request = (deal: Deal, to: Stage) => setAsking({ deal, to });

  const modal = (
    <Modal open={!!asking} title={asking && t('deals.moveTo', { stage: t(`deals.stage.${asking.to}`) })} okText={t('common.confirm')}
      cancelText={t('common.cancel')} confirmLoading={!!busy} onCancel={() => setAsking(undefined)} destroyOnHidden
      onOk={() => form.validateFields().then((v) => asking && move(asking.deal, asking.to, v.note, v.reason)).catch(() => undefined)}>
      <Form form={form} layout="vertical" preserve={false}>
        {asking?.to === 'closed_lost' && (
          <Form.Item name="reason" label={t('deals.lostReason')} rules={[{ required: true, whitespace: true, message: t('auth.fieldRequired') }]}>
            <Input.TextArea rows={3} maxLength={1000} autoFocus />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('deals.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );

  return { request, busy, modal };
}

export function StageButtons({ deal, onRequest, busy }: { deal: Deal; onRequest: (deal: Deal, to: Stage) => void; busy?: string }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={4}>
      {/* A deal becomes paid by itself when its payments reach the contract total: no button for it. */}
      {(deal.allowed_next ?? []).filter((to) => to !== 'paid').map((to) => (
        <Button key={to} size="small" danger={to === 'closed_lost'} type={to === 'closed_lost' ? 'default' : 'primary'} ghost={to !== 'closed_lost'}
          loading={busy === `${deal.id}-${to}`} onClick={() => onRequest(deal, to)}>
          {t(`deals.stage.${to}`)}
        </Button>
      ))}
    </Space>
  );
}
