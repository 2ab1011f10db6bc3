// Create or edit a research output.
import { Form } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { outputsApi } from '../api/listings';
import type { FieldCode, OutputDetail, OutputDraft, RegionCode } from '../api/types';
import { ListingFormShell, type Saved } from '../components/ListingFormShell';
import { OutputFields, type OutputValues } from '../components/OutputFields';
import { toMoney } from '../lib/money';

const KNOWN = ['title', 'summary', 'confidential_detail', 'problem_solved', 'applications', 'field_code', 'region', 'keywords', 'visibility',
  'screening_questions', 'trl', 'transfer_modes', 'price_type', 'asking_price', 'advantages', 'ip_records', 'owners'];
const LISTS = ['screening_questions', 'advantages', 'ip_records', 'owners'];

const blank = (v?: string | null) => (v && v.trim() ? v : null);

export function toOutputBody(v: OutputValues): OutputDraft {
  return {
    title: v.title?.trim() ?? '',
    summary: blank(v.summary),
    confidential_detail: blank(v.confidential_detail),
    problem_solved: blank(v.problem_solved),
    applications: blank(v.applications),
    field_code: (v.field_code || null) as FieldCode | null,
    region: (v.region || null) as RegionCode | null,
    keywords: v.keywords ?? [],
    screening_questions: (v.screening_questions ?? []).map((q) => q.trim()).filter(Boolean),
    visibility: v.visibility ?? 'public',
    trl: v.trl ?? null,
    transfer_modes: v.transfer_modes ?? [],
    price_type: v.price_type || null,
    asking_price: toMoney(v.asking_price) ?? null,
    advantages: (v.advantages ?? []).map((a) => ({ description: a.description ?? '', metric: blank(a.metric), value: blank(a.value) })),
    ip_records: (v.ip_records ?? []).map((r) => ({ kind: r.kind, number: blank(r.number), status: r.status ?? 'granted', title: blank(r.title) })),
    owners: (v.owners ?? []).map((o) => ({ name: o.name ?? '', share: o.share === undefined || o.share === null ? '' : String(o.share) })),
  };
}

function toValues(o: OutputDetail): OutputValues {
  return {
    title: o.title, summary: o.summary ?? '', confidential_detail: o.confidential_detail ?? '', problem_solved: o.problem_solved ?? '',
    applications: o.applications ?? '', field_code: o.field_code ?? undefined, region: o.region ?? undefined, keywords: o.keywords, screening_questions: o.screening_questions,
    visibility: o.visibility, trl: o.trl ?? undefined, transfer_modes: o.transfer_modes, price_type: o.price_type ?? undefined,
    asking_price: o.asking_price ?? '', advantages: o.advantages.map((a) => ({ description: a.description, metric: a.metric ?? '', value: a.value ?? '' })),
    ip_records: o.ip_records.map((r) => ({ kind: r.kind, number: r.number ?? '', status: r.status ?? 'granted', title: r.title ?? '' })),
    owners: o.owners.map((w) => ({ name: w.name, share: String(w.share) })),
  };
}

export function OutputFormPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = params.id ? Number(params.id) : undefined;
  const [form] = Form.useForm<OutputValues>();

  const save = async (v: OutputValues, current?: Saved): Promise<Saved> => {
    const body = toOutputBody(v);
    return current ? outputsApi.update(current.id, { ...body, version: current.version }) : outputsApi.create(body);
  };

  return (
    <ListingFormShell<OutputValues>
      form={form}
      id={id}
      title={id ? t('form.editOutput') : t('form.newOutput')}
      knownFields={KNOWN}
      listFields={LISTS}
      load={outputsApi.get}
      toValues={toValues as (l: never) => OutputValues}
      save={save}
      submit={outputsApi.submit}
      doneTo="/mine/outputs"
    >
      <OutputFields />
    </ListingFormShell>
  );
}
