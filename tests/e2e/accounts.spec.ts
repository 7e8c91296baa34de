import { expect, test, type Browser } from '@playwright/test';
import { AccountPage } from './pages/AccountPage';
import { AdminPages } from './pages/AdminPages';
import { AuthPages, uniqueEmail } from './pages/AuthPages';
import { e2e } from './support/env';
import { mailLink } from './support/outbox';
import { completeCourse } from './support/progress';

const password = 'first steady passphrase';

async function signedIn(browser: Browser, email: string, name = 'Ada Conti') {
  const context = await browser.newContext({ baseURL: e2e.baseURL });
  const page = await context.newPage();
  return { context, page, auth: new AuthPages(page), name, email };
}

test.describe('accounts', () => {
  test('forgot password → link from the mail → new password → every old session ends', async ({ browser }) => {
    const email = uniqueEmail('reset');
    const first = await signedIn(browser, email);
    await first.auth.register('en', { name: 'Ada Conti', email, password });
    await first.auth.expectSignedInAs('Ada Conti');
    const second = await signedIn(browser, email);
    await second.auth.login('en', email, password);
    await second.auth.expectSignedInAs('Ada Conti');

    const visitor = await signedIn(browser, email);
    await visitor.page.goto('/en/login');
    await visitor.page.getByRole('link', { name: 'Forgot your password?' }).click();
    await visitor.page.locator('#forgot-email').fill(email);
    await visitor.page.getByRole('button', { name: 'Send the link' }).click();
    await expect(visitor.page.locator('#forgot-message')).toContainText(`If ${email} belongs to an Aula account`);
    // An address without an account gets the very same answer.
    await visitor.page.locator('#forgot-email').fill(uniqueEmail('nobody'));
    await visitor.page.getByRole('button', { name: 'Send the link' }).click();
    await expect(visitor.page.locator('#forgot-message')).toContainText('belongs to an Aula account');

    const mail = await mailLink(email, 'reset-password');
    expect(mail.subject).toBe('Reset your password');
    await visitor.page.goto(mail.path);
    await visitor.page.locator('#reset-password').fill('short');
    await visitor.page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(visitor.page.locator('#reset-password-error')).toContainText('at least 8 characters');
    await expect(visitor.page.locator('#reset-password')).toHaveValue('short');
    await visitor.page.locator('#reset-password').fill('second steady passphrase');
    await visitor.page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(visitor.page).toHaveURL(/\/en\/login\?reset=1/);
    await expect(visitor.page.locator('main .notice--success')).toContainText('Your password has been changed');

    // The link works once.
    await visitor.page.goto(mail.path);
    await expect(visitor.page.locator('main .notice--error')).toContainText('This link no longer works');

    // Both old sessions are gone; the old password no longer works, the new one does.
    for (const old of [first, second]) {
      await old.page.goto('/en/me');
      await expect(old.page).toHaveURL(/\/en\/login\?next=/);
    }
    await visitor.auth.login('en', email, password);
    await expect(visitor.auth.errorNotice()).toContainText('Incorrect email or password');
    await visitor.auth.login('en', email, 'second steady passphrase');
    await visitor.auth.expectSignedInAs('Ada Conti');
    for (const item of [first, second, visitor]) await item.context.close();
  });

  test('verify the e-mail address from the mailed link (a button press, not the GET)', async ({ page }) => {
    const email = uniqueEmail('verify');
    const auth = new AuthPages(page);
    await auth.register('en', { name: 'Vera Lupo', email, password });
    await auth.expectSignedInAs('Vera Lupo');
    const account = new AccountPage(page);
    await account.open();
    await expect(page.getByTestId('account-email')).toContainText('Not confirmed yet');
    // Sign-up mailed the first link; asking again sends a second and retires the first.
    const first = await mailLink(email, 'verify-email', 1);
    await account.form('resend').locator('button').click();
    await expect(account.message('resend')).toContainText(`We sent a link to ${email}`);
    const mail = await mailLink(email, 'verify-email', 2);
    expect(mail.subject).toBe('Confirm your email address');
    await page.goto(mail.path);
    await expect(page.getByRole('button', { name: 'Confirm the address' })).toBeVisible();
    await account.open();
    await expect(page.getByTestId('account-email')).toContainText('Not confirmed yet'); // opening the link alone changed nothing
    await page.goto(mail.path);
    await page.getByRole('button', { name: 'Confirm the address' }).click();
    await expect(page.locator('main .notice--success')).toHaveText('Your address is confirmed. Thank you!');
    await account.open();
    await expect(page.getByTestId('account-email')).toContainText('Confirmed');
    await page.goto(first.path);
    await page.getByRole('button', { name: 'Confirm the address' }).click();
    await expect(page.locator('main .notice--error')).toContainText('This link no longer works');
  });

  test('profile changes with bad input keep what was typed and say what is wrong', async ({ page }) => {
    const email = uniqueEmail('profile');
    const auth = new AuthPages(page);
    await auth.register('en', { name: 'Pia Neri', email, password });
    await auth.expectSignedInAs('Pia Neri');
    const account = new AccountPage(page);
    await account.open();

    await account.submit('profile', { name: '   ' });
    await expect(account.fieldError('profile', 'name')).toHaveText('This field is required.');
    await account.field('profile', 'language').selectOption('fr');
    await account.submit('profile', { name: 'Pia Neri Rossi' });
    await expect(account.message('profile')).toHaveText('Saved.');
    await account.open();
    await expect(account.field('profile', 'name')).toHaveValue('Pia Neri Rossi');
    await expect(account.field('profile', 'language')).toHaveValue('fr');

    await account.submit('password', { currentPassword: 'not my password', password: 'a new steady phrase' });
    await expect(account.fieldError('password', 'currentPassword')).toHaveText('The current password is not correct.');
    await expect(account.field('password', 'password')).toHaveValue('a new steady phrase');
    await account.submit('password', { currentPassword: password, password: 'short' });
    await expect(account.fieldError('password', 'password')).toContainText('at least 8 characters');

    await account.submit('email', { email: 'not an address', currentPassword: password });
    await expect(account.fieldError('email', 'email')).toContainText('valid email address');
    await expect(account.field('email', 'email')).toHaveValue('not an address');
    // An address another account has: the same answer as any other, nothing revealed, nothing changed.
    await account.submit('email', { email: e2e.admin.email, currentPassword: password });
    await expect(account.message('email')).toContainText(`We sent a link to ${e2e.admin.email}`);
    await account.open();
    await expect(page.getByTestId('account-email')).toContainText(email);
  });

  test('sessions: see the other device and sign it out', async ({ browser, page }) => {
    const email = uniqueEmail('sessions');
    const auth = new AuthPages(page);
    await auth.register('en', { name: 'Sam Gallo', email, password });
    // The account exists once the sign-up has answered: only then can another device sign in with it.
    await auth.expectSignedInAs('Sam Gallo');
    const other = await signedIn(browser, email);
    await other.auth.login('en', email, password);
    await other.auth.expectSignedInAs('Sam Gallo');
    const account = new AccountPage(page);
    await account.open();
    const rows = page.getByTestId('account-sessions').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('(this device)');
    await expect(rows.first()).toContainText(/Chrome on (Windows|Linux|macOS)/);
    await rows.nth(1).getByRole('button', { name: 'Log out' }).click();
    await expect(rows).toHaveCount(1);
    await other.page.goto('/en/me');
    await expect(other.page).toHaveURL(/\/en\/login\?next=/);
    await other.context.close();
  });

  test('export downloads my data only, as valid JSON', async ({ page }) => {
    const email = uniqueEmail('export');
    const auth = new AuthPages(page);
    await auth.register('en', { name: 'Eva Longo', email, password });
    await auth.expectSignedInAs('Eva Longo');
    const account = new AccountPage(page);
    await account.open();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('account-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^aula-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8'));
    expect(data.profile).toMatchObject({ email, name: 'Eva Longo' });
    expect(JSON.stringify(data)).not.toContain('scrypt');
    expect(JSON.stringify(data)).not.toContain(e2e.admin.email);
    // Signed out, there is nothing to download.
    const anonymous = await page.context().browser()!.newContext({ baseURL: e2e.baseURL });
    expect((await anonymous.request.get('/api/me/export')).status()).toBe(401);
    await anonymous.close();
  });

  test('delete my account: signed out, cannot sign in again, and the certificate still verifies', async ({ page }) => {
    test.setTimeout(240_000);
    const email = uniqueEmail('delete');
    const auth = new AuthPages(page);
    await auth.register('en', { name: 'Dario Fine', email, password });
    await auth.expectSignedInAs('Dario Fine');
    const certificate = await completeCourse(page);

    const account = new AccountPage(page);
    await account.open();
    await account.submit('delete', { currentPassword: password });
    await expect(account.fieldError('delete', 'confirm')).toBeVisible();
    await expect(account.field('delete', 'currentPassword')).toHaveValue(password);
    await account.form('delete').getByRole('checkbox').check();
    await account.submit('delete', { currentPassword: 'wrong password here' });
    await expect(account.fieldError('delete', 'currentPassword')).toHaveText('The current password is not correct.');
    await account.form('delete').getByRole('checkbox').check();
    await account.submit('delete', { currentPassword: password });
    await expect(auth.userMenu()).toHaveCount(0);

    await auth.login('en', email, password);
    await expect(auth.errorNotice()).toContainText('Incorrect email or password');
    await page.goto(certificate);
    await expect(page.getByTestId('certificate-name')).toHaveText('Dario Fine');
  });
});

