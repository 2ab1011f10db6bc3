import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OutputFormPage, toOutputBody } from '../pages/OutputFormPage';
import { toNeedBody } from '../pages/NeedFormPage';
import { saveTokens } from '../api/tokens';
import { calls, mockApi, renderApp, reply } from '../test/utils';

const DRAFT = {
  id: 7, organisation_id: 1, title: '甘蔗渣餐具', field_code: null, keywords: [], region: '450200', visibility: 'public', status: 'draft',
  review_reason: null, version: 1, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', published_at: null, expires_at: null,
  summary: null, problem_solved: null, advantages: [], applications: null, trl: null, ip_records: [], owners: [], transfer_modes: [],
  price_type: null, asking_price: null, confidential_detail: null,
};

describe('output form', () => {
  it("shows the API's 422 field errors on the fields and model errors above the form", async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    const api = mockApi({
      'POST /api/outputs': () =>
        reply(422, {
          code: 'validation_error',
          message: 'body.asking_price: bad',
          details: [
            { loc: ['body', 'asking_price'], msg: 'Decimal input should have no more than 14 digits in total', type: 'decimal_max_digits' },
            { loc: ['body'], msg: 'Value error, a fixed price needs asking_price', type: 'value_error' },
          ],
        }),
    });
    await renderApp(<OutputFormPage />);
    await userEvent.type(screen.getByLabelText('标题'), '甘蔗渣餐具');
    await userEvent.click(screen.getByTestId('save-draft'));
    expect(await screen.findByText('Decimal input should have no more than 14 digits in total')).toBeInTheDocument();
    expect(screen.getByTestId('form-problems')).toHaveTextContent('a fixed price needs asking_price');
    expect(calls(api, 'POST /api/outputs')).toHaveLength(1);
  });

  it('lists the fields still missing when submitting an incomplete draft', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    mockApi({
      'POST /api/outputs': () => reply(201, DRAFT),
      'POST /api/outputs/7/submit': () =>
        reply(422, {
          code: 'incomplete_listing',
          message: 'Complete these fields before submitting for review: summary, trl',
          details: [
            { loc: ['body', 'summary'], msg: 'required before review', type: 'missing' },
            { loc: ['body', 'trl'], msg: 'required before review', type: 'missing' },
          ],
        }),
    });
    await renderApp(<OutputFormPage />, { path: '/mine/outputs/*', route: '/mine/outputs/new' });
    await userEvent.type(screen.getByLabelText('标题'), '甘蔗渣餐具');
    await userEvent.click(screen.getByTestId('save-submit'));
    const box = await screen.findByTestId('missing-fields');
    expect(box).toHaveTextContent('成果简介');
    expect(box).toHaveTextContent('技术成熟度（TRL）');
  });

  it('refuses a title-less draft in the browser before calling the API', async () => {
    const api = mockApi({});
    await renderApp(<OutputFormPage />);
    await userEvent.click(screen.getByTestId('save-draft'));
    await waitFor(() => expect(screen.getAllByText('此项必填').length).toBeGreaterThan(0));
    expect(calls(api, 'POST /api/outputs')).toHaveLength(0);
  });

  it('sends money as strings with two decimals', () => {
    expect(toOutputBody({ title: 't', asking_price: '1,234.5', owners: [{ name: 'A', share: '100' }] }).asking_price).toBe('1234.50');
    const need = toNeedBody({ title: 't', budget_min: '200000', budget_max: '' });
    expect(need.budget_min).toBe('200000.00');
    expect(need.budget_max).toBeNull();
  });
});
