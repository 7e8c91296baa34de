import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalog, transcriptHash } from '@/lib/content/catalog';
import { locales } from '@/lib/i18n/locales';
import { isFastStart, mp4Duration } from '../support/mp4';

const root = path.join(process.cwd(), 'content');
const catalog = readCatalog(root);
const course = catalog.courses.find((c) => c.slug === 'risoluzione-dei-conflitti')!;
const lessons = course?.lessons ?? [];

describe('the course', () => {
  it('has the five lessons of the design, in order', () => {
    expect(lessons.map((l) => l.slug)).toEqual([
      'classificazione-del-cliente',
      'livelli-di-contatto',
      'tipi-di-cliente',
      'orientamenti-del-cliente',
      'clienti-problematici-online',
    ]);
  });
  it.each(locales)('has its metadata in %s', (locale) => {
    const text = course.texts[locale];
    expect(text, `course.${locale}.mdx`).toBeDefined();
    expect(text!.outcomes.length).toBe(course.texts.it!.outcomes.length);
  });
});

describe.each(lessons.map((l) => [l.slug, l] as const))('lesson %s', (slug, lesson) => {
  const italian = lesson.texts.it!;

  it.each(locales)('exists in %s with the Italian paragraph ids, quiz, choices and key', (locale) => {
    const text = lesson.texts[locale];
    expect(text, `${slug}/${locale}.mdx is missing`).toBeDefined();
    expect(text!.paragraphs.map((p) => p.id)).toEqual(italian.paragraphs.map((p) => p.id));
    expect(text!.quiz.map((q) => [q.id, q.kind, q.choices.map((c) => c.id), [...q.answer].sort()])).toEqual(
      italian.quiz.map((q) => [q.id, q.kind, q.choices.map((c) => c.id), [...q.answer].sort()]),
    );
    expect(text!.takeaways.length).toBe(italian.takeaways.length);
  });

  it('has 8–20 paragraphs, 3–5 takeaways and a 4–6 question quiz with both kinds', () => {
    expect(italian.paragraphs.length).toBeGreaterThanOrEqual(8);
    expect(italian.paragraphs.length).toBeLessThanOrEqual(20);
    expect(italian.takeaways.length).toBeGreaterThanOrEqual(3);
    expect(italian.quiz.length).toBeGreaterThanOrEqual(4);
    expect(new Set(italian.quiz.map((q) => q.kind))).toEqual(new Set(['single', 'multiple']));
  });

  it('has answer keys that name existing choices', () => {
    for (const question of italian.quiz) {
      const ids = question.choices.map((c) => c.id);
      for (const answer of question.answer) expect(ids, `${question.id} → ${answer}`).toContain(answer);
    }
  });

  it('has its video (H.264 MP4, fast start, ≤ 4 MB) and poster', () => {
    const media = path.join(process.cwd(), 'public', 'media', course.slug, slug);
    expect(existsSync(path.join(media, 'poster.jpg')), 'poster.jpg').toBe(true);
    expect(existsSync(path.join(media, 'poster.webp')), 'poster.webp (npm run media:build)').toBe(true);
    const video = path.join(media, 'video.mp4');
    expect(existsSync(video), 'video.mp4').toBe(true);
    expect(statSync(video).size).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(isFastStart(video)).toBe(true);
  });

  it('has timings for the current transcript that cover every paragraph, back to back', () => {
    const { timings } = lesson;
    expect(timings.transcriptHash, 'transcript changed: run npm run media:build').toBe(transcriptHash(italian));
    expect(timings.paragraphs.map((p) => p.id)).toEqual(italian.paragraphs.map((p) => p.id));
    expect(timings.paragraphs[0]!.start).toBe(0);
    timings.paragraphs.forEach((p, i) => {
      expect(p.end).toBeGreaterThan(p.start);
      if (i > 0) expect(p.start).toBe(timings.paragraphs[i - 1]!.end);
    });
    expect(timings.paragraphs.at(-1)!.end).toBe(timings.duration);
  });

  it('has the duration of its actual video', () => {
    const video = path.join(process.cwd(), 'public', 'media', course.slug, slug, 'video.mp4');
    expect(Math.abs(mp4Duration(video) - lesson.timings.duration)).toBeLessThan(0.1);
  });
});
