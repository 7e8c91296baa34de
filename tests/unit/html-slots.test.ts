import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { putHtmlSlot, takeHtmlSlot } from '@/components/lesson/html-slots';
import { transcriptSlot } from '@/components/lesson/transcript-slot';

// The transcript's paragraphs reach the island's HTML render through these slots, not the RSC payload.

describe('HTML slots', () => {
  it('gives the HTML render the subtree the page put, across module instances (one map on globalThis)', () => {
    const node = createElement('li', { 'data-paragraph': 'a' }, 'words');
    const key = putHtmlSlot('test:one', node);
    expect(takeHtmlSlot(key)).toBe(node);
    const registry = (globalThis as Record<symbol, Map<string, unknown>>)[Symbol.for('aula.htmlSlots')];
    expect(registry?.get('test:one')).toBe(node);
    // Taken twice (a page rendered again from the same payload): still there.
    expect(renderToStaticMarkup(takeHtmlSlot(key))).toBe('<li data-paragraph="a">words</li>');
  });

  it('refuses a key nobody put, rather than render an empty transcript', () => {
    expect(() => takeHtmlSlot('test:never-put')).toThrow(/No server-rendered subtree/);
  });

  it('stays bounded: the oldest key goes first', () => {
    putHtmlSlot('test:oldest', 'old');
    for (let index = 0; index < 300; index++) putHtmlSlot(`test:filler-${index}`, index);
    expect(() => takeHtmlSlot('test:oldest')).toThrow();
    expect(takeHtmlSlot('test:filler-299')).toBe(299);
  });
});

describe('the transcript slot', () => {
  it('is named by what the paragraphs are made of: a correction gives a new key, the same content the same key', () => {
    const page = ['/it/courses/c/l', 'it', { paragraphs: {} }];
    const first = transcriptSlot('before', page);
    expect(transcriptSlot('before again', page)).toBe(first);
    expect(takeHtmlSlot(first)).toBe('before again');
    const corrected = transcriptSlot('after', ['/it/courses/c/l', 'it', { paragraphs: { p1: 'fixed' } }]);
    expect(corrected).not.toBe(first);
    expect(takeHtmlSlot(corrected)).toBe('after');
    // Short: it is what the RSC payload carries instead of the paragraphs.
    expect(corrected.length).toBeLessThan(40);
  });
});
