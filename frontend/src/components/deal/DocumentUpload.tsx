// Upload one document to a deal: what it is, the file (pdf, jpg, png, docx or xlsx, at most 10 MB),
// and a progress bar while it goes; the server's refusal (format, content, size) shows under the file.
import { useState } from 'react';
import { Button, Form, Progress, Select, Space, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES, fileProblem, uploadDocument, type DealDocument, type DocumentType } from '../../api/documents';
import { useApiForm } from '../../lib/useApiForm';
import { FormProblems } from '../FormProblems';

/** A form control holding one chosen File; the file goes with the form, not on its own. */
function FilePicker({ value, onChange, id, testId }: { value?: File; onChange?: (f: File) => void; id?: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Upload beforeUpload={(f) => { onChange?.(f); return false; }} maxCount={1} showUploadList={false} accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx">
      {/* The Upload wrapper is the focusable button (Enter or Space opens the file dialog); this one only shows. */}
      <Button id={id} tabIndex={-1} icon={<UploadOutlined />} data-testid={testId}>{value ? value.name : t('deal.chooseFile')}</Button>
    </Upload>
  );
}

interface Values {
  doc_type?: DocumentType;
  file?: File;
}

interface Props {
  dealId: number;
  /** The type to preselect (e.g. from a subsidy checklist item). */
  docType?: DocumentType;
  onUploaded: (doc: DealDocument) => void;
  /** A distinct form name when several upload forms are on one page. */
  name?: string;
  compact?: boolean;
}

export function DocumentUpload({ dealId, docType, onUploaded, name = 'document', compact = false }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [percent, setPercent] = useState<number>();
  const submit = useApiForm(form, { fields: ['file', 'doc_type'], codeFields: { file_too_large: 'file' }, savedText: t('deal.uploaded') });

  const send = async (v: Values) => {
    setPercent(0);
    const doc = await submit.run(() => uploadDocument(dealId, v.file!, v.doc_type!, setPercent));
    setPercent(undefined);
    if (doc) {
      form.resetFields();
      onUploaded(doc);
    }
  };
  const fileRule = {
    validator: (_: unknown, f?: File) => {
      if (!f) return Promise.reject(new Error(t('deal.chooseFile')));
      const problem = fileProblem(f);
      return problem ? Promise.reject(new Error(t(`deal.fileProblem.${problem}`))) : Promise.resolve();
    },
  };

  return (
    <Form form={form} name={name} layout={compact ? 'inline' : 'vertical'} onFinish={(v) => void send(v)} disabled={submit.busy}
      initialValues={{ doc_type: docType }} data-testid={`${name}-upload`} style={compact ? { rowGap: 8 } : undefined}>
      <FormProblems problems={submit.problems.filter((p) => p !== t('common.fixErrors'))} />
      <Form.Item name="doc_type" label={t('deal.docType')} rules={[{ required: true, message: t('auth.fieldRequired') }]} hidden={!!docType}
        style={compact ? undefined : { maxWidth: 360 }}>
        <Select style={{ minWidth: 180 }} placeholder={t('form.pick')} options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`deal.docTypes.${d}`) }))} />
      </Form.Item>
      <Form.Item name="file" label={compact ? undefined : t('deal.file')} rules={[fileRule]} extra={compact ? undefined : t('deal.fileHelp')}>
        <FilePicker testId={`${name}-choose`} />
      </Form.Item>
      <Space align="center" wrap>
        <Button type="primary" htmlType="submit" loading={submit.busy} data-testid={`${name}-send`}>{t('deal.upload')}</Button>
        {percent !== undefined && <Progress percent={percent} size="small" style={{ width: 160, margin: 0 }} aria-label={t('deal.uploading')} />}
      </Space>
    </Form>
  );
}
