// A saved search alerts its owner when a fitting output is published; the notification settings.
import { expect, settled, shot, signIn, signOut } from './helpers.mjs';

const WORD = `竹纤维复合板${Date.now().toString(36).slice(-4).toUpperCase()}`;
const ALERT_TITLE = `${WORD} 热压成型工艺`;

/** Calls the API as the signed-in user (setting up data whose forms other flows already cover). */
async function api(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const { access_token: token } = JSON.parse(localStorage.getItem('techmatch.tokens') ?? '{}');
      const r = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    { method, path, body },
  );
}

async function switchTo(page, base, account) {
  await page.goto(base);
  await settled(page);
  if (await page.getByTestId('account-menu').count()) await signOut(page);
  await signIn(page, base, account);
}

export const alertFlows = [
  {
    name: 'enterprise saves a search and is alerted when a fitting output is published',
    async run({ page, base, accounts }) {
      await switchTo(page, base, accounts.enterprise);
      await page.goto(`${base}/outputs?q=${encodeURIComponent(WORD)}`);
      await settled(page);
      await page.getByTestId('save-search').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('名称').fill(`竹纤维订阅`);
      await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
      await page.getByText('已保存搜索“竹纤维订阅”，可在通知中心管理。').waitFor();

      await switchTo(page, base, accounts.university);
      const output = await api(page, 'POST', '/api/outputs', {
        title: ALERT_TITLE,
        summary: `以竹纤维为增强相的${WORD}，热压一次成型，可替代部分木质人造板。`,
        field_code: 'i-forestry-products',
        region: '450100',
        trl: 6,
        transfer_modes: ['non_exclusive_licence'],
        price_type: 'negotiable',
      });
      await api(page, 'POST', `/api/outputs/${output.id}/submit`);
      await switchTo(page, base, accounts.reviewer);
      await api(page, 'POST', `/api/outputs/${output.id}/review`, { decision: 'approve' });

      // The approval queued the alert in the outbox; the embedded worker delivers it within seconds.
      await switchTo(page, base, accounts.enterprise);
      const alert = page.getByText(`您保存的搜索有新结果：${ALERT_TITLE}`);
      for (let attempt = 0; attempt < 30 && !(await alert.count()); attempt += 1) {
        await page.goto(`${base}/notifications`);
        await settled(page);
        if (!(await alert.count())) await page.waitForTimeout(1000);
      }
      expect((await alert.count()) > 0, 'the saved-search alert reached the in-app list');
      await shot(page, 'saved-search-alert');

      await page.getByRole('tab', { name: '保存的搜索' }).click();
      await page.getByTestId('saved-searches').getByText('竹纤维订阅').waitFor();
      await shot(page, 'saved-searches');

      await page.getByRole('tab', { name: '通知设置' }).click();
      await page.getByTestId('notification-settings').waitFor();
      await settled(page);
      await page.getByRole('radio', { name: '每日摘要（每天一封）' }).check();
      await page.getByRole('button', { name: '保存设置' }).click();
      await page.getByText('通知设置已保存').waitFor();
      await shot(page, 'notification-settings');
    },
  },
];
