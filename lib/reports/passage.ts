import 'server-only';
import { getFileText, textLocaleOf, type Lesson, type Paragraph } from '@/lib/content';
import { spanAt } from '@/lib/content/transcript-timing';
import { summaryToText } from '@/lib/corrections/text';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import type { Report } from './types';

type Pointer = Pick<Report, 'target' | 'targetId' | 'videoTime'>;

/** The paragraph being spoken at a video report's time. */
export function spokenParagraph(report: Pointer, lesson: Lesson | undefined): Paragraph | undefined {
  return report.videoTime === null || !lesson ? undefined : spanAt(lesson.paragraphs, report.videoTime);
}

/** The text a report points at, as a lesson view shows it: a paragraph, the summary, a quiz question, or what was spoken. */
export function reportedText(report: Pointer, lesson: Lesson | undefined): string | undefined {
  if (!lesson) return undefined;
  if (report.target === 'paragraph') return lesson.paragraphs.find((p) => p.id === report.targetId)?.text;
  if (report.target === 'summary') return summaryToText(lesson.summary);
  if (report.target === 'quiz') {
    const question = lesson.quiz.find((q) => q.id === report.targetId);
    return question && [question.prompt, ...question.choices.map((c) => `${c.id}) ${c.text}`)].join('\n');
  }
  if (report.target === 'video') return spokenParagraph(report, lesson)?.text;
  return undefined;
}

/** Paragraph and summary reports can be corrected live; the others are fixed in the files. */
export function isCorrectable(report: Pick<Report, 'target'>): boolean {
  return report.target === 'paragraph' || report.target === 'summary';
}

export type CorrectablePassage = { textLocale: Locale; target: 'paragraph' | 'summary'; targetId: string; originalText: string };

/** A paragraph or summary report's passage as the file has it (what a correction is made over), in the text's locale. */
export function correctablePassage(report: Pick<Report, 'course' | 'lesson' | 'locale' | 'target' | 'targetId'>): CorrectablePassage | undefined {
  if (!isLocale(report.locale) || !isCorrectable(report)) return undefined;
  const textLocale = textLocaleOf(report.course, report.lesson, report.locale);
  const file = textLocale && getFileText(report.course, report.lesson, textLocale);
  if (!textLocale || !file) return undefined;
  if (report.target === 'summary') return { textLocale, target: 'summary', targetId: '', originalText: summaryToText(file.summary) };
  const paragraph = file.paragraphs.find((p) => p.id === report.targetId);
  return paragraph && { textLocale, target: 'paragraph', targetId: paragraph.id, originalText: paragraph.text };
}
