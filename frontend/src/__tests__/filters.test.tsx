import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ListingFiltersForm } from '../components/ListingFiltersForm';
import { BrowsePage } from '../pages/BrowsePage';
import { filtersFromParams, filtersToParams } from '../lib/filterParams';
import { calls, mockApi, renderApp } from '../test/utils';
import { formatMoney, isMoney, toMoney } from '../lib/money';

describe('filters', () => {
  it('applies keywords, TRL and a price range as two-decimal strings', async () => {
    mockApi({});
    const onChange = vi.fn();
    await renderApp(<ListingFiltersForm kind="outputs" value={{}} onChange={onChange} />);
    await userEvent.type(screen.getByLabelText('关键词'), '甘蔗渣');
    await userEvent.type(screen.getByLabelText('技术成熟度 最低'), '4');
    await userEvent.type(screen.getByLabelText('价格（元） 最低'), '1000');
    await userEvent.type(screen.getByLabelText('价格（元） 最高'), '50000.5');
    await userEvent.click(screen.getByTestId('filters-search'));
    await waitFor(() => expect(onChange).toHaveBeenCalled());
    expect(onChange.mock.calls[0][0]).toMatchObject({ q: '甘蔗渣', trl_min: 4, amount_min: '1000.00', amount_max: '50000.50', page: 1 });
  });

  it('refuses an amount with three decimals', async () => {
    mockApi({});
    const onChange = vi.fn();
    await renderApp(<ListingFiltersForm kind="needs" value={{}} onChange={onChange} />);
    await userEvent.type(screen.getByLabelText('预算（元） 最低'), '12.345');
    await userEvent.click(screen.getByTestId('filters-search'));
    expect(await screen.findByText('请输入金额，最多两位小数')).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('reads the filters from the URL and queries the API with them', async () => {
    const api = mockApi({ 'GET /api/outputs': () => ({ items: [], total: 0, page: 1, page_size: 10 }) });
    await renderApp(<BrowsePage kind="outputs" />, { path: '/outputs', route: '/outputs?q=%E7%94%98%E8%94%97&price_min=10.00&page=2' });
    expect(await screen.findByText('没有符合条件的结果')).toBeInTheDocument();
    const url = new URL(calls(api, 'GET /api/outputs')[0].url);
    expect(url.searchParams.get('q')).toBe('甘蔗');
    expect(url.searchParams.get('page')).toBe('2');
  });

  it('round-trips filters through URL parameters', () => {
    const f = { q: '石墨烯', field: 'i-sugar', trl_min: 3, amount_max: '100.00', page: 2 };
    expect(filtersFromParams(filtersToParams(f))).toEqual(f);
  });

  it('formats money without floats', () => {
    expect(isMoney('12.3')).toBe(true);
    expect(isMoney('12.345')).toBe(false);
    expect(toMoney('007')).toBe('7.00');
    expect(formatMoney('1234567.5')).toBe('1,234,567.50');
  });
});
