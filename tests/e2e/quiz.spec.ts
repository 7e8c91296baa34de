import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import fr from '../../messages/fr.json';
import { AuthPages, uniqueEmail } from './pages/AuthPages';
import type { QuizQuestionWithKey } from '../../lib/content/types';
import { course, LessonPage, quizFormFields } from './pages/LessonPage';
import { lessonOf } from './support/content';
import { e2e } from './support/env';

// The quiz teaches without leaking: your answers right or wrong, the key only after a pass,
// attempts limited, and posts made by hand get nothing more than the form would.

type Question = QuizQuestionWithKey;

let addresses = 0;
/** Each test its own client address, so the per-address limit of anonymous visitors is per test. */
const freshAddress = () => `10.${(process.pid % 250) + 1}.${Date.now() % 250}.${++addresses}`;
const wrongChoices = (question: Question) => [question.choices.find((choice) => !question.answer.includes(choice.id))!.id];

async function signUp(page: Page, locale = 'en', name = 'Quiz Taker') {
  const auth = new AuthPages(page);
  await auth.register(locale, { name, email: uniqueEmail('quiz'), password: 'answers of my own' });
  await auth.expectSignedInAs(name);
}

/** Posts the quiz form by hand, as an attacker does: the server's own hidden fields plus whatever we like. */
async function postQuiz(request: APIRequestContext, path: string, hidden: [string, string][], fields: [string, string][], ip: string) {
  const form = new FormData();
  for (const [name, value] of [...hidden, ...fields]) form.append(name, value);
  const response = await request.post(path, { multipart: form, headers: { 'x-forwarded-for': ip, origin: e2e.baseURL }, failOnStatusCode: false });
  return { status: response.status(), body: await response.text() };
}

/** What a response must never hold before a pass: the key's marks, the key as data, an explanation of a missed question. */
function expectNoKey(body: string, missed: Question[]) {
  expect(body).not.toContain('"answer"');
  expect(body).not.toContain('tag--answer');
  expect(body).not.toContain('is-answer');
  for (const question of missed) expect(body).not.toContain(question.explanation.slice(0, 80));
}

test.describe('the quiz posted by hand, without JavaScript, on the production build', () => {
  const lesson = lessonOf('tipi-di-cliente');
  const quiz = lesson.texts.en!.quiz;

  test('a made-up field, or every answer wrong, returns no key and no explanation of a missed question', async ({ browser }) => {
    const ip = freshAddress();
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': ip } });
    const page = await context.newPage();
    const view = new LessonPage(page, 'en', lesson.slug);
    await page.goto(view.path);
    const hidden = await quizFormFields(page);
    expect(hidden.map(([name]) => name)).toEqual(expect.arrayContaining(['course', 'lesson', 'locale']));
    expect(hidden.some(([name]) => name.startsWith('$ACTION_'))).toBe(true);

    const dummy = await postQuiz(page.request, view.path, hidden, [['q:zzz', 'x']], ip);
    expect(dummy.status).toBe(200);
    expectNoKey(dummy.body, quiz);
    expect(dummy.body).toContain('These answers do not match the quiz on this page.');

    const allWrong = await postQuiz(page.request, view.path, hidden, quiz.map((q) => [`q:${q.id}`, wrongChoices(q)[0]!] as [string, string]), ip);
    expect(allWrong.status).toBe(200);
    expectNoKey(allWrong.body, quiz);
    expect(allWrong.body).toContain(`You answered 0 of ${quiz.length} questions correctly`);

    // The same post, one question right: its explanation is shown, the others' are not.
    const oneRight = quiz.map((q, i) => [`q:${q.id}`, (i === 0 ? q.answer : wrongChoices(q))[0]!] as [string, string]);
    const partly = await postQuiz(page.request, view.path, hidden, oneRight, ip);
    expect(partly.body).toContain(quiz[0]!.explanation.slice(0, 80));
    expectNoKey(partly.body, quiz.slice(1));
    await context.close();
  });

  test('4,000 made-up keys are refused and store nothing, nor use an attempt', async ({ browser, page }) => {
    await signUp(page);
    const ip = freshAddress();
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    const noScript = await context.newPage();
    const view = new LessonPage(noScript, 'en', lesson.slug);
    await noScript.goto(view.path);
    const hidden = await quizFormFields(noScript);
    const right = quiz.flatMap((q) => q.answer.map((choice) => [`q:${q.id}`, choice] as [string, string]));
    const flood = (n: number) => Array.from({ length: n }, (_, i) => [`q:k${i}`, 'x'] as [string, string]);

    // 4,000 made-up keys are over the body limit of a form post: refused before the action runs.
    const tooBig = await postQuiz(noScript.request, view.path, hidden, [...right, ...flood(4000)], ip);
    expect(tooBig.status).toBe(413);
    expectNoKey(tooBig.body, quiz);
    // Fewer, within the limit: the quiz itself refuses them.
    const refused = await postQuiz(noScript.request, view.path, hidden, [...right, ...flood(300)], ip);
    expect(refused.status).toBe(200);
    expect(refused.body).toContain('These answers do not match the quiz on this page.');
    expectNoKey(refused.body, quiz);
    const progress = await (await page.request.get(`/api/progress?course=${course}`)).json();
    expect(progress.lessons.find((l: { lesson: string }) => l.lesson === lesson.slug)).toMatchObject({ quizBest: null, quizPassed: false });

    // The honest post that follows is this learner's first attempt.
    const honest = await postQuiz(noScript.request, view.path, hidden, right, ip);
    expect(honest.body).toContain(`You answered ${quiz.length} of ${quiz.length} questions correctly`);
    expect(honest.body).toContain('Attempts left for now: 2.');
    await context.close();
  });
});

