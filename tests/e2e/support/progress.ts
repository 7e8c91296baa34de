import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { AuthPages, uniqueEmail } from '../pages/AuthPages';
import { course, LessonPage } from '../pages/LessonPage';
import { advanceServerClock } from './clock';
import { lessons } from './content';

export async function signUpLearner(page: Page, name = 'Learner Lu') {
  await new AuthPages(page).register('en', { name, email: uniqueEmail('progress'), password: 'steady progress words' });
  await new AuthPages(page).expectSignedInAs(name);
}

export function heartbeat(request: APIRequestContext, data: unknown, headers: Record<string, string> = {}) {
  return request.post('/api/progress', { data, headers, failOnStatusCode: false });
}

/** What the server has for the signed-in learner in one lesson (GET /api/progress). */
export async function lessonProgress(request: APIRequestContext, lesson: string): Promise<{ watchedPercent: number; position: number }> {
  const body = await (await request.get(`/api/progress?course=${course}`)).json();
  return body.lessons.find((l: { lesson: string }) => l.lesson === lesson);
}

/**
 * Completes the whole course as the signed-in learner: every video watched
 * through the player's heartbeats (the server clock fast-forwarded 30 s a beat)
 * and every quiz passed through the page. Returns the certificate's path.
 */
export async function completeCourse(page: Page): Promise<string> {
  for (const item of lessons) {
    const duration = item.timings.duration;
    for (let at = 0; at < duration; at += 60) {
      advanceServerClock(30);
      const response = await heartbeat(page.request, { course, lesson: item.slug, intervals: [[at, Math.min(duration, at + 60)]], position: Math.min(duration, at + 60) });
      if (response.status() !== 200) throw new Error(`heartbeat answered ${response.status()}`);
    }
    const view = new LessonPage(page, 'en', item.slug);
    await view.open();
    for (const question of item.texts.en!.quiz) await view.answer(question.id, question.answer);
    await view.submitQuiz();
    await expect(page.getByTestId('quiz-score')).toContainText('(100%)');
  }
  const status = await (await page.request.get(`/api/progress?course=${course}`)).json();
  return status.certificate.url as string;
}
