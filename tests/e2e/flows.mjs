// The end-to-end flows, run in order in one browser context per role.
import { expect, pick, settled, shot, signIn, signOut } from './helpers.mjs';
import { alertFlows } from './alertFlows.mjs';
import { dealFlows } from './dealFlows.mjs';

const stamp = Date.now().toString(36).slice(-5).toUpperCase();
export const OUTPUT_TITLE = `甘蔗渣基可降解餐具模压成型技术 ${stamp}`;
const SECRET = '模压温度 180 ℃、保压 90 秒的工艺参数表';
export const NEED_TITLE = `甘蔗渣可降解餐具生产技术需求 ${stamp}`;

export const flows = [
  {
    name: 'public home, browse and sign-up field errors',
    async run({ page, base }) {
      await page.goto(base);
      await settled(page);
      await shot(page, 'home');
      await page.goto(`${base}/signup`);
      await page.getByLabel('机构名称').fill('南宁测试科技有限公司');
      await pick(page, '机构类型', '企业');
      await pick(page, '所在地区', '南宁', { search: true });
      await page.getByLabel('统一社会信用代码').fill('91450100MA5KABCDEX');
      await page.getByLabel('姓名').fill('测试用户');
      await page.getByLabel('电子邮箱').fill('signup-e2e@example.com');
      await page.getByLabel('密码').fill('a-long-password-1');
      await page.getByTestId('signup-submit').click();
      const err = page.locator('#organisation_uscc_help, [id$="organisation_uscc_help"]');
      await err.waitFor({ timeout: 10000 });
      expect((await err.innerText()).includes('credit code'), 'the API error on the credit code is shown under the field');
      await shot(page, 'sign-up');
    },
  },
  {
    name: 'university lists an output and submits it for review',
    async run({ page, base, accounts, state }) {
      await signIn(page, base, accounts.university);
      await settled(page);
      await shot(page, 'my-listings');
      await page.goto(`${base}/mine/outputs/new`);
      await page.getByLabel('标题').fill(OUTPUT_TITLE);
      await page.getByTestId('save-submit').click();
      const missing = page.getByTestId('missing-fields');
      await missing.waitFor({ timeout: 15000 });
      const text = await missing.innerText();
      expect(text.includes('成果简介') && text.includes('技术成熟度'), `missing fields are listed: ${text}`);
      await page.waitForURL(/\/mine\/outputs\/\d+\/edit/);
      state.outputId = Number(/outputs\/(\d+)\/edit/.exec(page.url())[1]);
      await page.getByRole('heading', { name: '编辑科技成果' }).waitFor();
      await settled(page);
      await page.locator('form fieldset[disabled]').waitFor({ state: 'detached' }).catch(() => undefined);
      await page.getByLabel('成果简介').fill('以甘蔗渣纤维为原料，经模压成型制成可完全降解的一次性餐具，替代塑料餐具。');
      await pick(page, '领域', '糖业', { search: true });
      await pick(page, '地区', '柳州', { search: true });
      await pick(page, '技术成熟度（TRL）', 'TRL 6');
      await pick(page, '转化方式', '转让');
      await pick(page, '定价方式', '固定价格');
      await page.getByLabel('报价').fill('350000');
      await page.getByLabel('关键词').fill('甘蔗渣');
      await page.keyboard.press('Enter');
      await page.getByLabel('保密信息').fill(SECRET);
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, 'output-form');
      await page.getByTestId('save-submit').click();
      await page.waitForURL(/\/mine\/outputs$/, { timeout: 15000 });
      await settled(page);
      const row = page.locator('tr', { hasText: OUTPUT_TITLE });
      await row.waitFor();
      expect((await row.innerText()).includes('待审核'), 'the output is pending review');
      await signOut(page);
    },
  },
  {
    name: 'enterprise posts a technology need',
    async run({ page, base, accounts, state }) {
      await signIn(page, base, accounts.enterprise);
      await page.goto(`${base}/mine/needs/new`);
      await page.getByLabel('标题').fill(NEED_TITLE);
      await page.getByLabel('需求描述').fill('我公司计划利用甘蔗渣纤维模压成型生产可降解一次性餐具，替代塑料餐具，寻求成熟的模压成型工艺和设备方案。');
      await pick(page, '领域', '糖业', { search: true });
      await pick(page, '合作方式', '转让');
      await pick(page, '地区', '柳州', { search: true });
      await page.getByLabel(/^预算.* 最低$/).fill('200000');
      await page.getByLabel(/^预算.* 最高$/).fill('500000.5');
      await page.getByLabel('关键词').fill('甘蔗渣');
      await page.keyboard.press('Enter');
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, 'need-form');
      await page.getByTestId('save-submit').click();
      await page.waitForURL(/\/mine\/needs$/, { timeout: 15000 });
      await settled(page);
      const row = page.locator('tr', { hasText: NEED_TITLE });
      await row.waitFor();
      expect((await row.innerText()).includes('待审核'), 'the need is pending review');
      state.needId = Number(/needs\/(\d+)/.exec(await row.getByRole('link').getAttribute('href'))[1]);
      await signOut(page);
    },
  },
  {
    name: 'reviewer approves the output and the need',
    async run({ page, base, accounts, state }) {
      await signIn(page, base, accounts.reviewer);
      await page.goto(`${base}/review/organisations`);
      await settled(page);
      await shot(page, 'review-organisations');
      await page.goto(`${base}/review/listings`);
      await settled(page);
      await shot(page, 'review-queue');
      await page.goto(`${base}/stats`);
      await settled(page);
      await page.getByRole('heading', { name: '统计数据' }).waitFor();
      expect(await page.locator('canvas').count() >= 3, 'the statistics are charted');
      await shot(page, 'statistics');
      for (const [kind, id] of [['outputs', state.outputId], ['needs', state.needId]]) {
        await page.goto(`${base}/${kind}/${id}`);
        await settled(page);
        const approve = page.getByTestId('listing-review-approve');
        await approve.waitFor();
        if (kind === 'outputs') await shot(page, 'review-listing');
        await approve.click();
        await approve.waitFor({ state: 'detached', timeout: 15000 });
      }
      await signOut(page);
    },
  },
  {
    name: 'enterprise sees the explained match and marks it interested',
    async run({ page, base, accounts, state }) {
      await signIn(page, base, accounts.enterprise);
      await page.goto(`${base}/mine/needs`);
      await settled(page);
      const row = page.locator('tr', { hasText: NEED_TITLE });
      expect((await row.innerText()).includes('已发布'), 'the need is published');
      await row.getByRole('button', { name: /匹\s?配/ }).click();
      await page.waitForURL(new RegExp(`/mine/needs/${state.needId}/matches`));
      const card = page.getByTestId('match-card').filter({ hasText: OUTPUT_TITLE });
      await card.waitFor({ timeout: 20000 });
      const text = await card.innerText();
      expect(text.includes('在预算内'), `the budget fit is explained: ${text}`);
      expect(await card.locator('canvas').count() > 0, 'the term contributions are drawn');
      await card.scrollIntoViewIfNeeded();
      await shot(page, 'matches');
      await card.getByRole('button', { name: '感兴趣' }).click();
      await page.getByText('已标记为感兴趣').waitFor();
      await page.getByTestId('notification-bell').click();
      await page.waitForURL(/\/notifications/);
      await settled(page);
      await shot(page, 'notifications');
      // express interest in the output, then accept its NDA to read the confidential detail
      await page.goto(`${base}/outputs/${state.outputId}`);
      await settled(page);
      expect(!(await page.locator('#main').innerText()).includes(SECRET), 'the confidential detail is hidden before the NDA');
      await page.getByTestId('express-interest').click();
      await page.getByLabel('留言').fill('我司有甘蔗渣原料和生产场地，希望洽谈技术转让。');
      await page.getByRole('button', { name: /^发\s?送$/ }).click();
      await page.getByText('已发送，对方处理后会通知您。').waitFor();
      await page.getByTestId('read-nda').click();
      await page.getByTestId('accept-nda').click();
      await page.getByText(SECRET).waitFor();
      await shot(page, 'output-after-nda');
    },
  },
  {
    name: 'browse finds the output by a Chinese keyword',
    async run({ page, base }) {
      await page.goto(`${base}/outputs`);
      await settled(page);
      await page.getByLabel('关键词').fill('甘蔗渣');
      await page.getByTestId('filters-search').click();
      await page.waitForURL(/q=/);
      await settled(page);
      const card = page.getByTestId('listing-card').filter({ hasText: OUTPUT_TITLE });
      await card.waitFor({ timeout: 15000 });
      await shot(page, 'browse-outputs');
      await card.getByRole('link', { name: OUTPUT_TITLE }).click();
      await page.getByRole('heading', { name: OUTPUT_TITLE }).waitFor();
      await settled(page);
      const body = await page.locator('#main').innerText();
      expect(body.includes('¥350,000.00'), 'the asking price is shown with two decimals');
      await shot(page, 'output-page');
      await page.goto(`${base}/needs`);
      await settled(page);
      await shot(page, 'browse-needs');
    },
  },
  {
    name: 'language switch is remembered on the account',
    async run({ page, base }) {
      await page.goto(`${base}/outputs`);
      await settled(page);
      const patched = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
      await page.getByTestId('language-switch').getByText('EN').click();
      await page.getByRole('heading', { name: 'Research outputs' }).waitFor();
      expect((await patched).ok(), 'PATCH /api/me saved the language');
      await page.evaluate(() => localStorage.removeItem('techmatch.locale'));
      await page.goto(`${base}/profile`);
      await page.getByRole('heading', { name: 'My profile' }).waitFor({ timeout: 15000 });
      await shot(page, 'profile-en');
      await page.goto(base);
      await settled(page);
      await shot(page, 'home-en');
      await page.getByTestId('language-switch').getByText('中文').click();
      await page.getByRole('heading', { name: /让科技成果找到产业/ }).waitFor();
    },
  },
  {
    name: 'university accepts the interest, opening a deal',
    async run({ page, base, accounts, state }) {
      await signOut(page);
      await signIn(page, base, accounts.university);
      await page.goto(`${base}/interests`);
      await settled(page);
      const card = page.getByTestId('interest-card').filter({ hasText: '甘蔗渣原料' });
      await card.waitFor();
      await shot(page, 'interests');
      await card.getByRole('button', { name: /^接\s?受$/ }).click();
      const opened = await card.getByText(/已建立交易 #\d+/).innerText();
      const dealId = /#(\d+)/.exec(opened)[1];
      state.dealId = dealId;
      await page.goto(`${base}/deals`);
      await settled(page);
      await page.getByTestId('deal-card').filter({ hasText: `#${dealId}` }).waitFor();
      await shot(page, 'deals');
      await page.goto(`${base}/deals/${dealId}`);
      await settled(page);
      await page.getByRole('button', { name: '已对接' }).click();
      await page.getByRole('dialog').getByRole('button', { name: /确\s?定/ }).click();
      await page.getByText('已推进到「已对接」').waitFor();
      await settled(page);
      await shot(page, 'deal');
    },
  },
  {
    name: 'agent sees market-wide suggestions and the deal board',
    async run({ page, base, accounts }) {
      await signOut(page);
      await signIn(page, base, accounts.agent);
      await page.goto(`${base}/suggestions`);
      await settled(page);
      await page.getByText('需求 ↔ 成果').first().waitFor({ timeout: 20000 });
      expect(await page.locator('canvas').count() > 0, 'each suggestion draws its term contributions');
      await shot(page, 'suggestions');
    },
  },
  // The agent carries a deal to registered and paid; the enterprise files its subsidy documents.
  ...dealFlows,
  // A saved search alerts its owner through the worker; notification settings.
  ...alertFlows,
];
