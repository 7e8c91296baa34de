import { expect, test } from '@playwright/test';
import fr from '../../messages/fr.json';
import it from '../../messages/it.json';
import { formatMessage } from '../../lib/i18n/format-message';
import { AuthPages, uniqueEmail } from './pages/AuthPages';
import { e2e } from './support/env';

const password = 'tranquil harbour lanterns';

test.describe('sign up, sign out, sign in', () => {
  test('a visitor signs up, is signed in, signs out and signs back in', async ({ page }) => {
    const auth = new AuthPages(page);
    const email = uniqueEmail('learner');
    await auth.register('en', { name: 'Grace Hopper', email, password });
    await expect(page).toHaveURL(/\/en$/);
    await auth.expectSignedInAs('Grace Hopper');

    await auth.logout();
    await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();

    await auth.login('en', email.toUpperCase(), password);
    await expect(page).toHaveURL(/\/en$/);
    await auth.expectSignedInAs('Grace Hopper');
  });

  test('a wrong password shows a clear error and keeps the e-mail; an unknown e-mail gets the same message', async ({ page }) => {
    const auth = new AuthPages(page);
    const email = uniqueEmail('wrongpw');
    await auth.register('it', { name: 'Ada', email, password });
    await auth.logout();

    await auth.login('it', email, 'not the password at all');
    await expect(auth.errorNotice()).toHaveText('E-mail o password non corretti.');
    await expect(page.locator('#field-email')).toHaveValue(email);
    await expect(page.locator('#field-password')).toHaveValue('');

    await auth.login('it', uniqueEmail('nobody'), 'whatever password');
    await expect(auth.errorNotice()).toHaveText('E-mail o password non corretti.');
  });

  test('after 5 wrong passwords from one address the next try is refused for a while, and keeps what was typed', async ({ page }) => {
    test.setTimeout(180_000); // a sign-up and 5 password checks at full cost, on a busy machine
    const auth = new AuthPages(page);
    const email = uniqueEmail('limited');
    await auth.register('it', { name: 'Ada', email, password });
    await auth.logout();
    for (let i = 1; i <= 5; i++) {
      await auth.login('it', email, `wrong guess number ${i}`);
      await expect(auth.errorNotice()).toHaveText(it.errors.invalidCredentials);
      await expect(page.locator('#field-password')).toHaveValue('');
    }
    await auth.login('it', email, password);
    await expect(auth.errorNotice()).toHaveText(formatMessage(it.errors.tooManyAttempts, 'it', { minutes: 15 }));
    // Not about the password: it stays, for one click later (from the browser's memory; the server never sends it).
    await expect(page.locator('#field-password')).toHaveValue(password);
    await expect(page.locator('#field-email')).toHaveValue(email);
  });

  test('a taken e-mail is not revealed: nothing changes, and the sign-in page says to use that account’s password', async ({ page }) => {
    const auth = new AuthPages(page);
    const email = uniqueEmail('dup');
    await auth.register('fr', { name: 'Marie', email, password });
    await auth.logout();
    await auth.register('fr', { name: 'Marie Curie', email, password: 'another passphrase entirely' }, '/fr/courses');
    await expect(page).toHaveURL(`/fr/login?registered=1&next=${encodeURIComponent('/fr/courses')}`);
    await expect(page.locator('main .notice--info')).toHaveText(fr.auth.registeredSignIn);
    await expect(page.getByText(fr.errors.emailTaken)).toHaveCount(0);
    await expect(auth.userMenu()).toHaveCount(0);
    // The account is as it was: its own password and name.
    await auth.login('fr', email, 'another passphrase entirely');
    await expect(auth.errorNotice()).toHaveText(fr.errors.invalidCredentials);
    await auth.login('fr', email, password);
    await auth.expectSignedInAs('Marie');
    await expect(auth.userMenu()).not.toContainText('Curie');
  });

  test('the password can be shown, and the e-mail rule names the part before the @', async ({ page }) => {
    const auth = new AuthPages(page);
    await auth.register('it', { name: 'Mario', email: 'mario.rossi@example.com', password: 'mario.rossi-quiet-2024' });
    await expect(auth.fieldError('password')).toHaveText('La password non può contenere la parte del tuo indirizzo e-mail prima della @ («mario.rossi»).');
    const field = page.locator('#field-password');
    await expect(field).toHaveAttribute('type', 'password');
    await page.getByTestId('password-show').check();
    await expect(field).toHaveAttribute('type', 'text');
    await expect(field).toHaveValue('mario.rossi-quiet-2024');
    await page.getByTestId('password-show').uncheck();
    await expect(field).toHaveAttribute('type', 'password');
  });

  test('bad sign-up input gets a message per field in the page’s language', async ({ page }) => {
    const auth = new AuthPages(page);
    await auth.register('es', { name: '', email: 'not-an-email', password: 'short' });
    await expect(auth.fieldError('name')).toHaveText('Este campo es obligatorio.');
    await expect(auth.fieldError('email')).toContainText('Escribe una dirección de correo válida');
    await expect(page.locator('#field-email')).toHaveValue('not-an-email');

    await auth.register('es', { name: 'Ana', email: uniqueEmail('weak'), password: 'password123' });
    await expect(auth.fieldError('password')).toContainText('demasiado común');
    await expect(page.locator('#field-name')).toHaveValue('Ana');
  });

  test('sign-in comes back to the page the visitor started from', async ({ page }) => {
    const auth = new AuthPages(page);
    const email = uniqueEmail('next');
    await auth.register('en', { name: 'Back Again', email, password }, '/en/login?x=1');
    await expect(page).toHaveURL(/\/en\/login\?x=1$/);
    await auth.expectSignedInAs('Back Again');
  });
});

test.describe('sessions are real', () => {
  test('the session cookie is HttpOnly and SameSite=Lax, and dies on sign-out even if replayed', async ({ page, context, request }) => {
    const auth = new AuthPages(page);
    await auth.register('en', { name: 'Cookie Test', email: uniqueEmail('cookie'), password });
    await auth.expectSignedInAs('Cookie Test');
    const cookie = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');

    const header = { Cookie: `${cookie!.name}=${cookie!.value}` };
    expect((await (await request.get('/api/me', { headers: header })).json()).user.name).toBe('Cookie Test');
    await auth.logout();
    // The old JWT is still well-formed and unexpired, but its session is revoked.
    expect((await (await request.get('/api/me', { headers: header })).json()).user).toBeNull();
  });

  test('a scripted client signs in through /api/auth/callback/credentials with the CSRF token', async ({ request }) => {
    const csrf = async () => ((await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
    const bad = await request.post('/api/auth/callback/credentials', {
      form: { csrfToken: await csrf(), email: e2e.admin.email, password: 'wrong password here' },
      maxRedirects: 0,
    });
    expect(bad.status()).toBe(302);
    expect(bad.headers().location).toContain('error=CredentialsSignin');
    expect((await (await request.get('/api/me')).json()).user).toBeNull();

    const good = await request.post('/api/auth/callback/credentials', {
      form: { csrfToken: await csrf(), email: e2e.admin.email, password: e2e.admin.password },
      maxRedirects: 0,
    });
    expect(good.status()).toBe(302);
    expect(good.headers()['set-cookie']).toMatch(/authjs\.session-token=.*HttpOnly/i);
    expect((await (await request.get('/api/me')).json()).user).toMatchObject({ email: e2e.admin.email, role: 'admin' });
  });
});
