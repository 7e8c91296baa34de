import path from 'node:path';
import { readCatalog } from '../../../lib/content/catalog';

// The tests read the same content files the app does, to know titles, ids and the quiz key.
export const catalog = readCatalog(path.join(process.cwd(), 'content'));
export const lessons = catalog.courses[0]!.lessons;
export const lessonOf = (slug: string) => lessons.find((lesson) => lesson.slug === slug)!;
