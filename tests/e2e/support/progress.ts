import type { APIRequestContext, Page } from '@playwright/test';
import { AuthPages, uniqueEmail } from '../pages/AuthPages';
import { course } from '../pages/LessonPage';

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
