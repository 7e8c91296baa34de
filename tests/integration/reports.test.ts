import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { activeOverrides, applyCorrection, overrideHistory, revertOverride } from '@/db/corrections';
import { rebuildSearchIndex } from '@/lib/search/indexer';
import { search } from '@/lib/search/search';
import { changeReportStatus, countReportsByStatus, findReport, insertReport, listReportEvents, listReports, listReportsOf } from '@/db/reports';
import { insertUser } from '@/db/users';
import { getLiveLesson as getLesson } from '@/lib/corrections';
import { exportOverride } from '@/lib/reports/export';
import { applyOverrides, summaryToText, textToSummary } from '@/lib/corrections/text';
import { canTransition, manualStatuses, nextStatuses } from '@/lib/reports/status';
import { isSpam, parseWhere, reportSchema, whereValue } from '@/lib/reports/validation';
import { lessonSource } from '../fixtures/lesson-source';

const valid = { locale: 'en', course: 'c', lesson: 'l', where: 'paragraph:p-1', message: 'The second sentence is wrong.', suggestion: '', email: '', website: '' };
const firstIssue = (input: Record<string, unknown>) => {
  const parsed = reportSchema.safeParse(input);
  return parsed.success ? undefined : { field: String(parsed.error.issues[0]!.path[0]), message: parsed.error.issues[0]!.message };
};

describe('report status transitions', () => {
  it('follows new → in review → accepted / rejected → applied', () => {
    expect(canTransition('new', 'in_review')).toBe(true);
    expect(canTransition('in_review', 'accepted')).toBe(true);
    expect(canTransition('in_review', 'rejected')).toBe(true);
    expect(canTransition('accepted', 'applied')).toBe(true);
  });
  it('reopens rejected and accepted reports, and reverting puts applied back to accepted', () => {
    expect(canTransition('rejected', 'in_review')).toBe(true);
    expect(canTransition('accepted', 'in_review')).toBe(true);
    expect(canTransition('applied', 'accepted')).toBe(true);
  });
  it('refuses skipping steps and standing still', () => {
    expect(canTransition('new', 'applied')).toBe(false);
    expect(canTransition('new', 'accepted')).toBe(false);
    expect(canTransition('rejected', 'applied')).toBe(false);
    expect(canTransition('in_review', 'in_review')).toBe(false);
    expect(canTransition('applied', 'new')).toBe(false);
    expect(nextStatuses('applied')).toEqual(['accepted']);
  });
  it('leaves applying and un-applying a text correction to the apply and revert actions', () => {
    expect(manualStatuses('accepted', true)).toEqual(['in_review']);
    expect(manualStatuses('accepted', false)).toEqual(['applied', 'in_review']);
    expect(manualStatuses('applied', true)).toEqual([]);
    expect(manualStatuses('applied', false)).toEqual(['accepted']);
  });
});

describe('report validation', () => {
  it('accepts a valid report and drops blank optional fields', () => {
    const parsed = reportSchema.parse(valid);
    expect(parsed.where).toEqual({ target: 'paragraph', targetId: 'p-1' });
    expect(parsed.suggestion).toBeUndefined();
    expect(parsed.email).toBeUndefined();
  });
  it('requires what is wrong, 10 to 2,000 characters', () => {
    expect(firstIssue({ ...valid, message: '   ' })).toEqual({ field: 'message', message: 'required' });
    expect(firstIssue({ ...valid, message: undefined })).toEqual({ field: 'message', message: 'required' });
    expect(firstIssue({ ...valid, message: 'too short' })).toEqual({ field: 'message', message: 'reportTooShort' });
    expect(firstIssue({ ...valid, message: 'x'.repeat(2001) })).toEqual({ field: 'message', message: 'reportTooLong' });
    expect(firstIssue({ ...valid, message: 'x'.repeat(2000) })).toBeUndefined();
    // CRLF counts as one character, as the user sees it.
    expect(firstIssue({ ...valid, message: 'x\r\n'.repeat(1000) })).toBeUndefined();
  });
  it('limits the suggestion to 2,000 characters', () => {
    expect(firstIssue({ ...valid, suggestion: 'x'.repeat(2001) })).toEqual({ field: 'suggestion', message: 'suggestionTooLong' });
  });
  it('validates and lower-cases the e-mail', () => {
    expect(firstIssue({ ...valid, email: 'not-an-email' })).toEqual({ field: 'email', message: 'emailInvalid' });
    expect(reportSchema.parse({ ...valid, email: ' Ann@Example.COM ' }).email).toBe('ann@example.com');
  });
  it('knows where: paragraph, quiz question, summary, translation, video', () => {
    expect(parseWhere('summary')).toEqual({ target: 'summary', targetId: null });
    expect(parseWhere('quiz:q-1')).toEqual({ target: 'quiz', targetId: 'q-1' });
    expect(parseWhere('video')).toEqual({ target: 'video', targetId: null });
    expect(parseWhere('translation')).toEqual({ target: 'translation', targetId: null });
    expect(parseWhere('paragraph:')).toBeUndefined();
    expect(parseWhere('summary:x')).toBeUndefined();
    expect(parseWhere('paragraph:<script>')).toBeUndefined();
    expect(parseWhere('elsewhere')).toBeUndefined();
    expect(whereValue({ target: 'quiz', targetId: 'q-1' })).toBe('quiz:q-1');
    expect(firstIssue({ ...valid, where: 'nowhere' })).toEqual({ field: 'where', message: 'reportWhere' });
  });
  it('keeps a sane video time only', () => {
    expect(reportSchema.parse({ ...valid, where: 'video', videoTime: '12.7' }).videoTime).toBe(12);
    expect(reportSchema.parse({ ...valid, where: 'video', videoTime: '-3' }).videoTime).toBeUndefined();
    expect(reportSchema.parse({ ...valid, where: 'video', videoTime: 'abc' }).videoTime).toBeUndefined();
  });
  it('refuses unknown locales and odd slugs', () => {
    expect(firstIssue({ ...valid, locale: 'xx' })?.field).toBe('locale');
    expect(firstIssue({ ...valid, lesson: '../etc' })?.field).toBe('lesson');
  });
  it('spots the honeypot', () => {
    expect(isSpam({ website: '' })).toBe(false);
    expect(isSpam({ website: 'http://spam.example' })).toBe(true);
  });
});

