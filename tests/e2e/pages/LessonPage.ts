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

  async pause() {
    await this.video().evaluate((v: HTMLVideoElement) => v.pause());
  }

  /** Seconds the browser itself says were played (its `played` ranges). */
  playedSeconds() {
    return this.video().evaluate((v: HTMLVideoElement) => Array.from({ length: v.played.length }, (_, i) => v.played.end(i) - v.played.start(i)).reduce((a, b) => a + b, 0));
  }

  /** From now on, notes every time the video is moved after it has played (a jump the learner would see). */
  async watchForJumps() {
    await this.video().evaluate((v: HTMLVideoElement) => {
      v.dataset.jumps = '[]';
      v.addEventListener('seeking', () => {
        if (v.played.length > 0) v.dataset.jumps = JSON.stringify([...JSON.parse(v.dataset.jumps!), Math.round(v.currentTime)]);
      });
    });
  }

  async jumps(): Promise<number[]> {
    return JSON.parse((await this.video().getAttribute('data-jumps')) ?? '[]');
  }

  /** The watched intervals this browser keeps until the server acknowledges them (localStorage). */
  storedUnsent() {
    return this.page.evaluate(() =>
      Object.keys(localStorage)
        .filter((key) => key.startsWith('aula.pending.v1:'))
        .map((key) => JSON.parse(localStorage.getItem(key)!).intervals as [number, number][]),
    );
  }

  question(id: string) {
    return this.page.locator(`[data-question="${id}"]`);
  }

  async answer(id: string, choices: string[]) {
    for (const choice of choices) await this.question(id).locator(`input[value="${choice}"]`).check();
  }

  /** Sets a question's choices to exactly these (unchecking the others). */
  async setAnswer(id: string, choices: string[]) {
    const inputs = await this.question(id)
      .locator('input')
      .evaluateAll((elements) => elements.map((element) => [(element as HTMLInputElement).value, (element as HTMLInputElement).type]));
    for (const [value, type] of inputs) {
      const wanted = choices.includes(value!);
      // A radio is unchecked by checking another one.
      if (wanted || type === 'checkbox') await this.question(id).locator(`input[value="${value}"]`).setChecked(wanted);
    }
  }

  async submitQuiz() {
    await this.page.locator('form.quiz button[type=submit]').click();
  }

  quiz() {
    return this.page.locator('form.quiz');
  }

  /** The notice above the questions: a refused post, unanswered questions, the attempt limit. */
  quizError() {
    return this.quiz().locator(':scope > .notice--error');
  }

  /** The notice after a graded attempt (score, attempts left, when to come back). */
  quizResult() {
    return this.quiz().locator('[aria-live] .notice');
  }

  /** The choices marked as the learner's own, and those marked as the correct ones, in a question. */
  mine(id: string) {
    return this.question(id).locator('.choice.is-mine');
  }

  markedCorrect(id?: string) {
    return (id ? this.question(id) : this.quiz()).locator('.choice.is-answer');
  }

  retryQuiz() {
    return this.quiz().locator('a.button', { hasText: /./ });
  }
}

/** The quiz form's hidden fields as the server rendered them (course, lesson, locale and Next's `$ACTION_…` fields). */
export async function quizFormFields(page: Page): Promise<[string, string][]> {
  return page.locator('form.quiz input[type=hidden]').evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value] as [string, string]));
}
