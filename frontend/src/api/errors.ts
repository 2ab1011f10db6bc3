// The API's error shape {code, message, details[{loc, msg, type}]} and helpers to put it on form fields.
export interface ErrorDetail {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  details: ErrorDetail[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(status: number, body: Partial<ApiErrorBody> | undefined) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'network_error' : 'http_error');
    this.details = Array.isArray(body?.details) ? body.details : [];
  }
}

/** Turn an openapi-fetch result into data or a thrown ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(result.response.status, result.error as Partial<ApiErrorBody> | undefined);
  }
  return result.data as T;
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, { code: 'network_error', message: err instanceof Error ? err.message : String(err) });
}

/** A form field path from an error location: drops "body" and the request-model prefix. */
export function fieldPath(loc: (string | number)[], prefix: (string | number)[] = []): (string | number)[] {
  let path = loc[0] === 'body' ? loc.slice(1) : loc.slice();
  if (prefix.length && prefix.every((p, i) => path[i] === p)) path = path.slice(prefix.length);
  return path;
}

export interface FieldErrorEntry {
  name: (string | number)[];
  errors: string[];
}

/**
 * Field errors for antd Form.setFields. Errors whose location is not a known field
 * (e.g. a model-level check) are returned separately so the form can show them above.
 */
export function fieldErrors(
  err: ApiError,
  knownFields: string[],
  rename: Record<string, string> = {},
): { fields: FieldErrorEntry[]; other: string[] } {
  const byField = new Map<string, FieldErrorEntry>();
  const other: string[] = [];
  for (const d of err.details) {
    const path = fieldPath(d.loc);
    const head = path[0];
    const name = typeof head === 'string' ? rename[head] ?? head : undefined;
    if (name && knownFields.includes(name)) {
      const key = name;
      const entry = byField.get(key) ?? { name: [name], errors: [] };
      entry.errors.push(cleanMsg(d.msg));
      byField.set(key, entry);
    } else {
      other.push(path.length ? `${path.join('.')}: ${cleanMsg(d.msg)}` : cleanMsg(d.msg));
    }
  }
  return { fields: [...byField.values()], other };
}

function cleanMsg(msg: string): string {
  return msg.replace(/^Value error, /, '');
}
