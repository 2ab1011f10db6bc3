// Statistics dashboard for reviewers: totals, the deal pipeline, contracts by month and city, subsidies.
import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { statsApi, type PeriodQuery } from '../api/stats';
import { EChart, type EChartOption } from '../components/EChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { formatMoney } from '../lib/money';
import { useAsync } from '../lib/useAsync';
import { STAGES } from '../api/deals';

// Amounts arrive as exact strings; the charts only need their size, so they are plotted as numbers.
const plot = (s: string | null | undefined) => Number(s ?? 0);

function bars(labels: string[], values: number[], color = '#0b6bcb'): EChartOption {
  return {
    aria: { enabled: true },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: values, itemStyle: { color, borderRadius: 3 }, label: { show: true, position: 'top' } }],
  };
}

export function StatsPage() {
  const { t } = useTranslation();
  const { regionName } = useTaxonomy();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const q: PeriodQuery = range ? { date_from: range[0].format('YYYY-MM-DD'), date_to: range[1].format('YYYY-MM-DD') } : {};
  const key = JSON.stringify(q);
  const headline = useAsync(() => statsApi.headline(), []);
  const pipeline = useAsync(() => statsApi.pipeline(q), [key]);
  const contracts = useAsync(() => statsApi.contracts(q), [key]);
  const subsidies = useAsync(() => statsApi.subsidies(q), [key]);
  const error = headline.error ?? pipeline.error ?? contracts.error ?? subsidies.error;

  const stageChart = useMemo(() => {
    const p = pipeline.data;
    const stages = STAGES.filter((s) => s !== 'closed_lost');
    return bars(stages.map((s) => t(`deals.stage.${s}`)), stages.map((s) => p?.reached[s] ?? 0));
  }, [pipeline.data, t]);
  const monthChart = useMemo<EChartOption>(() => {
    const rows = contracts.data?.by_month ?? [];
    return {
      aria: { enabled: true },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { data: [t('stats.contracts'), t('stats.amount')] },
      xAxis: { type: 'category', data: rows.map((r) => r.key ?? '') },
      yAxis: [{ type: 'value' }, { type: 'value' }],
      series: [
        { name: t('stats.contracts'), type: 'bar', data: rows.map((r) => r.contracts), itemStyle: { color: '#0b6bcb' } },
        { name: t('stats.amount'), type: 'line', yAxisIndex: 1, data: rows.map((r) => plot(r.technology_amount)), itemStyle: { color: '#fa8c16' } },
      ],
    };
  }, [contracts.data, t]);
  const cityChart = useMemo(() => {
    const rows = contracts.data?.by_city ?? [];
    return bars(rows.map((r) => regionName(r.key)), rows.map((r) => r.contracts), '#13a8a8');
  }, [contracts.data, regionName]);

  const h = headline.data;
  return (
    <div className="page">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={2}>{t('stats.title')}</Typography.Title>
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} aria-label={t('stats.period')} />
      </Space>
      {error && <ErrorAlert error={error} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Card><Statistic title={t('stats.contractsYear', { year: h?.year ?? '' })} value={h?.contracts ?? 0} loading={headline.loading} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t('stats.technologyAmount')} value={h ? `¥${formatMoney(h.technology_amount)}` : ''} loading={headline.loading} /></Card></Col>
        <Col xs={12} md={6}><Card><Statistic title={t('stats.transformation')} value={h?.transformation_projects ?? 0} loading={headline.loading} /></Card></Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('stats.subsidiesGranted')} value={subsidies.data ? `¥${formatMoney(subsidies.data.amount)}` : ''} loading={subsidies.loading} />
            {subsidies.data && <Typography.Text type="secondary">{t('stats.subsidiesPaid', { amount: formatMoney(subsidies.data.paid) })}</Typography.Text>}
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}><Card title={t('stats.pipeline', { count: pipeline.data?.deals ?? 0 })}><EChart option={stageChart} height={280} label={t('stats.pipeline', { count: pipeline.data?.deals ?? 0 })} /></Card></Col>
        <Col xs={24} lg={12}><Card title={t('stats.byMonth')}><EChart option={monthChart} height={280} label={t('stats.byMonth')} /></Card></Col>
        <Col xs={24}><Card title={t('stats.byCity')}><EChart option={cityChart} height={280} label={t('stats.byCity')} /></Card></Col>
      </Row>
    </div>
  );
}
