// The deal flows, after the listings, the interest and the agent's suggestions: the agent brokers a deal
// on the e2e need and output and carries it through contract and registration; the enterprise records
// the payments (only the parties may), the deal becomes paid by itself, and the enterprise files its
// subsidy checklist; the university reads its income split and the agent's commission.
import { expect, pick, settled, shot, signIn, signOut } from './helpers.mjs';

const OUTPUT_PREFIX = '甘蔗渣基可降解餐具模压成型技术';
// The smallest file the server takes as a pdf (it checks the content, not just the name).
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

async function fillDate(scope, label, value) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

async function moveTo(page, stage) {
  step(`move to ${stage}`);
  await page.getByTestId('deal-stage').getByRole('button', { name: stage }).click();
  await page.getByRole('dialog').getByRole('button', { name: /确\s?定/ }).click();
  await page.getByText(`已推进到「${stage}」`).first().waitFor();
  await settled(page);
}

const started = Date.now();
// E2E_STEPS=1 prints each step with its time, to see where a slow or stuck flow is.
const step = (what) => process.env.E2E_STEPS && console.log(`[e2e]   ${((Date.now() - started) / 1000).toFixed(1)} s ${what}`);

/** A screenshot without the success toasts over the header; a full page one from the top. */
async function quietShot(page, name, options = {}) {
  step(`screenshot ${name}`);
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10000 }).catch(() => undefined);
  if (options.fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name, options);
}

async function openTab(page, name) {
  step(`tab ${name}`);
  await page.getByRole('tab', { name }).click();
  await settled(page);
}

async function stageIs(page, stage) {
  await page.locator(`[data-testid="deal-stage"][data-stage="${stage}"]`).waitFor({ timeout: 15000 });
}

