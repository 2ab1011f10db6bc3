import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ContractForm } from '../components/deal/ContractForm';
import { CONTRACT, DEAL } from '../test/dealFixtures';
import { mockApi, renderApp } from '../test/utils';

/** Hands the form a fresh copy of the same stored contract, as a reload of the deal's data does. */
function Reloading() {
  const [contract, setContract] = useState(CONTRACT);
  return (
    <>
      <button type="button" onClick={() => setContract({ ...CONTRACT })}>reload same</button>
      <button type="button" onClick={() => setContract({ ...CONTRACT, total: '400000.00', version: CONTRACT.version + 1 })}>reload changed</button>
      <ContractForm deal={DEAL} contract={contract} editable onSaved={() => undefined} />
    </>
  );
}

describe('deal forms and reloads', () => {
  it('keeps what the user typed when the page reloads unchanged data, refills when the contract changed', async () => {
    mockApi({});
    await renderApp(<Reloading />);
    const royalty = screen.getByLabelText('提成条款');
    await userEvent.type(royalty, '销售额的 2%');
    await userEvent.click(screen.getByRole('button', { name: 'reload same' }));
    expect(royalty).toHaveValue(`${CONTRACT.royalty_terms ?? ''}销售额的 2%`);
    await userEvent.click(screen.getByRole('button', { name: 'reload changed' }));
    expect(screen.getByLabelText('合同总额（元）')).toHaveValue('400000.00');
  });
});
