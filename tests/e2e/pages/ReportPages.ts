import { spawnSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import { e2e } from '../support/env';

/** The lesson's report form and the editors' queue, as people use them. */
export class ReportPages {
  constructor(readonly page: Page) {}

  /** Each test its own client address, so the per-address limit is per test. */
  async useAddress(ip: string) {
    await this.page.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
  }

  form() {
    return this.page.locator('#report');
  }

  async fill(report: { where?: string; message?: string; suggestion?: string; email?: string }) {
    if (report.where) await this.page.locator('#report-where').selectOption(report.where);
    if (report.message !== undefined) await this.page.locator('#report-message').fill(report.message);
    if (report.suggestion !== undefined) await this.page.locator('#report-suggestion').fill(report.suggestion);
    if (report.email !== undefined) await this.page.locator('#report-email').fill(report.email);
  }

  async submit() {
    await this.form().locator('button[type=submit]').click();
  }

  success() {
    return this.form().locator('.notice--success');
  }

  error() {
    return this.form().locator('.notice--error');
  }

  fieldError(name: string) {
    return this.page.locator(`#report-${name}-error`);
  }

  /** Submits and returns the reference number from the thanks. */
  async send(report: { where?: string; message: string; suggestion?: string; email?: string }): Promise<string> {
    const before = (await this.success().count()) > 0 ? await this.success().textContent() : null;
    await this.fill(report);
    await this.submit();
    if (before) await expect(this.success()).not.toHaveText(before);
    await expect(this.success()).toContainText(/R-\d{5}/);
    return /R-\d{5}/.exec((await this.success().textContent()) ?? '')![0];
  }

  async openQueue(locale: string, query = '') {
    await this.page.goto(`/${locale}/editor${query}`);
  }

  row(ref: string) {
    return this.page.getByTestId('report-table').locator('tr', { has: this.page.getByRole('link', { name: ref, exact: true }) });
  }

  async openReport(locale: string, ref: string) {
    await this.page.goto(`/${locale}/editor/reports/${ref}`);
    await expect(this.page.locator('h1')).toContainText(ref);
  }

  status() {
    return this.page.getByTestId('report-status');
  }

  async moveTo(label: string, note?: string) {
    if (note) await this.page.locator('#status-form-note').fill(note);
    await this.page.getByTestId('status-form').getByRole('button', { name: label }).click();
  }
}

/** Creates or updates a user in the e2e database with `npm run user:create`. */
export function createUser(user: { email: string; password: string; role: 'learner' | 'editor' | 'admin'; name: string }) {
  const result = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/user-create.ts', '--email', user.email, '--password', user.password, '--role', user.role, '--name', user.name],
    { encoding: 'utf8', env: { ...process.env, DATABASE_URL: e2e.serverEnv.DATABASE_URL } },
  );
  if (result.status !== 0) throw new Error(`user:create failed: ${result.stderr}`);
}
