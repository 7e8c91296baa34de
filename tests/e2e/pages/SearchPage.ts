import { expect, type Page } from '@playwright/test';

/** The header's search box and the results page, as a visitor uses them. */
export class SearchPage {
  constructor(
    readonly page: Page,
    readonly locale: string,
  ) {}

  headerBox() {
    return this.page.locator('header form[role=search] input[name=q]');
  }

  /** Types in the header's box on the current page and submits with Enter. */
  async searchFromHeader(query: string) {
    await this.headerBox().fill(query);
    await Promise.all([this.page.waitForURL(/\/search\?/), this.headerBox().press('Enter')]);
  }

  /** Opens the results page directly; returns the HTTP status. */
  async open(query?: string) {
    const url = query === undefined ? `/${this.locale}/search` : `/${this.locale}/search?q=${encodeURIComponent(query)}`;
    const response = await this.page.goto(url);
    return response?.status();
  }

  pageBox() {
    return this.page.locator('main form[role=search] input[name=q]');
  }

  notice() {
    return this.page.locator('main .notice');
  }

  results() {
    return this.page.getByTestId('search-result');
  }

  resultsIn(locale: string) {
    return this.page.locator(`[data-testid="search-result"][data-locale="${locale}"]`);
  }

  otherLanguages() {
    return this.page.getByTestId('other-languages');
  }

  /** The first transcript-paragraph result in the page's language that links to `lesson`. */
  paragraphResult(lesson: string) {
    return this.page
      .locator(`[data-testid="search-result"][data-locale="${this.locale}"][data-kind="paragraph"]`)
      .filter({ has: this.page.locator(`a[href*="/${lesson}#"]`) })
      .first();
  }

  async expectHighlighted(result: ReturnType<SearchPage['results']>) {
    await expect(result.locator('mark').first()).toBeVisible();
  }
}
