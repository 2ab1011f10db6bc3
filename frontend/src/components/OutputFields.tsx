// The fields of a research output form.
import { Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { IpKindT, IpStatusT, PriceType, TransferMode, Visibility } from '../api/types';
import { isMoney } from '../lib/money';
import { IP_KINDS, IP_STATUSES, MODES, PRICE_TYPES, TRLS } from '../lib/vocab';
import { ListingCommonFields, TitleField } from './ListingCommonFields';
import { ScreeningQuestionsField } from './ScreeningQuestionsField';

export interface OutputValues {
  title?: string;
  summary?: string;
  confidential_detail?: string;
  problem_solved?: string;
  applications?: string;
  field_code?: string;
  region?: string;
  keywords?: string[];
  screening_questions?: string[];
  visibility?: Visibility;
  trl?: number;
  transfer_modes?: TransferMode[];
  price_type?: PriceType;
  asking_price?: string;
  advantages?: { description?: string; metric?: string; value?: string }[];
  ip_records?: { kind: IpKindT; number?: string; status?: IpStatusT; title?: string }[];
  owners?: { name?: string; share?: string }[];
}

export function OutputFields() {
  const { t } = useTranslation();
  const star = { className: 'submit-required' };
  const money = {
    validator: (_: unknown, v?: string) => (!v || isMoney(v) ? Promise.resolve() : Promise.reject(new Error(t('browse.moneyInvalid')))),
  };
  return (
    <>
      <TitleField />
      <Form.Item name="summary" label={t('listing.summary')} {...star}>
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      <ListingCommonFields />
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="trl" label={t('listing.trl')} {...star}>
            <Select allowClear options={TRLS.map((n) => ({ value: n, label: t('listing.trlValue', { value: n }) }))} placeholder={t('form.pick')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="transfer_modes" label={t('listing.transferModes')} {...star}>
            <Select mode="multiple" allowClear options={MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))} placeholder={t('form.pick')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="price_type" label={t('listing.priceType')} {...star}>
            <Select allowClear options={PRICE_TYPES.map((p) => ({ value: p, label: t(`priceType.${p}`) }))} placeholder={t('form.pick')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="asking_price" label={t('listing.askingPrice')} extra={t('form.moneyHint')} rules={[money]}>
            <Input inputMode="decimal" prefix="¥" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="problem_solved" label={t('listing.problemSolved')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="applications" label={t('listing.applications')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item label={t('listing.advantages')}>
        <Form.List name="advantages">
          {(items, { add, remove }) => (
            <>
              {items.map(({ key, name }) => (
                <Space key={key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[name, 'description']} rules={[{ required: true, message: t('auth.fieldRequired') }]}>
                    <Input placeholder={t('form.advDescription')} aria-label={t('form.advDescription')} maxLength={500} style={{ width: 280 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'metric']}><Input placeholder={t('form.advMetric')} aria-label={t('form.advMetric')} maxLength={200} /></Form.Item>
                  <Form.Item name={[name, 'value']}><Input placeholder={t('form.advValue')} aria-label={t('form.advValue')} maxLength={200} /></Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('form.remove')} onClick={() => remove(name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>{t('form.addAdvantage')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('listing.ipRecords')}>
        <Form.List name="ip_records">
          {(items, { add, remove }) => (
            <>
              {items.map(({ key, name }) => (
                <Space key={key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[name, 'kind']} rules={[{ required: true, message: t('auth.fieldRequired') }]}>
                    <Select style={{ width: 150 }} aria-label={t('form.ipKind')} placeholder={t('form.ipKind')} options={IP_KINDS.map((k) => ({ value: k, label: t(`ipKind.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[name, 'number']}><Input placeholder={t('form.ipNumber')} aria-label={t('form.ipNumber')} maxLength={64} /></Form.Item>
                  <Form.Item name={[name, 'status']} initialValue="granted">
                    <Select style={{ width: 110 }} aria-label={t('form.ipStatus')} options={IP_STATUSES.map((k) => ({ value: k, label: t(`ipStatus.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[name, 'title']}><Input placeholder={t('form.ipTitle')} aria-label={t('form.ipTitle')} maxLength={200} /></Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('form.remove')} onClick={() => remove(name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ status: 'granted' })}>{t('form.addIp')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('listing.owners')}>
        <Form.List name="owners">
          {(items, { add, remove }) => (
            <>
              {items.map(({ key, name }) => (
                <Space key={key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[name, 'name']} rules={[{ required: true, message: t('auth.fieldRequired') }]}>
                    <Input placeholder={t('form.ownerName')} aria-label={t('form.ownerName')} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[name, 'share']} rules={[{ required: true, message: t('auth.fieldRequired') }]}>
                    <Input placeholder={t('form.ownerShare')} aria-label={t('form.ownerShare')} inputMode="decimal" style={{ width: 110 }} suffix="%" />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('form.remove')} onClick={() => remove(name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>{t('form.addOwner')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <ScreeningQuestionsField />
      <Form.Item name="confidential_detail" label={t('listing.confidential')} extra={t('listing.confidentialHidden')}>
        <Input.TextArea rows={4} maxLength={20000} />
      </Form.Item>
    </>
  );
}
