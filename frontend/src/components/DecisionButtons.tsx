// Approve-style button plus buttons that need a reason (reject, send back), asked for in a dialog.
import { useState } from 'react';
import { Button, Form, Input, Modal, Space } from 'antd';
import { useTranslation } from 'react-i18next';

interface Decision {
  value: string;
  label: string;
  needsReason: boolean;
  primary?: boolean;
  danger?: boolean;
}

export function DecisionButtons({ decisions, onDecide, testId }: { decisions: Decision[]; onDecide: (decision: string, reason?: string) => Promise<void>; testId?: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string>();
  const [asking, setAsking] = useState<Decision>();
  const [form] = Form.useForm<{ reason: string }>();

  const decide = async (d: Decision, reason?: string) => {
    setBusy(d.value);
    try {
      await onDecide(d.value, reason);
      setAsking(undefined);
      form.resetFields();
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <Space wrap size={4}>
        {decisions.map((d) => (
          <Button
            key={d.value}
            size="small"
            type={d.primary ? 'primary' : 'default'}
            danger={d.danger}
            loading={busy === d.value && !asking}
            data-testid={testId ? `${testId}-${d.value}` : undefined}
            onClick={() => (d.needsReason ? setAsking(d) : void decide(d))}
          >
            {d.label}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!asking}
        title={asking?.label}
        okText={asking?.label}
        cancelText={t('common.cancel')}
        confirmLoading={!!busy}
        onCancel={() => setAsking(undefined)}
        onOk={() => form.validateFields().then((v) => asking && decide(asking, v.reason)).catch(() => undefined)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('review.reason')} extra={t('review.reasonRequired')} rules={[{ required: true, whitespace: true, message: t('auth.fieldRequired') }]}>
            <Input.TextArea rows={4} maxLength={1000} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
