// The terms that carried a match's text score, drawn as horizontal bars (ECharts), with a text fallback.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Explanation } from '../api/matches';
import { EChart, type EChartOption } from './EChart';

export function TermBars({ explanation }: { explanation: Explanation }) {
  const { t } = useTranslation();
  const terms = [...explanation.terms].slice(0, 8);
  if (explanation.other_share > 0.005) terms.push({ term: t('matches.otherTerms'), share: explanation.other_share });
  const rows = terms.reverse();
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const summary = rows.slice().reverse().map((r) => `${r.term} ${pct(r.share)}`).join(', ');
  const option = useMemo<EChartOption>(
    () => ({
      aria: { enabled: true },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p: unknown) => { const q = p as { name: string; value: number }; return `${q.name}: ${pct(q.value)}`; } },
      xAxis: { type: 'value', max: 1, show: false },
      yAxis: { type: 'category', data: rows.map((r) => r.term), axisTick: { show: false }, axisLine: { show: false } },
      series: [{
        type: 'bar', data: rows.map((r) => r.share), barWidth: 14, itemStyle: { color: '#0b6bcb', borderRadius: 3 },
        label: { show: true, position: 'right', formatter: (p: unknown) => pct((p as { value: number }).value) },
      }],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [summary],
  );
  return (
    <figure style={{ margin: 0 }} aria-label={`${t('matches.terms')}: ${summary}`}>
      <EChart height={28 * rows.length + 24} option={option} label={`${t('matches.terms')}: ${summary}`} />
      <figcaption className="sr-only">{summary}</figcaption>
    </figure>
  );
}
