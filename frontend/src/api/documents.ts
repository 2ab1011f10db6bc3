// Deal documents: list, download (as a blob, with the bearer token), and a multipart upload that reports
// progress (fetch cannot report upload progress, so the upload uses XMLHttpRequest).
import { api } from './client';
import { ApiError, unwrap, type ApiErrorBody } from './errors';
import { loadTokens } from './tokens';
import type { components } from './schema';

type S = components['schemas'];
export type DealDocument = S['DocumentOut'];
export type DocumentType = S['DocumentType'];
export const DOCUMENT_TYPES: DocumentType[] = ['contract', 'amendment', 'registration_certificate', 'payment_voucher', 'invoice', 'other'];
/** What the server accepts (backend/deals/documents.py): checked here first so a wrong file fails at once. */
export const ALLOWED_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx'];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** A reason the browser can give before uploading ("format" or "size"), or null when the file may go. */
export function fileProblem(file: { name: string; size: number }): 'format' | 'size' | 'empty' | null {
  const ext = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  if (!ALLOWED_EXTENSIONS.includes(ext)) return 'format';
  if (file.size > MAX_DOCUMENT_BYTES) return 'size';
  if (file.size === 0) return 'empty';
  return null;
}

export const documentsApi = {
  list: async (deal_id: number) => unwrap(await api.GET('/api/deals/{deal_id}/documents', { params: { path: { deal_id } } })),
  download: async (deal_id: number, document_id: number): Promise<Blob> =>
    unwrap(await api.GET('/api/deals/{deal_id}/documents/{document_id}', { params: { path: { deal_id, document_id } }, parseAs: 'blob' })) as Blob,
};

function send(url: string, body: FormData, onProgress: (percent: number) => void): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const tokens = loadTokens();
    if (tokens) xhr.setRequestHeader('Authorization', `Bearer ${tokens.access_token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => resolve({ status: 0, text: '' });
    xhr.send(body);
  });
}

/** Upload one file to a deal; `onProgress` gets 0-100. Throws ApiError like the typed client. */
export async function uploadDocument(
  deal_id: number,
  file: File,
  doc_type: DocumentType,
  onProgress: (percent: number) => void = () => undefined,
): Promise<DealDocument> {
  const body = new FormData();
  body.append('file', file, file.name);
  body.append('doc_type', doc_type);
  const url = `/api/deals/${deal_id}/documents`;
  let r = await send(url, body, onProgress);
  if (r.status === 401 && loadTokens()) {
    // An expired access token: any typed call refreshes it once; then the upload is retried once.
    await api.GET('/api/me');
    r = await send(url, body, onProgress);
  }
  let parsed: unknown;
  try {
    parsed = r.text ? JSON.parse(r.text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (r.status < 200 || r.status >= 300) {
    throw new ApiError(r.status, r.status === 0 ? { code: 'network_error', message: 'network error' } : (parsed as Partial<ApiErrorBody>));
  }
  return parsed as DealDocument;
}

/** Save a blob under a file name through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