test.describe('a learner taking the quiz', () => {
  test('fails and sees which answers were wrong without the key; passes and sees every explanation and the correct choices', async ({ page }) => {
    test.setTimeout(120_000);
    await signUp(page);
    const lesson = lessonOf('orientamenti-del-cliente');
    const quiz = lesson.texts.en!.quiz;
    const view = new LessonPage(page, 'en', lesson.slug);
    await view.open();
    const [hits, misses] = [quiz.slice(0, 2), quiz.slice(2)];
    for (const question of hits) await view.setAnswer(question.id, question.answer);
    for (const question of misses) await view.setAnswer(question.id, wrongChoices(question));
    await view.submitQuiz();

    await expect(page.getByTestId('quiz-score')).toHaveText(`You answered 2 of ${quiz.length} questions correctly (40%).`);
    await expect(view.quizResult()).toContainText('You need at least 70% to pass.');
    await expect(view.quizResult()).toContainText('Attempts left for now: 2.');
    for (const question of hits) {
      await expect(view.question(question.id)).toContainText('Your answer is right');
      await expect(view.question(question.id)).toContainText(question.explanation);
    }
    for (const question of misses) {
      await expect(view.question(question.id)).toContainText('Your answer is wrong');
      await expect(view.mine(question.id)).toHaveText(new RegExp(`${escape(question.choices.find((c) => c.id === wrongChoices(question)[0])!.text)}\\s*Your answer`));
      await expect(view.question(question.id)).not.toContainText(question.explanation);
    }
    await expect(view.markedCorrect()).toHaveCount(0);
    expect(await page.content()).not.toContain(misses[0]!.explanation);
    await expectNoAxeViolations(page);

    // Try again: the last answers are still there; fix the wrong ones.
    await view.retryQuiz().click();
    await expect(view.question(hits[0]!.id).locator(`input[value="${hits[0]!.answer[0]}"]`)).toBeChecked();
    for (const question of misses) await view.setAnswer(question.id, question.answer);
    await view.submitQuiz();

    await expect(page.getByTestId('quiz-score')).toHaveText(`You answered ${quiz.length} of ${quiz.length} questions correctly (100%).`);
    await expect(view.quizResult()).toContainText('Quiz passed!');
    await expect(view.quizResult()).toContainText('Below are the correct answers and the explanations for every question.');
    await expect(view.quizResult()).toContainText('Attempts left for now: 1.');
    for (const question of quiz) {
      await expect(view.question(question.id)).toContainText(question.explanation);
      const correct = question.choices.filter((c) => question.answer.includes(c.id)).map((c) => c.text);
      await expect(view.markedCorrect(question.id)).toHaveCount(correct.length);
      for (const text of correct) await expect(view.markedCorrect(question.id).filter({ hasText: text })).toContainText('Correct answer');
    }
    await expect(page.getByTestId('lesson-status')).toBeAttached();
    await expectNoAxeViolations(page);
  });

  test('unanswered questions are named; the answers given stay; nothing is counted', async ({ page }) => {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': freshAddress() });
    const lesson = lessonOf('livelli-di-contatto');
    const quiz = lesson.texts.it!.quiz;
    const view = new LessonPage(page, 'it', lesson.slug);
    await view.open();
    await view.submitQuiz();
    await expect(view.quizError()).toHaveText(`Rispondi a tutte le domande: mancano le risposte alle domande ${quiz.map((_, i) => i + 1).join(', ').replace(/, (\d+)$/, ' e $1')}.`);
    await view.setAnswer(quiz[0]!.id, quiz[0]!.answer);
    await view.setAnswer(quiz[2]!.id, quiz[2]!.answer);
    for (const question of quiz.slice(4)) await view.setAnswer(question.id, question.answer);
    await view.submitQuiz();
    await expect(view.quizError()).toHaveText('Rispondi a tutte le domande: mancano le risposte alle domande 2 e 4.');
    await expect(view.question(quiz[1]!.id)).toHaveClass(/is-missing/);
    await expect(view.question(quiz[0]!.id).locator(`input[value="${quiz[0]!.answer[0]}"]`)).toBeChecked();
    for (const question of [quiz[1]!, quiz[3]!]) await view.setAnswer(question.id, question.answer);
    await view.submitQuiz();
    await expect(view.quizResult()).toContainText('Quiz superato!');
    // The two refused posts did not count: this was the first of ten attempts for this address.
    await expect(view.quizResult()).toContainText('Tentativi rimasti per ora: 9.');
    await expect(view.quizResult()).toContainText('Non hai effettuato l’accesso: il risultato non viene salvato.');
  });

  test('at the attempt limit a learner sees when to try again, in French', async ({ page }) => {
    test.setTimeout(120_000);
    await signUp(page, 'fr', 'Camille Essai');
    const lesson = lessonOf('clienti-problematici-online');
    const quiz = lesson.texts.fr!.quiz;
    const view = new LessonPage(page, 'fr', lesson.slug);
    await view.open();
    const whenAgain = /le (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} [\p{L}é.]+ à \d{1,2}:\d{2}/u;
    for (let attempt = 1; attempt <= 3; attempt++) {
      for (const question of quiz) await view.setAnswer(question.id, wrongChoices(question));
      await view.submitQuiz();
      await expect(page.getByTestId('quiz-score')).toHaveText(`Vous avez répondu correctement à 0 question sur ${quiz.length} (0 %).`);
      if (attempt < 3) {
        await expect(view.quizResult()).toContainText(`Essais restants pour le moment : ${3 - attempt}.`);
        await view.retryQuiz().click();
      }
    }
    await expect(view.quizResult()).toContainText('Vous avez utilisé tous vos essais pour le moment : vous pourrez réessayer');
    await expect(view.quizResult()).toContainText(whenAgain);
    await expect(view.quiz().getByRole('link', { name: fr.quiz.retry })).toHaveCount(0);

    // A fourth post (the page reloaded): not graded, with the same time.
    await view.open();
    for (const question of quiz) await view.setAnswer(question.id, question.answer);
    await view.submitQuiz();
    await expect(view.quizError()).toContainText('Vous avez utilisé tous vos essais pour le moment : ces réponses n’ont donc pas été corrigées.');
    await expect(view.quizError()).toContainText(whenAgain);
    await expect(page.getByTestId('quiz-score')).toHaveCount(0);
    await expect(view.markedCorrect()).toHaveCount(0);
    await expect(view.question(quiz[0]!.id).locator(`input[value="${quiz[0]!.answer[0]}"]`)).toBeChecked();
  });
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('form.quiz').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
