import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changes, db, tables } from '@/db/query';
import { insertUser } from '@/db/users';
import { certificateView } from '@/lib/certificates/view';
import { certificatePdf } from '@/lib/certificates/pdf';
import { pdfText } from '../support/pdf-text';

// The engine's tables (SQLite or PostgreSQL, as the run asks).
const { certificates } = tables();

const lines = (name: string) => [
  { text: 'Certificato di completamento', size: 24, bold: true, y: 440 },
  { text: name, size: 34, bold: true, y: 360 },
  { text: 'ha completato il corso', size: 14, y: 320 },
  { text: 'Risoluzione dei conflitti con il cliente', size: 22, y: 280 },
];
const meta = { title: 'Certificate', author: 'Aula', language: 'zh-Hans' };

describe('certificate PDF', () => {
  it('prints a Chinese name, accented Latin and other scripts as written, never "?"', async () => {
    const pdf = await certificatePdf(lines('王小明 · Zoë Ñúñez-Łukasiewicz · Ψ Жанна'), meta);
    const text = await pdfText(pdf);
    expect(text).toContain('王小明');
    expect(text).toContain('Zoë Ñúñez-Łukasiewicz');
    expect(text).toContain('Ψ Жанна');
    expect(text).not.toContain('?');
    expect(text).not.toContain('\uFFFD');
    // The name stands above "has completed the course".
    expect(text.indexOf('王小明')).toBeLessThan(text.indexOf('ha completato il corso'));
  });

  it('embeds only the glyphs it uses: a few kB, not the 10 MB font', async () => {
    const pdf = await certificatePdf(lines('王小明'), meta);
    expect(pdf.byteLength).toBeLessThan(60_000);
    expect(new TextDecoder('latin1').decode(pdf.slice(0, 8))).toBe('%PDF-1.7');
  });
});

describe('certificate view', () => {
  const now = new Date('2030-03-04T10:00:00Z');
  const issue = async (locale: string | null) => {
    const user = (await insertUser({ user: { id: randomUUID(), email: `c-${randomUUID()}@example.com`, name: '王小明', passwordHash: 'x', role: 'learner', locale, createdAt: now, updatedAt: now } }))!;
    const id = randomUUID().replaceAll('-', '').slice(0, 24);
    (await changes(db().insert(certificates).values({ id, userId: user.id, course: 'risoluzione-dei-conflitti', learnerName: user.name, issuedAt: now })));
    return id;
  };

  it('speaks the learner’s language, whoever looks at it', async () => {
    const view = (await certificateView(await issue('zh'), 'fr'))!;
    expect(view.locale).toBe('zh');
    expect(view.learnerName).toBe('王小明');
    expect(view.courseTitle).not.toBe((await certificateView(await issue('it'), 'fr'))!.courseTitle);
  });

  it('falls back to the visitor’s language for accounts older than the setting', async () => {
    expect((await certificateView(await issue(null), 'es'))!.locale).toBe('es');
  });

  it('knows no certificate for a wrong or malformed code', async () => {
    expect(await certificateView('AAAAAAAAAAAAAAAAAAAAAAAA', 'en')).toBeUndefined();
    expect(await certificateView('../../etc/passwd', 'en')).toBeUndefined();
  });
});
