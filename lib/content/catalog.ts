import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultLocale, locales, type Locale } from '@/lib/i18n/locales';
import { ContentError } from './parse-mdx';
import { readCourseFile, readLessonFile, type CourseFile, type LessonFile } from './read-lesson';
import { timingsSchema } from './schema';
import type { Timings } from './types';

export type LessonEntry = {
  slug: string;
  dir: string;
  order: number;
  texts: Partial<Record<Locale, LessonFile>>;
  timings: Timings;
  /** Changes when the video changes; appended to media URLs for caching. */
  mediaVersion: string;
};

export type CourseEntry = {
  slug: string;
  texts: Partial<Record<Locale, CourseFile>>;
  lessons: LessonEntry[];
};

export type Catalog = { root: string; courses: CourseEntry[] };

/** What the narrator reads: the hash that tells the media script a lesson changed. */
export function transcriptHash(text: Pick<LessonFile, 'title' | 'paragraphs'>): string {
  const spoken = [text.title, ...text.paragraphs.map((p) => `${p.id}\n${p.keyPoint}\n${p.text}`)].join('\n\n');
  return createHash('sha256').update(spoken).digest('hex').slice(0, 16);
}

function assertSameShape(reference: LessonFile, other: LessonFile, file: string): void {
  const ids = (list: { id: string }[]) => list.map((item) => item.id).join(',');
  if (ids(reference.paragraphs) !== ids(other.paragraphs)) {
    throw new ContentError(file, 'Paragraph ids', `differ from the Italian (${ids(reference.paragraphs)})`);
  }
  if (reference.order !== other.order) throw new ContentError(file, 'order', `differs from the Italian (${reference.order})`);
  if (ids(reference.quiz) !== ids(other.quiz)) throw new ContentError(file, 'quiz', 'question ids differ from the Italian');
  reference.quiz.forEach((question, index) => {
    const mine = other.quiz[index]!;
    if (mine.kind !== question.kind) throw new ContentError(file, `quiz.${index}.kind`, 'differs from the Italian');
    if (ids(mine.choices) !== ids(question.choices)) throw new ContentError(file, `quiz.${index}.choices`, 'choice ids differ from the Italian');
    if ([...mine.answer].sort().join() !== [...question.answer].sort().join()) {
      throw new ContentError(file, `quiz.${index}.answer`, 'differs from the Italian');
    }
  });
}

function readTimings(file: string, italian: LessonFile): Timings {
  if (!existsSync(file)) throw new ContentError(file, 'timings', 'missing: run `npm run media:build`');
  const parsed = timingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new ContentError(file, parsed.error.issues[0]?.path.join('.') ?? 'timings', parsed.error.issues[0]?.message ?? 'invalid');
  const timings = parsed.data;
  const expected = italian.paragraphs.map((p) => p.id).join(',');
  if (timings.paragraphs.map((p) => p.id).join(',') !== expected) {
    throw new ContentError(file, 'paragraphs', 'do not match the transcript paragraphs: run `npm run media:build`');
  }
  return timings;
}

function readLesson(courseDir: string, slug: string): LessonEntry {
  const dir = path.join(courseDir, slug);
  const texts: LessonEntry['texts'] = {};
  for (const locale of locales) {
    const file = path.join(dir, `${locale}.mdx`);
    if (existsSync(file)) texts[locale] = readLessonFile(readFileSync(file, 'utf8'), file);
  }
  const italian = texts[defaultLocale];
  if (!italian) throw new ContentError(path.join(dir, `${defaultLocale}.mdx`), 'file', 'the Italian original is required');
  for (const locale of locales) {
    const text = texts[locale];
    if (text && locale !== defaultLocale) assertSameShape(italian, text, path.join(dir, `${locale}.mdx`));
  }
  const timings = readTimings(path.join(dir, 'timings.json'), italian);
  return { slug, dir, order: italian.order, texts, timings, mediaVersion: timings.transcriptHash.slice(0, 8) };
}

function readCourse(root: string, slug: string): CourseEntry {
  const courseDir = path.join(root, slug);
  const texts: CourseEntry['texts'] = {};
  for (const locale of locales) {
    const file = path.join(courseDir, `course.${locale}.mdx`);
    if (existsSync(file)) texts[locale] = readCourseFile(readFileSync(file, 'utf8'), file);
  }
  if (!texts[defaultLocale]) throw new ContentError(path.join(courseDir, `course.${defaultLocale}.mdx`), 'file', 'required');
  const lessons = readdirSync(courseDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readLesson(courseDir, entry.name))
    .sort((a, b) => a.order - b.order);
  lessons.forEach((lesson, index) => {
    if (lesson.order !== index + 1) {
      throw new ContentError(path.join(lesson.dir, 'it.mdx'), 'order', `expected ${index + 1} (orders must run 1..N)`);
    }
  });
  return { slug, texts, lessons };
}

/** Reads and validates every course under `root`. Throws a ContentError naming file and field. */
export function readCatalog(root: string): Catalog {
  const courses = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readCourse(root, entry.name));
  return { root, courses };
}
