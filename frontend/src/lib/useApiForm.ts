// Submitting a small form to the API: a busy flag for the button, the API's field errors put on the
// fields (422 details, and named business-rule codes that belong to one field), everything else above
// the form in words, and a stale version reported as "someone changed this, reload".
import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldPath, toApiError, type ApiError } from '../api/errors';
import { errorText } from './errorText';

export interface ApiFormOptions {
  /** Form field names that can carry an error. */
  fields: string[];
  /** Error codes without details that belong to one field, e.g. { overpayment: 'amount' }. */
  codeFields?: Record<string, string>;
  /** Message shown after a success. */
  savedText?: string;
}

export interface ApiFormState {
  busy: boolean;
  /** Problems no field owns, in words; the first one is the headline. */
  problems: string[];
  /** True when the answer was 409 on a stale version: the caller offers a reload. */
  stale: boolean;
  run: <T>(call: () => Promise<T>) => Promise<T | undefined>;
  clear: () => void;
}

const clean = (msg: string) => msg.replace(/^Value error, /, '');

/** Puts each error on its field; returns what no field owns. */
export function placeErrors(form: FormInstance, err: ApiError, fields: string[], codeFields: Record<string, string> = {}): string[] {
  const byField = new Map<string, string[]>();
  const other: string[] = [];
  for (const d of err.details) {
    const head = fieldPath(d.loc)[0];
    if (typeof head === 'string' && fields.includes(head)) byField.set(head, [...(byField.get(head) ?? []), clean(d.msg)]);
    else other.push(clean(d.msg));
  }
  const owner = codeFields[err.code];
  if (!err.details.length && owner && fields.includes(owner)) byField.set(owner, [err.message]);
  form.setFields([...byField.entries()].map(([name, errors]) => ({ name, errors })));
  return other;
}

export function useApiForm(form: FormInstance, options: ApiFormOptions): ApiFormState {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [stale, setStale] = useState(false);

  const run = async <T>(call: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setProblems([]);
    setStale(false);
    try {
      const out = await call();
      void message.success(options.savedText ?? t('deal.saved'));
      return out;
    } catch (e) {
      const err = toApiError(e);
      const other = placeErrors(form, err, options.fields, options.codeFields);
      const placed = err.details.length > 0 || !!options.codeFields?.[err.code];
      if (err.status === 409 && (err.code === 'stale_version' || err.code === 'conflict')) {
        setStale(true);
        setProblems([t('common.conflict')]);
      } else if (placed) {
        setProblems([t('common.fixErrors'), ...other]);
      } else {
        setProblems([errorText(t, err)]);
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  return { busy, problems, stale, run, clear: () => setProblems([]) };
}

/** onValuesChange handler: a field the user edits loses the error the API put on it. */
export function clearErrorsOnChange(form: FormInstance) {
  return (changed: object) => form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
}
