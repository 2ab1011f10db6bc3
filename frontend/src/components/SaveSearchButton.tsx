// "Save search and get alerts" on the browse page: keeps the current keywords, field and region.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Switch, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fieldErrors, toApiError } from '../api/errors';
import type { ListingFilters } from '../api/listings';
import { savedSearchesApi, searchCriteria } from '../api/savedSearches';
import type { ListingKind } from '../api/types';
import { errorText } from '../lib/errorText';

interface Values {
  name: string;
  alerts: boolean;
}

export function SaveSearchButton({ kind, filters }: { kind: ListingKind; filters: ListingFilters }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [initial, setInitial] = useState<Values>({ name: '', alerts: true });
  const criteria = searchCriteria(filters);
  const kindName = kind === 'outputs' ? t('savedSearches.kindOutput') : t('savedSearches.kindNeed');
  // Only keywords, field and region are kept: say so when other filters narrow what is on screen.
  const dropped = [filters.trl_min, filters.trl_max, filters.amount_min, filters.amount_max, filters.mode].some(
    (v) => v !== undefined && v !== null && v !== '',
  );

  const start = () => {
    if (!criteria) {
      void message.info(t('savedSearches.needCriteria'));
      return;
    }
    setProblems([]);
    setInitial({ name: (criteria.q ?? kindName).slice(0, 100), alerts: true });
    setOpen(true);
  };

  const save = async (values: Values) => {
    if (!criteria) return;
    setBusy(true);
    setProblems([]);
    try {
      await savedSearchesApi.create({ kind: kind === 'outputs' ? 'output' : 'need', ...criteria, ...values });
      setOpen(false);
      void message.success(t('savedSearches.saved', { name: values.name }));
    } catch (e) {
      const err = toApiError(e);
      const { fields, other } = fieldErrors(err, ['name', 'alerts']);
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      setProblems(err.details.length ? other : [errorText(t, err)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<BellOutlined />} onClick={start} data-testid="save-search">
        {t('savedSearches.save')}
      </Button>
      <Modal
        open={open}
        title={t('savedSearches.save')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('savedSearches.saveHint', { kind: kindName })}</Typography.Paragraph>
        {dropped && <Alert type="info" showIcon message={t('savedSearches.dropped')} style={{ marginBottom: 12 }} data-testid="dropped-filters" />}
        {problems.length > 0 && <Alert type="error" showIcon message={problems.join('; ')} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
          <Form.Item
            name="name"
            label={t('savedSearches.name')}
            extra={t('savedSearches.nameHelp')}
            rules={[{ required: true, whitespace: true, max: 100 }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="alerts" label={t('savedSearches.alerts')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
