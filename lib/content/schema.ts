import { z } from 'zod';

const text = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case ASCII');

export const quizQuestionSchema = z
  .object({
    id,
    kind: z.enum(['single', 'multiple']),
    prompt: text,
    choices: z.array(z.object({ id, text })).min(3).max(5),
    answer: z.array(id).min(1),
    explanation: text,
  })
  .superRefine((question, ctx) => {
    const choiceIds = question.choices.map((choice) => choice.id);
    if (new Set(choiceIds).size !== choiceIds.length) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'choice ids must be unique' });
    }
    for (const answer of question.answer) {
      if (!choiceIds.includes(answer)) {
        ctx.addIssue({ code: 'custom', path: ['answer'], message: `names choice "${answer}", which does not exist` });
      }
    }
    if (question.kind === 'single' && question.answer.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'a single-choice question has exactly one answer' });
    }
    if (question.kind === 'multiple' && question.answer.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'a multiple-choice question has two answers or more' });
    }
  });

export const lessonFrontmatterSchema = z.object({
  title: text,
  description: text,
  order: z.number().int().min(1),
  quiz: z
    .array(quizQuestionSchema)
    .min(4)
    .max(6)
    .refine((quiz) => new Set(quiz.map((q) => q.id)).size === quiz.length, 'question ids must be unique'),
});

export const courseFrontmatterSchema = z.object({
  title: text,
  description: text,
  outcomes: z.array(text).min(3).max(8),
});

export const timingsSchema = z.object({
  transcriptHash: z.string(),
  duration: z.number().positive(),
  paragraphs: z.array(z.object({ id, start: z.number().min(0), end: z.number().positive() })).min(1),
});

export const paragraphIdSchema = id;
