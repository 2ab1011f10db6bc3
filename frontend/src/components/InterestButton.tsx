// "Express interest" on someone else's published listing: a message, the screening answers, and (for a
// need) which of my outputs answers it. The API's field errors are shown on the fields.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { interestsApi } from '../api/interests';
import { searchOutputs } from '../api/listings';
import { fieldPath, toApiError } from '../api/errors';
import type { ListingKind } from '../api/types';
import { isStaff, useAuth } from '../auth/AuthProvider';
import { errorText } from '../lib/errorText';

interface Props {
  kind: ListingKind;
  id: number;
  organisationId: number;
  status: string;
  questions: string[];
}

interface Values {
  message: string;
  answers?: string[];
  offered_output_id?: number;
}

export function InterestButton({ kind, id, organisationId, status, questions }: Props) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [mine, setMine] = useState<{ value: number; label: string }[]>([]);
  const [form] = Form.useForm<Values>();
  if (status !== 'published' || isStaff(me) || me?.organisation_id === organisationId) return null;

  const start = () => {
    if (!me) {
      navigate('/signin', { state: { from: `/${kind}/${id}` } });
      return;
    }
    setProblem(undefined);
    setOpen(true);
    if (kind === 'needs') {
      searchOutputs({ mine: true, page_size: 100 })
        .then((p) => setMine(p.items.filter((o) => o.status === 'published').map((o) => ({ value: o.id, label: o.title }))))
        .catch(() => undefined);
    }
  };

  const send = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const answers = (v.answers ?? []).map((a) => a.trim());
      if (kind === 'outputs') await interestsApi.onOutput(id, v.message.trim(), answers);
      else await interestsApi.onNeed(id, v.message.trim(), answers, v.offered_output_id);
      void message.success(t('interest.sent'));
      setOpen(false);
      form.resetFields();
    } catch (e) {
      const err = toApiError(e);
      const fields = err.details
        .map((d) => ({ path: fieldPath(d.loc), msg: d.msg.replace(/^Value error, /, '') }))
        .filter((d) => d.path[0] === 'message' || d.path[0] === 'answers' || d.path[0] === 'offered_output_id')
        .map((d) => ({ name: d.path as (string | number)[], errors: [d.msg] }));
      form.setFields(fields as never);
      setProblem(fields.length ? t('common.fixErrors') : errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="primary" onClick={start} data-testid="express-interest">{t('interest.express')}</Button>
      <Modal open={open} title={t('interest.express')} okText={t('interest.send')} cancelText={t('common.cancel')}
        confirmLoading={busy} onOk={() => void send()} onCancel={() => setOpen(false)} destroyOnHidden>
        {problem && <Alert type="error" showIcon role="alert" message={problem} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="message" label={t('interest.message')} extra={t('interest.messageHint')}
            rules={[{ required: true, whitespace: true, message: t('auth.fieldRequired') }]}>
            <Input.TextArea rows={4} maxLength={4000} autoFocus />
          </Form.Item>
          {questions.map((q, i) => (
            <Form.Item key={q} name={['answers', i]} label={q} rules={[{ required: true, whitespace: true, message: t('auth.fieldRequired') }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          ))}
          {kind === 'needs' && (
            <Form.Item name="offered_output_id" label={t('interest.offeredOutput')} extra={t('interest.offeredHint')}>
              <Select allowClear options={mine} placeholder={t('form.pick')} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