describe('override application', () => {
  const text = { title: 'T', paragraphs: [{ id: 'a', keyPoint: 'A', text: 'One.' }, { id: 'b', keyPoint: 'B', text: 'Two.' }], summary: ['S1.', 'S2.'] };
  it('replaces a paragraph by id and leaves the rest', () => {
    const out = applyOverrides(text, [{ target: 'paragraph', targetId: 'b', text: '  Two,\n corrected. ' }]);
    expect(out.paragraphs).toEqual([{ id: 'a', keyPoint: 'A', text: 'One.' }, { id: 'b', keyPoint: 'B', text: 'Two, corrected.' }]);
    expect(out.summary).toEqual(['S1.', 'S2.']);
    expect(text.paragraphs[1]!.text).toBe('Two.');
  });
  it('replaces the summary, split on blank lines', () => {
    expect(applyOverrides(text, [{ target: 'summary', targetId: '', text: 'New one.\n\nNew two.\r\n\r\nNew three.' }]).summary).toEqual(['New one.', 'New two.', 'New three.']);
    expect(textToSummary(summaryToText(['a b', 'c']))).toEqual(['a b', 'c']);
  });
  it('ignores overrides for paragraphs that are gone, and an empty summary', () => {
    const out = applyOverrides(text, [{ target: 'paragraph', targetId: 'zz', text: 'x' }, { target: 'summary', targetId: '', text: '  \n\n ' }]);
    expect(out).toEqual(text);
  });
});

describe('exporting an override into MDX', () => {
  const source = lessonSource();
  const original = 'Testo del paragrafo 1. Seconda frase.';
  it('rewrites the paragraph and nothing else', () => {
    const result = exportOverride(source, 'it.mdx', { target: 'paragraph', targetId: 'p-1', originalText: original, text: 'Testo corretto. Seconda frase.' });
    expect(result.status).toBe('changed');
    if (result.status !== 'changed') return;
    expect(result.source).toContain('<Paragraph id="p-1" keyPoint="Punto 1">\nTesto corretto. Seconda frase.\n</Paragraph>');
    expect(result.source.replace('Testo corretto. Seconda frase.', original)).toBe(source);
  });
  it('rewrites the summary', () => {
    const result = exportOverride(source, 'it.mdx', { target: 'summary', targetId: '', originalText: 'Riepilogo.', text: 'Primo.\n\nSecondo.' });
    expect(result.status === 'changed' && result.source).toContain('<Summary>\nPrimo.\n\nSecondo.\n</Summary>');
  });
  it('refuses a file whose paragraph changed since the override was made', () => {
    const result = exportOverride(source, 'it.mdx', { target: 'paragraph', targetId: 'p-1', originalText: 'Some older text.', text: 'New.' });
    expect(result.status).toBe('conflict');
  });
  it('says unchanged when the file already has the correction', () => {
    expect(exportOverride(source, 'it.mdx', { target: 'paragraph', targetId: 'p-1', originalText: 'x', text: original }).status).toBe('unchanged');
  });
  it('refuses markup and missing paragraphs', () => {
    expect(exportOverride(source, 'it.mdx', { target: 'paragraph', targetId: 'p-1', originalText: original, text: 'A <b>bold</b> {x}' }).status).toBe('conflict');
    expect(exportOverride(source, 'it.mdx', { target: 'paragraph', targetId: 'gone', originalText: original, text: 'x' }).status).toBe('conflict');
  });
});

