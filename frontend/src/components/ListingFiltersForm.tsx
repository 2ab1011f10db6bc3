// Filters for browsing listings: keywords, field, region, TRL range, price/budget range, mode, sort.
import { useEffect } from 'react';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListingFilters } from '../api/listings';
import type { ListingKind } from '../api/types';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { isMoney, toMoney } from '../lib/money';
import { MODES } from '../lib/vocab';

interface Props {
  kind: ListingKind;
  value: ListingFilters;
  onChange: (next: ListingFilters) => void;
}

interface FormValues {
  q?: string;
  field?: string;
  region?: string;
  trl_min?: number | null;
  trl_max?: number | null;
  amount_min?: string;
  amount_max?: string;
  mode?: string;
  sort?: string;
}

const OUTPUT_SORTS = ['-published_at', 'published_at', '-trl', 'trl', 'price', '-price', 'title'];
const NEED_SORTS = ['-published_at', 'published_at', 'title'];

export function ListingFiltersForm({ kind, value, onChange }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const { fieldOptions, regionOptions } = useTaxonomy();

  useEffect(() => {
    form.setFieldsValue({
      q: value.q ?? '', field: value.field, region: value.region, trl_min: value.trl_min ?? null, trl_max: value.trl_max ?? null,
      amount_min: value.amount_min ?? '', amount_max: value.amount_max ?? '', mode: value.mode, sort: value.sort,
    });
  }, [form, value]);

  const apply = (v: FormValues) => {
    onChange({
      q: v.q?.trim() || undefined,
      field: v.field || undefined,
      region: v.region || undefined,
      trl_min: v.trl_min ?? undefined,
      trl_max: v.trl_max ?? undefined,
      amount_min: toMoney(v.amount_min),
      amount_max: toMoney(v.amount_max),
      mode: (v.mode || undefined) as ListingFilters['mode'],
      sort: v.sort || undefined,
      page: 1,
    });
  };

  const money = {
    validator: (_: unknown, v?: string) => (!v || isMoney(v) ? Promise.resolve() : Promise.reject(new Error(t('browse.moneyInvalid')))),
  };
  const amountLabel = kind === 'outputs' ? t('browse.price') : t('browse.budget');
  const sorts = kind === 'outputs' ? OUTPUT_SORTS : NEED_SORTS;

  return (
    <Form form={form} layout="vertical" onFinish={apply} aria-label={t('browse.filters')} className="filters">
      <Row gutter={12}>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name="q" label={t('browse.keyword')}>
            <Input allowClear placeholder={t('browse.keywordPlaceholder')} maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Form.Item name="field" label={t('browse.field')}>
            <Select allowClear showSearch optionFilterProp="label" options={fieldOptions} placeholder={t('common.all')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Form.Item name="region" label={t('browse.region')}>
            <Select allowClear showSearch optionFilterProp="label" options={regionOptions} placeholder={t('common.all')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item label={t('browse.trl')} style={{ marginBottom: 0 }}>
            <Space.Compact block>
              <Form.Item name="trl_min" noStyle>
                <InputNumber min={1} max={9} precision={0} placeholder={t('browse.min')} aria-label={`${t('browse.trl')} ${t('browse.min')}`} style={{ width: '50%' }} />
              </Form.Item>
              <Form.Item name="trl_max" noStyle>
                <InputNumber min={1} max={9} precision={0} placeholder={t('browse.max')} aria-label={`${t('browse.trl')} ${t('browse.max')}`} style={{ width: '50%' }} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Form.Item name="amount_min" label={`${amountLabel} ${t('browse.min')}`} rules={[money]}>
            <Input inputMode="decimal" allowClear />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Form.Item name="amount_max" label={`${amountLabel} ${t('browse.max')}`} rules={[money]}>
            <Input inputMode="decimal" allowClear />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Form.Item name="mode" label={kind === 'outputs' ? t('browse.mode') : t('browse.coopMode')}>
            <Select allowClear placeholder={t('common.all')} options={MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Form.Item name="sort" label={t('browse.sort')}>
            <Select placeholder={t('browse.sortOptions.-published_at')} options={sorts.map((s) => ({ value: s, label: t(`browse.sortOptions.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="filters-search">{t('common.search')}</Button>
              <Button onClick={() => onChange({ page: 1 })}>{t('common.reset')}</Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
