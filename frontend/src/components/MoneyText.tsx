import { formatMoney } from '../lib/money';

/** An amount of yuan from the API's two-decimal string, never through a float: "¥1,234,567.50". */
export function MoneyText({ value, strong = false }: { value: string | null | undefined; strong?: boolean }) {
  if (value === null || value === undefined || value === '') return <>—</>;
  const text = value.startsWith('-') ? `-¥${formatMoney(value.slice(1))}` : `¥${formatMoney(value)}`;
  return strong ? <strong className="money">{text}</strong> : <span className="money">{text}</span>;
}
