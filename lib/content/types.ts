import type { z } from 'zod';
import type { Locale } from '@/lib/i18n/locales';
import type { quizQuestionSchema, timingsSchema } from './schema';

export type QuizQuestionWithKey = z.infer<typeof quizQuestionSchema>;
/** What the page gets: the question without its key, nor the explanation that would give it away. */
export type QuizQuestion = Omit<QuizQuestionWithKey, 'answer' | 'explanation'>;
export type Timings = z.infer<typeof timingsSchema>;

export type Paragraph = { id: string; keyPoint: string; text: string; start: number; end: number };

export type LessonText = {
  title: string;
  description: string;
  /** `text` is the plain words (captions, search); `markdown` the paragraph as the file writes it. */
  paragraphs: (Omit<Paragraph, 'start' | 'end'> & { markdown: string })[];
  summary: string[];
  /** The summary's paragraphs as the file writes them. */
  summaryMarkdown: string[];
  takeaways: string[];
  quiz: QuizQuestionWithKey[];
};

export type LessonMedia = {
  video: string;
  /** What the player shows before playing (WebP, preloaded: the page's largest paint). */
  poster: string;
  /** The same picture as JPEG, for link previews (og:image), which not every reader of WebP is. */
  sharePoster: string;
  captions: { locale: Locale; url: string }[];
};

export type Lesson = {
  course: string;
  slug: string;
  order: number;
  /** Seconds, from the video. */
  duration: number;
  locale: Locale;
  /** The locale the text is in: differs from `locale` when it fell back to Italian. */
  textLocale: Locale;
  title: string;
  description: string;
  paragraphs: Paragraph[];
  summary: string[];
  takeaways: string[];
  quiz: QuizQuestion[];
  media: LessonMedia;
};

export type LessonSummary = Pick<Lesson, 'course' | 'slug' | 'order' | 'duration' | 'title' | 'description'>;

export type Course = {
  slug: string;
  locale: Locale;
  title: string;
  description: string;
  outcomes: string[];
  introduction: string[];
  lessons: LessonSummary[];
  duration: number;
};
