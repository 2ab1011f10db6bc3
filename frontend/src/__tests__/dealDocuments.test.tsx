import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DealDocument } from '../api/documents';
import { fileProblem } from '../api/documents';
import type { Application } from '../api/subsidy';
import { saveTokens } from '../api/tokens';
import { ApplicationDocuments, guessDocType } from '../components/ApplicationDocuments';
import { DocumentUpload } from '../components/deal/DocumentUpload';
import { changeLines } from '../components/deal/DealHistory';
import { mockApi, renderApp } from '../test/utils';

const CONTRACT_PDF: DealDocument = {
  id: 21, deal_id: 3, doc_type: 'contract', filename: '技术转让合同.pdf', content_type: 'application/pdf', size: 2048,
  sha256: 'ab'.repeat(32), uploaded_by_id: 7, uploaded_at: '2026-03-02T00:00:00Z',
};

const RULES = {
  name: 'jiangxi-2020-buyer', version: '2020.1', title: { zh: '江西', en: 'Jiangxi' }, kind: 'buyer_subsidy', beneficiary: 'buyer',
  documents: [
    { id: 'registered_contract', zh: '经登记的技术合同', en: 'Registered technology contract', when: 'always' },
    { id: 'bank_payment_voucher', zh: '银行付款凭证', en: 'Bank payment voucher', when: 'always' },
    { id: 'equity_change_papers', zh: '股权变更材料', en: 'Equity change papers', when: 'paid_in_equity' },
  ],
};

function application(documents: Record<string, number>, missing: string[]): Application {
  return {
    id: 8, deal_id: 3, applicant_org_id: 2, rule_set: 'jiangxi-2020-buyer', rule_set_version: '2020.1', year: 2026, status: 'draft',
    eligible: missing.length === 0, amount: null, required_approvals: 1, declarations: {}, documents, case: {},
    evaluation: {
      rule_set: 'jiangxi-2020-buyer', rules_version: '2020.1', eligible: false, amount: null, amount_if_eligible: null, checks: [], calculation: [],
      missing_documents: RULES.documents.filter((d) => missing.includes(d.id)), assumptions: [], ignored_fields: [],
    },
    version: 1, created_at: '2026-03-02T00:00:00Z', submitted_at: null, decided_at: null, reviews: [],
  } as unknown as Application;
}

describe('subsidy application documents', () => {
  it('files a deal document against a checklist item and ticks it', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    let current = application({}, ['registered_contract', 'bank_payment_voucher']);
    let sent: unknown;
    mockApi({
      'GET /api/policy/rule-sets/jiangxi-2020-buyer': () => RULES,
      'POST /api/applications/8/documents': async (req) => {
        const body = (await req.json()) as { document: string; deal_document_id: number };
        sent = body;
        current = application({ [body.document]: body.deal_document_id }, ['bank_payment_voucher']);
        return current;
      },
    });
    const onChanged = vi.fn();
    const { rerender } = await renderApp(<ApplicationDocuments application={current} documents={[CONTRACT_PDF]} onChanged={onChanged} onUploaded={() => undefined} />);
    const item = await screen.findByTestId('checklist-registered_contract');
    expect(item).toHaveAttribute('data-state', 'missing');
    expect(screen.getByTestId('checklist-equity_change_papers')).toHaveAttribute('data-state', 'not_needed');
    expect(screen.getByText('材料清单（已提交 0 / 2）')).toBeInTheDocument();
    // Nothing chosen yet: the button waits for a document.
    expect(within(item).getByTestId('attach-registered_contract')).toBeDisabled();
    await userEvent.click(within(item).getByRole('combobox'));
    await userEvent.click(await screen.findByText('技术转让合同.pdf · 合同'));
    await userEvent.click(within(item).getByTestId('attach-registered_contract'));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent).toEqual({ document: 'registered_contract', deal_document_id: 21 });
    // The page hands the re-evaluated application back down.
    rerender(<ApplicationDocuments application={onChanged.mock.calls[0][0] as Application} documents={[CONTRACT_PDF]} onChanged={onChanged} onUploaded={() => undefined} />);
    const ticked = await screen.findByTestId('checklist-registered_contract');
    await waitFor(() => expect(ticked).toHaveAttribute('data-state', 'attached'));
    expect(within(ticked).getByLabelText('已提交')).toBeInTheDocument();
    expect(within(ticked).getByText('技术转让合同.pdf')).toBeInTheDocument();
  });

  it('guesses the document type of a checklist item for an upload', () => {
    expect(guessDocType('registered_contract')).toBe('contract');
    expect(guessDocType('registration_certificate')).toBe('registration_certificate');
    expect(guessDocType('bank_payment_voucher')).toBe('payment_voucher');
    expect(guessDocType('seller_invoice')).toBe('invoice');
    expect(guessDocType('sme_proof')).toBe('other');
  });
});

