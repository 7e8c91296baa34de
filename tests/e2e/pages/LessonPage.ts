import { expect, type Page } from '@playwright/test';

export const course = 'risoluzione-dei-conflitti';

/** The lesson page: video, transcript, quiz, as a visitor uses them. */
export class LessonPage {
  constructor(
    readonly page: Page,
    readonly locale: string,
    readonly lesson: string,
  ) {}

  get path() {
    return `/${this.locale}/courses/${course}/${this.lesson}`;
  }

  async open(hash = '') {
    const response = await this.page.goto(`${this.path}${hash}`);
    expect(response?.status()).toBe(200);
    // Media requests come and go, so "network idle" is not a signal: wait for the player instead.
    await this.page.waitForLoadState('load');
    await expect.poll(() => this.video().evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  }

  video() {
    return this.page.getByTestId('lesson-video');
  }

  paragraphs() {
    return this.page.getByTestId('transcript').locator('li');
  }

  paragraph(id: string) {
    return this.page.locator(`li[data-paragraph="${id}"]`);
  }

  currentTime() {
    return this.video().evaluate((v: HTMLVideoElement) => v.currentTime);
  }

  async playFrom(seconds: number) {
    await this.video().evaluate(async (v: HTMLVideoElement, at) => {
      v.muted = true;
      v.currentTime = at;
      await v.play();
    }, seconds);
  }

  /** Plays from where the video is, muted, at the fastest speed the server credits (2×). */
  async playFast() {
    await this.video().evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      v.playbackRate = 2;
      await v.play();
    });
  }

  question(id: string) {
    return this.page.locator(`[data-question="${id}"]`);
  }

  async answer(id: string, choices: string[]) {
    for (const choice of choices) await this.question(id).locator(`input[value="${choice}"]`).check();
  }

  async submitQuiz() {
    await this.page.locator('form.quiz button[type=submit]').click();
  }
}
