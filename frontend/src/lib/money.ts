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
