// Title, field, region, keywords and visibility: the part of the form outputs and needs share.
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTaxonomy } from '../hooks/useTaxonomy';

export function TitleField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="title" label={t('form.title')} rules={[{ required: true, whitespace: true, message: t('auth.fieldRequired') }]}>
      <Input maxLength={200} placeholder={t('form.titlePlaceholder')} />
    </Form.Item>
  );
}

export function ListingCommonFields() {
  const { t } = useTranslation();
  const { fieldOptions, regionOptions } = useTaxonomy();
  const star = { className: 'submit-required' };
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item name="field_code" label={t('listing.field')} {...star}>
          <Select allowClear showSearch optionFilterProp="label" options={fieldOptions} placeholder={t('form.pick')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="region" label={t('listing.region')} {...star}>
          <Select allowClear showSearch optionFilterProp="label" options={regionOptions} placeholder={t('form.pick')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name="keywords" label={t('listing.keywords')} extra={t('form.keywordsHint')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} maxCount={20} open={false} suffixIcon={null} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="visibility" label={t('listing.visibility')} initialValue="public">
          <Select options={['public', 'registered'].map((v) => ({ value: v, label: t(`visibility.${v}`) }))} />
        </Form.Item>
      </Col>
    </Row>
  );
}
