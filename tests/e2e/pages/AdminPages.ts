import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { e2e } from '../support/env';
import { AuthPages } from './AuthPages';

export const adminCourse = 'risoluzione-dei-conflitti';

/** Every admin page, for authorization and axe checks (ids filled in where a real one is needed). */
export function adminPaths(locale: string, userId = 'no-such-user') {
  return [`/${locale}/admin`, `/${locale}/admin/learners`, `/${locale}/admin/learners/${userId}`, `/${locale}/admin/users`, `/${locale}/admin/users/${userId}?role=editor`];
}

export const csvPath = `/api/admin/completion.csv?course=${adminCourse}`;

/** Creates (or updates) a user with a role straight in the e2e database, as an operator would with npm run user:create. */
export function createUser(user: { email: string; password: string; role: 'learner' | 'editor' | 'admin'; name: string }) {
  const tsx = [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server'];
  const result = spawnSync(process.execPath, [...tsx, 'scripts/user-create.ts', '--email', user.email, '--password', user.password, '--role', user.role, '--name', user.name], {
    env: { ...process.env, ...e2e.serverEnv },
  });
  if (result.status !== 0) throw new Error(result.stderr.toString());
}

/** The admin area as an admin uses it: sign in, the dashboard, the learner table, users and roles. */
export class AdminPages {
  constructor(private readonly page: Page) {}

  async signInAsAdmin(locale = 'en') {
    await new AuthPages(this.page).login(locale, e2e.admin.email, e2e.admin.password);
    await expect(this.page).not.toHaveURL(/\/login/);
  }

  async openDashboard(locale = 'en') {
    await this.page.goto(`/${locale}/admin`);
    await expect(this.page.getByTestId(`admin-course-${adminCourse}`)).toBeVisible();
  }

  async openLearners(locale: string, query: Record<string, string> = {}) {
    await this.page.goto(`/${locale}/admin/learners?${new URLSearchParams(query)}`);
  }

  learnerRow(email: string) {
    return this.page.getByTestId('learner-table').locator(`tr[data-email="${email}"]`);
  }

  async openUsers(locale: string, search: string) {
    await this.page.goto(`/${locale}/admin/users?${new URLSearchParams({ q: search })}`);
  }

  userRow(email: string) {
    return this.page.getByTestId('user-table').locator(`tr[data-email="${email}"]`);
  }

  /** Picks a new role in the user list, which leads to the confirmation page. */
  async chooseRole(email: string, role: 'learner' | 'editor' | 'admin') {
    const row = this.userRow(email);
    await row.locator('select[name=role]').selectOption(role);
    await row.locator('button[type=submit]').click();
    await expect(this.page.getByTestId('confirm-question')).toBeVisible();
  }

  /** The second step: one button on the confirmation page. */
  async confirm() {
    await this.page.locator('form.role-confirm button[type=submit]').click();
  }

  roleError() {
    return this.page.getByTestId('role-error');
  }
}