describe('reports and corrections in the database', () => {
  const now = new Date('2030-01-01T10:00:00Z');
  let user: { id: string };
  beforeAll(async () => {
    user = (await insertUser({ user: { id: randomUUID(), email: `ed-${randomUUID()}@example.com`, name: 'Ed', passwordHash: 'x', role: 'editor', createdAt: now, updatedAt: now } }))!;
  });
  const lesson = 'livelli-di-contatto';
  const course = 'risoluzione-dei-conflitti';

  it('stores a report with its first event, lists and counts it, and records status changes', async () => {
    const report = await insertReport({ report: { course, lesson, locale: 'en', target: 'summary', message: 'Wrong summary text here.', email: 'anon@example.com', createdAt: now, updatedAt: now } });
    expect(report.status).toBe('new');
    expect((await listReports({ filter: { lesson }, limit: 10, offset: 0 }))[0]!.id).toBe(report.id);
    expect((await countReportsByStatus({ filter: { lesson } })).new).toBeGreaterThanOrEqual(1);
    expect(await changeReportStatus({ id: report.id, from: 'new', to: 'in_review', userId: user.id, note: 'looking', now })).toBe(true);
    expect(await changeReportStatus({ id: report.id, from: 'new', to: 'in_review', userId: user.id, now })).toBe(false);
    const events = await listReportEvents({ reportId: report.id });
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.note])).toEqual([[null, 'new', null], ['new', 'in_review', 'looking']]);
    expect(events[1]!.userName).toBe('Ed');
    expect((await findReport({ id: report.id }))!.status).toBe('in_review');
    expect((await listReportsOf({ userId: 'nobody', email: 'ANON@example.com' })).map((r) => r.id)).toContain(report.id);
  });

  it('applies a correction live, keeps the history, and reverts it', async () => {
    const before = (await getLesson(course, lesson, 'en'))!;
    const paragraph = before.paragraphs[0]!;
    const report = await insertReport({ report: { course, lesson, locale: 'en', target: 'paragraph', targetId: paragraph.id, message: 'A typo in this paragraph.', createdAt: now, updatedAt: now } });
    await changeReportStatus({ id: report.id, from: 'new', to: 'in_review', userId: user.id, now });
    await changeReportStatus({ id: report.id, from: 'in_review', to: 'accepted', userId: user.id, now });
    const target = { course, lesson, locale: 'en', target: 'paragraph' as const, targetId: paragraph.id };
    const override = (await applyCorrection({ reportId: report.id, from: 'accepted', target, originalText: paragraph.text, text: 'Corrected paragraph.', userId: user.id, now }))!;
    expect(override).toBeDefined();
    expect((await getLesson(course, lesson, 'en'))!.paragraphs[0]!.text).toBe('Corrected paragraph.');
    // Search follows the correction once the index is rebuilt (the editor action does it).
    await rebuildSearchIndex();
    const found = await search({ query: 'Corrected paragraph', locale: 'en', limit: 20 });
    expect(found.status === 'results' && found.hits.map((hit) => hit.href)).toContain(`/en/courses/${course}/${lesson}#${paragraph.id}`);
    expect((await getLesson(course, lesson, 'it'))!.paragraphs[0]!.text).not.toBe('Corrected paragraph.');
    expect(await activeOverrides({ course, lesson, locale: 'en' })).toHaveLength(1);
    expect((await findReport({ id: report.id }))!.status).toBe('applied');
    // Applying again needs the report in the stated status.
    expect(await applyCorrection({ reportId: report.id, from: 'accepted', target, originalText: paragraph.text, text: 'x', userId: user.id, now })).toBeUndefined();

    expect(await revertOverride({ id: override.id, userId: user.id, now })).toBe(true);
    expect(await revertOverride({ id: override.id, userId: user.id, now })).toBe(false);
    expect((await getLesson(course, lesson, 'en'))!.paragraphs[0]!.text).toBe(paragraph.text);
    expect((await findReport({ id: report.id }))!.status).toBe('accepted');
    const history = await overrideHistory(target);
    expect(history.map((h) => [h.previousText, h.text, h.endReason, h.createdByName])).toEqual([[paragraph.text, 'Corrected paragraph.', 'reverted', 'Ed']]);
  });
});
