import { expect, type Page } from '@playwright/test';

/** /{locale}/me/account, its forms named by their ids (profile, email, password, sessions, delete). */
export class AccountPage {
  constructor(private readonly page: Page, private readonly locale = 'en') {}

  async open() {
    await this.page.goto(`/${this.locale}/me/account`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  form(id: string) {
    return this.page.getByTestId(id);
  }

  field(form: string, name: string) {
    return this.page.locator(`#${form}-${name}`);
  }

  async submit(form: string, fields: Record<string, string>) {
    for (const [name, value] of Object.entries(fields)) await this.field(form, name).fill(value);
    await this.form(form).locator('button[type=submit]').click();
  }

  message(form: string) {
    return this.page.locator(`#${form}-message`);
  }

  fieldError(form: string, name: string) {
    return this.page.locator(`#${form}-${name}-error`);
  }
}
