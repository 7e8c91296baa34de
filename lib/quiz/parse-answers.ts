import type { QuizQuestion } from '@/lib/content/types';

export type Answers = Record<string, string[]>;

export type RefusalReason = 'unknownField' | 'unknownChoice' | 'repeated' | 'tooMany';

/** The answers of a well-formed post, and the numbers (1-based) of the questions left unanswered. */
export type ParsedAnswers = { ok: true; answers: Answers; missing: number[] } | { ok: false; reason: RefusalReason };

/** The form's own hidden fields. */
const formFields = new Set(['course', 'lesson', 'locale']);
/** Next's fields in a post made without JavaScript: $ACTION_ID_…, or $ACTION_REF_…, $ACTION_KEY and $ACTION_1:0, $ACTION_1:1. */
const frameworkPrefix = '$ACTION_';
const frameworkFieldsMax = 6;

/** The most entries an honest post can have: the hidden fields and every choice of every multiple-choice question. */
export function maxEntries(quiz: QuizQuestion[]): number {
  return formFields.size + frameworkFieldsMax + quiz.reduce((sum, question) => sum + (question.kind === 'single' ? 1 : question.choices.length), 0);
}

/**
 * Reads a quiz post strictly: only `q:<id of a question of this quiz>` with a
 * choice id of that question (one for a single-choice question, each at most
 * once), plus the hidden fields. Anything else refuses the whole post. It stops
 * at the first entry past what an honest post can hold, and what it builds is
 * made of the quiz's own ids, never of the post's strings.
 */
export function parseAnswers(quiz: QuizQuestion[], entries: Iterable<[string, unknown]>): ParsedAnswers {
  const questions = new Map(quiz.map((question) => [question.id, question]));
  const chosen = new Map<string, Set<string>>();
  const limit = maxEntries(quiz);
  let count = 0;
  for (const [name, value] of entries) {
    if (++count > limit) return { ok: false, reason: 'tooMany' };
    if (formFields.has(name) || name.startsWith(frameworkPrefix)) continue;
    const question = name.startsWith('q:') ? questions.get(name.slice(2)) : undefined;
    if (!question) return { ok: false, reason: 'unknownField' };
    const choice = question.choices.find((c) => c.id === value);
    if (!choice) return { ok: false, reason: 'unknownChoice' };
    const set = chosen.get(question.id) ?? new Set<string>();
    if (set.has(choice.id) || (question.kind === 'single' && set.size > 0)) return { ok: false, reason: 'repeated' };
    chosen.set(question.id, set.add(choice.id));
  }
  const answers: Answers = {};
  const missing: number[] = [];
  quiz.forEach((question, index) => {
    const set = chosen.get(question.id);
    if (set) answers[question.id] = question.choices.filter((c) => set.has(c.id)).map((c) => c.id);
    else missing.push(index + 1);
  });
  return { ok: true, answers, missing };
}
