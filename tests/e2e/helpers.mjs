// Small helpers for driving Ant Design widgets the way a keyboard/mouse user would.
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

export const SHOTS = join(ROOT, 'docs/screenshots');

export function expect(cond, message) {
  if (!cond) throw new Error(`expectation failed: ${message}`);
}

/** Open the select labelled `label` and choose the option titled `option` (type to filter when searchable). */
export async function pick(page, label, option, { search = false } = {}) {
  const box = page.getByLabel(label, { exact: true });
  // Under load a click can land while the dropdown re-renders: check the choice took, retry if not.
  for (let attempt = 1; ; attempt += 1) {
    await box.scrollIntoViewIfNeeded();
    await box.focus();
    if (search) {
      await box.fill(option);
    } else {
      await page.keyboard.press('ArrowDown');
    }
    const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first();
    await item.waitFor({ state: 'visible', timeout: 10000 });
    await item.click();
    if (await box.getAttribute('aria-expanded') === 'true') await page.keyboard.press('Escape');
    const chosen = page.locator('.ant-select').filter({ has: box }).locator('.ant-select-selection-item');
    if (await chosen.filter({ hasText: option }).count() > 0 || attempt >= 3) return;
    await page.waitForTimeout(300);
  }
}

export async function signIn(page, base, account) {
  await page.goto(`${base}/signin`);
  await page.getByLabel(/^(电子邮箱|E-mail)$/).fill(account.email);
  await page.getByLabel(/^(密码|Password)$/).fill(account.password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('account-menu').waitFor({ timeout: 15000 });
}

export async function signOut(page) {
  await page.getByTestId('account-menu').hover();
  const item = page.getByRole('menuitem', { name: /退出登录|Sign out/ });
  await item.waitFor({ state: 'visible' });
  await item.click();
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).first().waitFor();
}

export async function shot(page, name, { fullPage = false } = {}) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

export async function settled(page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 15000 }).catch(() => undefined);
}
