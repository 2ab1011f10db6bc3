// Create or edit a technology need.
import { Col, DatePicker, Form, Input, Row, Select, Switch } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { needsApi } from '../api/listings';
import type { FieldCode, NeedDraft, NeedOut, RegionCode, TransferMode, Visibility } from '../api/types';
import { ListingCommonFields, TitleField } from '../components/ListingCommonFields';
import { ScreeningQuestionsField } from '../components/ScreeningQuestionsField';
import { ListingFormShell, type Saved } from '../components/ListingFormShell';
import { isMoney, toMoney } from '../lib/money';
import { MODES, TRLS } from '../lib/vocab';

export interface NeedValues {
  title?: string;
  description?: string;
  specifications?: string;
  field_code?: string;
  region?: string;
  keywords?: string[];
  screening_questions?: string[];
  visibility?: Visibility;
  target_trl?: number;
  budget_min?: string;
  budget_max?: string;
  budget_negotiable?: boolean;
  cooperation_modes?: TransferMode[];
  deadline?: Dayjs | null;
}

const KNOWN = ['title', 'description', 'specifications', 'field_code', 'region', 'keywords', 'visibility', 'screening_questions', 'target_trl',
  'budget_min', 'budget_max', 'budget_negotiable', 'cooperation_modes', 'deadline'];
const blank = (v?: string | null) => (v && v.trim() ? v : null);

export function toNeedBody(v: NeedValues): NeedDraft {
  return {
    title: v.title?.trim() ?? '',
    description: blank(v.description),
    specifications: blank(v.specifications),
    field_code: (v.field_code || null) as FieldCode | null,
    region: (v.region || null) as RegionCode | null,
    keywords: v.keywords ?? [],
    screening_questions: (v.screening_questions ?? []).map((q) => q.trim()).filter(Boolean),
    visibility: v.visibility ?? 'public',
    target_trl: v.target_trl ?? null,
    budget_min: toMoney(v.budget_min) ?? null,
    budget_max: toMoney(v.budget_max) ?? null,
    budget_negotiable: !!v.budget_negotiable,
    cooperation_modes: v.cooperation_modes ?? [],
    deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : null,
  };
}

function toValues(n: NeedOut): NeedValues {
  return {
    title: n.title, description: n.description ?? '', specifications: n.specifications ?? '', field_code: n.field_code ?? undefined,
    region: n.region ?? undefined, keywords: n.keywords, screening_questions: n.screening_questions, visibility: n.visibility, target_trl: n.target_trl ?? undefined,
    budget_min: n.budget_min ?? '', budget_max: n.budget_max ?? '', budget_negotiable: n.budget_negotiable,
    cooperation_modes: n.cooperation_modes, deadline: n.deadline ? dayjs(n.deadline) : null,
  };
}

export function NeedFormPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = params.id ? Number(params.id) : undefined;
  const [form] = Form.useForm<NeedValues>();
  const star = { className: 'submit-required' };
  const money = {
    validator: (_: unknown, v?: string) => (!v || isMoney(v) ? Promise.resolve() : Promise.reject(new Error(t('browse.moneyInvalid')))),
  };

  const save = async (v: NeedValues, current?: Saved): Promise<Saved> => {
    const body = toNeedBody(v);
    return current ? needsApi.update(current.id, { ...body, version: current.version }) : needsApi.create(body);
  };

  return (
    <ListingFormShell<NeedValues>
      form={form}
      id={id}
      title={id ? t('form.editNeed') : t('form.newNeed')}
      knownFields={KNOWN}
      listFields={[]}
      load={needsApi.get}
      toValues={toValues as (l: never) => NeedValues}
      save={save}
      submit={needsApi.submit}
      doneTo="/mine/needs"
    >
      <TitleField />
      <Form.Item name="description" label={t('listing.description')} {...star}>
        <Input.TextArea rows={5} maxLength={8000} showCount />
      </Form.Item>
      <ListingCommonFields />
      <Form.Item name="specifications" label={t('listing.specifications')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="target_trl" label={t('listing.targetTrl')}>
            <Select allowClear options={TRLS.map((n) => ({ value: n, label: t('listing.trlValue', { value: n }) }))} placeholder={t('form.pick')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="budget_min" label={`${t('browse.budget')} ${t('browse.min')}`} extra={t('form.moneyHint')} rules={[money]}>
            <Input inputMode="decimal" prefix="¥" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="budget_max" label={`${t('browse.budget')} ${t('browse.max')}`} rules={[money]}>
            <Input inputMode="decimal" prefix="¥" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="budget_negotiable" label={t('listing.budgetNegotiable')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="cooperation_modes" label={t('listing.coopModes')}>
            <Select mode="multiple" allowClear options={MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))} placeholder={t('form.pick')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="deadline" label={t('listing.deadline')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <ScreeningQuestionsField />
    </ListingFormShell>
  );
}