class FakeXhr {
  static last: FakeXhr | undefined;
  static answer = { status: 201, body: {} as unknown };
  upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
  onload?: () => void;
  onerror?: () => void;
  status = 0;
  responseText = '';
  headers: Record<string, string> = {};
  url = '';
  body: FormData | undefined;
  open(_method: string, url: string) { this.url = url; }
  setRequestHeader(k: string, v: string) { this.headers[k] = v; }
  send(body: FormData) {
    FakeXhr.last = this;
    this.body = body;
    this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
    setTimeout(() => {
      this.status = FakeXhr.answer.status;
      this.responseText = JSON.stringify(FakeXhr.answer.body);
      this.onload?.();
    }, 10);
  }
}

describe('document upload', () => {
  it('refuses a format the server does not take before sending anything', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.last = undefined;
    mockApi({});
    await renderApp(<DocumentUpload dealId={3} docType="contract" onUploaded={() => undefined} />);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const user = userEvent.setup({ applyAccept: false });
    await user.upload(input, new File(['MZ'], 'setup.exe', { type: 'application/octet-stream' }));
    await user.click(screen.getByTestId('document-send'));
    expect(await screen.findByText('仅支持 pdf、jpg、png、docx 和 xlsx 格式')).toBeInTheDocument();
    expect(FakeXhr.last).toBeUndefined();
    expect(fileProblem({ name: 'a.PDF', size: 11 * 1024 * 1024 })).toBe('size');
  });

  it("sends the file with its type and bearer token, and shows the server's refusal under the file", async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    saveTokens({ access_token: 'tok', refresh_token: 'r' });
    FakeXhr.answer = { status: 422, body: { code: 'content_mismatch', message: 'file: the content is not a pdf file', details: [{ loc: ['body', 'file'], msg: 'the content is not a pdf file', type: 'content_mismatch' }] } };
    mockApi({});
    const onUploaded = vi.fn();
    await renderApp(<DocumentUpload dealId={3} docType="contract" onUploaded={onUploaded} />);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await userEvent.upload(input, new File(['not a pdf'], '合同.pdf', { type: 'application/pdf' }));
    expect(await screen.findByTestId('document-choose')).toHaveTextContent('合同.pdf');
    await userEvent.click(screen.getByTestId('document-send'));
    expect(await screen.findByText('the content is not a pdf file')).toBeInTheDocument();
    expect(onUploaded).not.toHaveBeenCalled();
    const sent = FakeXhr.last!;
    expect(sent.url).toBe('/api/deals/3/documents');
    expect(sent.headers.Authorization).toBe('Bearer tok');
    expect(sent.body?.get('doc_type')).toBe('contract');
    expect((sent.body?.get('file') as File).name).toBe('合同.pdf');
  });
});

describe('deal history', () => {
  it('describes changed figures as before → after', () => {
    expect(changeLines({ total: ['300000.00', '350000.00'], signed_on: [null, '2026-03-01'], stage: ['a', 'b'] })).toEqual([
      ['total', '300000.00 → 350000.00'],
      ['signed_on', '— → 2026-03-01'],
    ]);
    expect(changeLines({ payment_id: 4, amount: '1000.00', paid_total: '1000.00' })).toEqual([['amount', '1000.00'], ['paid_total', '1000.00']]);
  });
});
