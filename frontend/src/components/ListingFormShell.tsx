// The frame shared by the output and need forms: load, save draft, save and submit, and put the
// API's errors where they belong (on the fields, or above the form when no field owns them).
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Space, Spin, Typography, App, type FormInstance } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fieldPath, toApiError, type ApiError } from '../api/errors';
import { errorText } from '../lib/errorText';
import { missingFields } from '../lib/fieldLabels';
import { ErrorAlert } from './ErrorAlert';
import { SubmitProblems } from './SubmitProblems';

export interface Saved {
  id: number;
  version: number;
  status: string;
}

interface Props<V> {
  form: FormInstance<V>;
  title: string;
  id?: number;
  knownFields: string[];
  listFields: string[];
  load: (id: number) => Promise<Saved & object>;
  toValues: (listing: never) => V;
  save: (values: V, current?: Saved) => Promise<Saved>;
  submit: (id: number) => Promise<unknown>;
  doneTo: string;
  children: ReactNode;
}

const EDITABLE = ['draft', 'pending_review', 'needs_revision', 'published'];

export function applyApiErrors(form: FormInstance, err: ApiError, knownFields: string[], listFields: string[]): string[] {
  const other: string[] = [];
  const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const d of err.details) {
    const path = fieldPath(d.loc);
    const head = path[0];
    if (typeof head !== 'string' || !knownFields.includes(head)) {
      other.push(d.msg.replace(/^Value error, /, ''));
      continue;
    }
    const name = listFields.includes(head) && typeof path[1] === 'number' ? path.slice(0, typeof path[2] === 'string' ? 3 : 2) : [head];
    const key = name.join('.');
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(d.msg.replace(/^Value error, /, ''));
    byName.set(key, entry);
  }
  form.setFields([...byName.values()]);
  return other;
}

export function ListingFormShell<V>(props: Props<V>) {
  const { form, id, knownFields, listFields } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [current, setCurrent] = useState<Saved>();
  const [loading, setLoading] = useState(!!id);
  const [loadError, setLoadError] = useState<ApiError>();
  const [busy, setBusy] = useState<'save' | 'submit'>();
  const [problems, setProblems] = useState<string[]>([]);
  const location = useLocation();
  // After the first save of a new listing the page moves to its edit URL; what was missing travels along.
  const [missing, setMissing] = useState<string[]>((location.state as { missing?: string[] } | null)?.missing ?? []);

  useEffect(() => {
    if (!id) return;
    setLoading(true);
    props
      .load(id)
      .then((l) => {
        setCurrent({ id: l.id, version: l.version, status: l.status });
        form.setFieldsValue(props.toValues(l as never) as never);
        (form as FormInstance).setFields(missing.filter((n) => knownFields.includes(n)).map((n) => ({ name: [n], errors: [t('form.requiredOnSubmit')] })));
      })
      .catch((e: unknown) => setLoadError(toApiError(e)))
      .finally(() => setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const run = async (andSubmit: boolean) => {
    setProblems([]);
    setMissing([]);
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(andSubmit ? 'submit' : 'save');
    let saved = current;
    try {
      saved = await props.save(values, current);
      setCurrent(saved);
      if (!andSubmit) {
        void message.success(t('form.saved'));
        if (!id) navigate(`${props.doneTo.replace(/\/$/, '')}/${saved.id}/edit`, { replace: true });
        return;
      }
      await props.submit(saved.id);
      void message.success(t('form.submitted'));
      navigate(props.doneTo);
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'incomplete_listing') {
        const names = missingFields(err.details);
        setMissing(names);
        (form as FormInstance).setFields(names.filter((n) => knownFields.includes(n)).map((n) => ({ name: [n], errors: [t('form.requiredOnSubmit')] })));
        if (saved && !id) navigate(`${props.doneTo.replace(/\/$/, '')}/${saved.id}/edit`, { replace: true, state: { missing: names } });
      } else if (err.status === 422) {
        const other = applyApiErrors(form, err, knownFields, listFields);
        setProblems([t('common.fixErrors'), ...other]);
      } else if (err.status === 409 && err.code !== 'invalid_state') {
        setProblems([t('form.versionConflict')]);
      } else {
        setProblems([errorText(t, err)]);
      }
    } finally {
      setBusy(undefined);
    }
  };

  if (loadError) return <div className="page medium"><ErrorAlert error={loadError} /></div>;
  const readOnly = !!current && !EDITABLE.includes(current.status);
  return (
    <div className="page medium">
      <Typography.Title level={2}>{props.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('form.draftHint')}</Typography.Paragraph>
      {readOnly && <Alert type="info" showIcon message={t('form.readOnly')} style={{ marginBottom: 16 }} />}
      <SubmitProblems missing={missing} />
      {problems.length > 0 && (
        <Alert type="error" showIcon role="alert" data-testid="form-problems" message={problems[0]}
          description={problems.length > 1 ? <ul style={{ margin: 0 }}>{problems.slice(1).map((p) => <li key={p}>{p}</li>)}</ul> : undefined}
          style={{ marginBottom: 16 }} />
      )}
      <Spin spinning={loading}>
        <Card>
          <Form form={form} layout="vertical" disabled={readOnly || !!busy || loading} scrollToFirstError onFinish={() => void run(false)}
            onValuesChange={(changed: object) => (form as FormInstance).setFields(Object.keys(changed).map((n) => ({ name: [n], errors: [] })))}>
            {props.children}
            <Space wrap style={{ marginTop: 8 }}>
              <Button htmlType="submit" loading={busy === 'save'} data-testid="save-draft">{t('form.saveDraft')}</Button>
              <Button type="primary" loading={busy === 'submit'} onClick={() => void run(true)} data-testid="save-submit">{t('form.saveAndSubmit')}</Button>
              <Button type="link" onClick={() => navigate(props.doneTo)}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        </Card>
      </Spin>
    </div>
  );
}
