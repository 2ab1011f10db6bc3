// Money is a string with two decimals on the wire; never a float.
const MONEY_RE = /^\d{1,12}(\.\d{1,2})?$/;

export function isMoney(value: string): boolean {
  return MONEY_RE.test(value.trim().replace(/,/g, ''));
}

/** "1,234.5" -> "1234.50"; undefined for blank input. Throws nothing: call isMoney first. */
export function toMoney(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const s = String(value).trim().replace(/,/g, '');
  if (!s) return undefined;
  const [int, frac = ''] = s.split('.');
  return `${int.replace(/^0+(?=\d)/, '')}.${(frac + '00').slice(0, 2)}`;
}

/** "1234567.50" -> "1,234,567.50" without going through a float. */
export function formatMoney(value: string | null | undefined): string {
  if (!value) return '';
  const [int, frac = '00'] = value.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0').slice(0, 2)}`;
}

/** Whole fen of a money string ("12.3" -> 1230n); exact, as a bigint. */
export function toFen(value: string | null | undefined): bigint {
  const m = toMoney(value ?? '') ?? '0.00';
  const negative = m.startsWith('-');
  const [int, frac] = m.replace('-', '').split('.');
  const fen = BigInt(int || '0') * 100n + BigInt(frac);
  return negative ? -fen : fen;
}

/** 1230n -> "12.30". */
export function fromFen(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** a - b on money strings, exactly; undefined when either is not money. */
export function subtractMoney(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !isMoney(a) || (b && !isMoney(b))) return undefined;
  return fromFen(toFen(a) - toFen(b || '0'));
}

/** Percent (0-100, whole) that `part` is of `whole`, for progress bars only. */
export function percentOf(part: string | null | undefined, whole: string | null | undefined): number {
  const w = toFen(whole);
  if (w <= 0n) return 0;
  return Math.min(100, Number((toFen(part) * 100n) / w));
}
