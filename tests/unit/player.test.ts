import { beforeEach, describe, expect, it } from 'vitest';
import { videoKeyAction } from '@/lib/player/keys';
import { playerState, requestReport, resetPlayerState, setActiveParagraph, subscribe } from '@/lib/player/store';

describe('the video’s keys', () => {
  it('space and k toggle; j and l move 10 s, the arrows 5 s; other keys are the browser’s', () => {
    expect(videoKeyAction(' ')).toEqual({ type: 'toggle' });
    expect(videoKeyAction('k')).toEqual({ type: 'toggle' });
    expect(videoKeyAction('j')).toEqual({ type: 'seekBy', seconds: -10 });
    expect(videoKeyAction('l')).toEqual({ type: 'seekBy', seconds: 10 });
    expect(videoKeyAction('ArrowLeft')).toEqual({ type: 'seekBy', seconds: -5 });
    expect(videoKeyAction('ArrowRight')).toEqual({ type: 'seekBy', seconds: 5 });
    for (const key of ['Tab', 'Enter', 'f', 'ArrowUp']) expect(videoKeyAction(key)).toBeUndefined();
  });
});

describe('the lesson page’s player store', () => {
  beforeEach(() => resetPlayerState());

  it('tells subscribers when the spoken paragraph changes, and only then', () => {
    let calls = 0;
    const unsubscribe = subscribe(() => (calls += 1));
    setActiveParagraph('a');
    setActiveParagraph('a');
    setActiveParagraph('b');
    expect(playerState().active).toBe('b');
    expect(calls).toBe(2);
    unsubscribe();
    setActiveParagraph('c');
    expect(calls).toBe(2);
  });

  it('a report request for the same passage twice is two requests', () => {
    requestReport('paragraph:a');
    const first = playerState().reportRequest;
    requestReport('paragraph:a');
    const second = playerState().reportRequest;
    expect(first).toEqual({ where: 'paragraph:a', n: 1 });
    expect(second).toEqual({ where: 'paragraph:a', n: 2 });
    expect(second).not.toBe(first);
  });
});
