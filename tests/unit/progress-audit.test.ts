import { describe, expect, it } from 'vitest';
import { auditLearner, possibleCredit } from '@/lib/progress/audit';
import { allowanceCapSeconds, fastestPlaybackRate } from '@/lib/progress/rules';

const t0 = new Date('2030-01-01T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('the progress audit', () => {
  it('the most one allowance can credit: a full bucket, then the fastest speed', () => {
    expect(possibleCredit(0)).toBe(allowanceCapSeconds);
    expect(possibleCredit(100)).toBe(allowanceCapSeconds + 100 * fastestPlaybackRate);
  });

  it('passes a video watched at the fastest speed', () => {
    const duration = 400;
    const seconds = (duration * 0.9 - allowanceCapSeconds) / fastestPlaybackRate;
    expect(auditLearner([{ lesson: 'a', duration, firstActivityAt: t0, videoCompletedAt: at(seconds) }])).toBeUndefined();
  });

  it('flags a single video completed faster than the allowance allows', () => {
    const finding = auditLearner([{ lesson: 'a', duration: 400, firstActivityAt: t0, videoCompletedAt: at(60) }]);
    expect(finding).toMatchObject({ lessons: ['a'], elapsedSeconds: 60, possibleSeconds: possibleCredit(60) });
  });

  it('flags videos that each look possible alone but not together (played at once)', () => {
    const duration = 400;
    const alone = (duration * 0.9 - allowanceCapSeconds) / fastestPlaybackRate + 5;
    const videos = ['a', 'b', 'c'].map((lesson) => ({ lesson, duration, firstActivityAt: t0, videoCompletedAt: at(alone) }));
    for (const video of videos) expect(auditLearner([video])).toBeUndefined();
    expect(auditLearner(videos)?.lessons).toEqual(['a', 'b', 'c']);
  });

  it('does not flag the same videos watched one after the other', () => {
    const duration = 400;
    const each = (duration * 0.9) / fastestPlaybackRate;
    const videos = ['a', 'b', 'c'].map((lesson, i) => ({ lesson, duration, firstActivityAt: at(i * each), videoCompletedAt: at((i + 1) * each) }));
    expect(auditLearner(videos)).toBeUndefined();
  });
});