export const dealFlows = [
  {
    name: 'agent brokers a deal and carries it through contract and registration',
    async run({ page, base, state }) {
      // The agent is signed in from the suggestions flow.
      await page.goto(`${base}/needs/${state.needId}`);
      await settled(page);
      await page.getByTestId('agent-matches').click();
      const card = page.getByTestId('match-card').filter({ hasText: OUTPUT_PREFIX }).first();
      await card.waitFor({ timeout: 20000 });
      await card.getByTestId('broker-deal').click();
      await page.waitForURL(/\/deals\/\d+\?tab=contract/);
      state.brokeredDealId = /deals\/(\d+)/.exec(page.url())[1];
      await settled(page);
      // The parties by name: the university that owns the output, the enterprise that posted the need.
      await page.locator('.ant-descriptions').getByText('广西大学', { exact: true }).waitFor();
      await page.locator('.ant-descriptions').getByText('柳州华骋汽车零部件有限公司', { exact: true }).waitFor();
      await moveTo(page, '已对接');
      await moveTo(page, '洽谈中');
      expect((await page.getByTestId('next-step').innerText()).includes('录入合同'), 'the next step says to record the contract');

      // The contract: a total of zero is refused by the API, and its reason shows under the total.
      const contract = page.getByTestId('contract-form');
      await pick(page, '合同类型', '技术转让');
      await contract.getByLabel('合同总额（元）').fill('0');
      await contract.getByLabel('非技术性费用（元）').fill('0');
      await page.getByTestId('contract-save').click();
      const totalHelp = page.locator('#contract_total_help');
      await totalHelp.waitFor({ timeout: 10000 });
      expect((await totalHelp.innerText()).includes('above zero'), `the API's reason is under the total: ${await totalHelp.innerText()}`);
      await contract.getByLabel('合同总额（元）').fill('350000');
      await contract.getByLabel('非技术性费用（元）').fill('50000');
      await fillDate(contract, '签订日期', today());
      await contract.getByLabel('提成条款').fill('一次性转让，无提成。');
      expect((await page.getByTestId('technology-amount').innerText()).includes('¥300,000.00'), 'the technology amount is worked out as you type');
      await page.getByTestId('contract-save').click();
      await page.getByText('合同已保存').first().waitFor();
      await settled(page);
      await moveTo(page, '已签合同');

      // The registration (技术合同认定登记), then the stage it allows.
      const registration = page.getByTestId('registration-form');
      await registration.waitFor();
      expect(await registration.getByLabel('核定技术性收入（元）').inputValue() === '300000.00', 'the approved income starts at the technology amount');
      await registration.getByLabel('登记编号').fill('2026450200000789');
      await registration.getByLabel('登记机构').fill('柳州市技术市场管理办公室');
      await fillDate(registration, '登记日期', today());
      await page.getByTestId('registration-save').click();
      await page.getByText('登记信息已保存').first().waitFor();
      await settled(page);
      await moveTo(page, '已登记');
      await stageIs(page, 'registered');
      const facts = await page.getByTestId('contract-facts').innerText();
      expect(facts.includes('¥300,000.00') && facts.includes('一次性转让'), `the contract is fixed once registered: ${facts}`);
      await quietShot(page, 'deal-contract', { fullPage: true });

      // The agent's commission: 3.5% of each payment.
      await openTab(page, '收益与佣金');
      await page.getByTestId('commission-form').getByLabel('比例（%）').fill('3.5');
      await page.getByTestId('commission-save').click();
      await page.getByText('每笔付款的 3.50%').waitFor();

      // The signed contract goes to the deal's documents, with a progress bar while it uploads.
      await openTab(page, '文件');
      const upload = page.getByTestId('document-upload');
      await pick(page, '文件类型', '合同');
      await upload.locator('input[type=file]').setInputFiles({ name: '技术转让合同.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByTestId('document-send').click();
      await page.getByTestId('documents-table').getByText('技术转让合同.pdf').waitFor();
      // It comes back byte for byte (the API checks its SHA-256 before serving it).
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载 技术转让合同.pdf' }).click(),
      ]);
      expect(download.suggestedFilename() === '技术转让合同.pdf', `downloaded as ${download.suggestedFilename()}`);
      const saved = await download.createReadStream().then(async (stream) => {
        const chunks = [];
        for await (const chunk of stream) chunks.push(chunk);
        return Buffer.concat(chunks);
      });
      expect(saved.equals(PDF), 'the downloaded file is the uploaded one');
      await quietShot(page, 'deal-documents');
      await signOut(page);
    },
  },
  {
    name: 'enterprise records the payments, the deal is paid, and it files its subsidy documents',
    async run({ page, base, accounts, state }) {
      await signIn(page, base, accounts.enterprise);
      await page.goto(`${base}/deals/${state.brokeredDealId}?tab=payments`);
      await settled(page);
      const form = page.getByTestId('payment-form');
      await fillDate(form, '付款日期', today());
      await form.getByLabel('金额（元）').fill('100000');
      await form.getByLabel('付款凭证号').fill('GXBANK-0001');
      await page.getByTestId('payment-save').click();
      await page.getByText('付款已记录').first().waitFor();
      await settled(page);
      const totals = page.getByTestId('payment-totals');
      await totals.getByText('¥250,000.00').waitFor();
      // More than is outstanding: the API's refusal shows under the amount.
      await fillDate(form, '付款日期', today());
      await form.getByLabel('金额（元）').fill('300000');
      await page.getByTestId('payment-save').click();
      const amountHelp = page.locator('#payment_amount_help');
      await amountHelp.waitFor({ timeout: 10000 });
      expect((await amountHelp.innerText()).includes('250000.00'), `the overpayment is explained under the amount: ${await amountHelp.innerText()}`);
      await form.getByRole('button', { name: '支付余额' }).click();
      await fillDate(form, '付款日期', today());
      await page.getByTestId('payment-save').click();
      // The completing payment of a registered deal moves it to paid by itself.
      await stageIs(page, 'paid');
      expect((await totals.innerText()).includes('¥350,000.00'), 'the paid total reaches the contract total');
      await page.getByText('已全额付款：付款已达到合同总额。').waitFor();
      await quietShot(page, 'deal-payments', { fullPage: true });

      // Subsidy eligibility on the paid deal, and its document checklist.
      await openTab(page, '补贴');
      await pick(page, '政策', '广西企业购买科技成果转化后补助');
      await page.getByTestId('check-eligibility').click();
      const result = page.getByTestId('eligibility');
      await result.waitFor({ timeout: 20000 });
      expect((await result.innerText()).includes('逐项检查'), 'the checks are listed');
      const item = page.getByTestId('checklist-registered_contract');
      await item.waitFor();
      expect(await item.getAttribute('data-state') === 'missing', 'the registered contract is still needed');
      await pick(page, '选择交易文件: 经认定登记的技术合同', '技术转让合同.pdf');
      await page.getByTestId('attach-registered_contract').click();
      await page.locator('[data-testid="checklist-registered_contract"][data-state="attached"]').waitFor({ timeout: 15000 });
      // A document not yet on the deal: uploaded from the checklist and filed at once.
      const voucher = page.getByTestId('checklist-bank_payment_voucher');
      await voucher.getByRole('button', { name: '上传新文件' }).click();
      await voucher.locator('input[type=file]').setInputFiles({ name: '银行付款凭证.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByTestId('checklist-bank_payment_voucher-send').click();
      await page.locator('[data-testid="checklist-bank_payment_voucher"][data-state="attached"]').waitFor({ timeout: 15000 });
      await page.getByTestId('application-documents').scrollIntoViewIfNeeded();
      await quietShot(page, 'subsidy');
      await signOut(page);
    },
  },
  {
    name: "university reads its income split and the agent's commission",
    async run({ page, base, accounts, state }) {
      await signIn(page, base, accounts.university);
      await page.goto(`${base}/deals/${state.brokeredDealId}?tab=income`);
      await settled(page);
      const split = page.getByTestId('income-split');
      await split.waitFor();
      const text = await split.innerText();
      expect(text.includes('¥300,000.00'), `net income is the paid total less the non-technical costs: ${text}`);
      const commission = await page.getByTestId('commission').innerText();
      expect(commission.includes('¥12,250.00'), `3.5% of 350,000.00 is earned: ${commission}`);
      await quietShot(page, 'deal-income', { fullPage: true });
      await openTab(page, '记录');
      const history = await page.getByTestId('deal-history').innerText();
      expect(history.includes('付款') && history.includes('登记编号'), 'payments and the registration are in the history');
      // At phone width the deal page fits the screen: no sideways scrolling of the page itself.
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        for (const tab of ['contract', 'payments', 'income']) {
          await page.goto(`${base}/deals/${state.brokeredDealId}?tab=${tab}`);
          await settled(page);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(width <= 390, `the ${tab} tab fits 390 px (page is ${width} px wide)`);
        }
        await quietShot(page, 'deal-phone', { fullPage: true });
      } finally {
        await page.setViewportSize({ width: 1280, height: 860 });
      }
      await signOut(page);
    },
  },
];
