import { expect, test, type Page } from '@playwright/test';

/** Sign-up, sign-in and the header's user menu, as a person uses them. */
export class AuthPages {
  constructor(private readonly page: Page) {}

  /** Signs up from an address of its own (sign-ups are limited per address), which the page keeps using. */
  async register(locale: string, user: { name: string; email: string; password: string }, next?: string) {
    await this.page.setExtraHTTPHeaders({ 'x-forwarded-for': visitorAddress() });
    await this.page.goto(`/${locale}/register${next ? `?next=${encodeURIComponent(next)}` : ''}`);
    await this.page.locator('#field-name').fill(user.name);
    await this.page.locator('#field-email').fill(user.email);
    await this.page.locator('#field-password').fill(user.password);
    await this.page.locator('main form button[type=submit]').click();
  }

  async login(locale: string, email: string, password: string) {
    await this.page.goto(`/${locale}/login`);
    await this.page.locator('#field-email').fill(email);
    await this.page.locator('#field-password').fill(password);
    await this.page.locator('main form button[type=submit]').click();
  }

  userMenu() {
    return this.page.getByTestId('user-menu');
  }

  async expectSignedInAs(name: string) {
    await expect(this.userMenu()).toContainText(name);
  }

  async logout() {
    await this.userMenu().locator('summary').click();
    await this.userMenu().locator('button[type=submit]').click();
    await expect(this.userMenu()).toHaveCount(0);
  }

  errorNotice() {
    return this.page.locator('main .notice--error');
  }

  fieldError(name: string) {
    return this.page.locator(`#field-${name}-error`);
  }
}

let counter = 0;
/** A unique e-mail per test run, so tests never collide on the shared database. */
export function uniqueEmail(tag: string): string {
  counter += 1;
  return `${tag}.${Date.now().toString(36)}.${process.pid}.${counter}@example.com`;
}

let visitors = 0;
/** A client address no other test uses in this run (the e2e server believes X-Forwarded-For from the runner). */
export function visitorAddress(): string {
  visitors += 1;
  return `100.${64 + (test.info().workerIndex % 64)}.${Math.floor(visitors / 250) % 250}.${(visitors % 250) + 1}`;
}
