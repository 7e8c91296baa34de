import type { z } from 'zod';
import { ContentError, parseMdx } from './parse-mdx';
import { courseFrontmatterSchema, lessonFrontmatterSchema, paragraphIdSchema } from './schema';
import type { LessonText } from './types';

function describe(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  return { field: issue?.path.join('.') || 'frontmatter', message: issue?.message ?? 'invalid' };
}

function frontmatter<S extends z.ZodType>(schema: S, value: unknown, file: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const { field, message } = describe(parsed.error);
    throw new ContentError(file, field, message);
  }
  return parsed.data;
}

export type LessonFile = LessonText & { order: number };

/** Reads one lesson file; every problem is reported with the file and the field. */
export function readLessonFile(source: string, file: string): LessonFile {
  const parsed = parseMdx(source, file);
  const meta = frontmatter(lessonFrontmatterSchema, parsed.frontmatter, file);
  if (parsed.prose.length > 0) throw new ContentError(file, 'body', 'text outside <Paragraph>, <Summary> or <Takeaways>');

  const paragraphs: LessonText['paragraphs'] = [];
  let summary: string[] | undefined;
  let summaryMarkdown: string[] = [];
  let takeaways: string[] | undefined;
  for (const element of parsed.elements) {
    const where = `<${element.name}> at line ${element.line}`;
    if (element.name === 'Paragraph') {
      const { id = '', keyPoint = '' } = element.attributes;
      if (!paragraphIdSchema.safeParse(id).success) throw new ContentError(file, `${where} id`, `"${id}" must be kebab-case ASCII`);
      if (paragraphs.some((p) => p.id === id)) throw new ContentError(file, `${where} id`, `"${id}" is used twice`);
      if (!keyPoint.trim() || keyPoint.length > 60) throw new ContentError(file, `${where} keyPoint`, 'required, at most 60 characters');
      const text = element.text;
      if (!text) throw new ContentError(file, where, 'is empty');
      paragraphs.push({ id, keyPoint: keyPoint.trim(), text, markdown: element.markdown.join(' ') });
    } else if (element.name === 'Summary') {
      summary = element.paragraphs;
      summaryMarkdown = element.markdown;
    } else if (element.name === 'Takeaways') {
      takeaways = element.items;
    } else {
      throw new ContentError(file, where, 'unknown element');
    }
  }
  if (paragraphs.length < 8 || paragraphs.length > 20) {
    throw new ContentError(file, 'Paragraph', `has ${paragraphs.length} paragraphs; 8–20 expected`);
  }
  if (!summary || summary.length < 1 || summary.length > 4) throw new ContentError(file, 'Summary', '1–4 paragraphs expected');
  if (!takeaways || takeaways.length < 3 || takeaways.length > 5) throw new ContentError(file, 'Takeaways', '3–5 list items expected');
  return { title: meta.title, description: meta.description, order: meta.order, quiz: meta.quiz, paragraphs, summary, summaryMarkdown, takeaways };
}

export type CourseFile = z.infer<typeof courseFrontmatterSchema> & { introduction: string[] };

export function readCourseFile(source: string, file: string): CourseFile {
  const parsed = parseMdx(source, file);
  const meta = frontmatter(courseFrontmatterSchema, parsed.frontmatter, file);
  if (parsed.elements.length > 0) throw new ContentError(file, 'body', 'plain paragraphs only');
  if (parsed.prose.length === 0) throw new ContentError(file, 'body', 'an introduction is required');
  return { ...meta, introduction: parsed.prose };
}