test('an admin downloads a learner’s data and deletes the account', async ({ browser, page }) => {
  const email = uniqueEmail('admin-delete');
  const learner = await signedIn(browser, email);
  await learner.auth.register('en', { name: 'Lina Via', email, password });
  await learner.auth.expectSignedInAs('Lina Via');

  await new AdminPages(page).signInAsAdmin();
  await page.goto(`/en/admin/learners?q=${encodeURIComponent(email)}`);
  await page.getByRole('link', { name: /Lina Via/ }).first().click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('learner-export').click()]);
  const data = JSON.parse(await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8'));
  expect(data.profile).toMatchObject({ email, name: 'Lina Via' });

  const card = page.getByTestId('learner-data');
  await card.getByRole('button', { name: 'Delete the account' }).click();
  await expect(page.locator('#delete-learner-confirm-error')).toBeVisible();
  await card.getByRole('checkbox').check();
  await card.getByRole('button', { name: 'Delete the account' }).click();
  await expect(page).toHaveURL(/\/en\/admin\/learners\?deleted=1/);

  await learner.page.goto('/en/me');
  await expect(learner.page).toHaveURL(/\/en\/login\?next=/);
  // A learner cannot use the admin's export.
  const other = await signedIn(browser, uniqueEmail('snoop'));
  await other.auth.register('en', { name: 'Snoop Dog', email: other.email, password });
  await other.auth.expectSignedInAs('Snoop Dog');
  expect((await other.page.request.get(`/api/admin/export?user=${encodeURIComponent(data.profile.id)}`)).status()).toBe(403);
  await learner.context.close();
  await other.context.close();
});
