import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffMs, minGapMs, retryAfterMs } from '@/lib/progress/heartbeat-client';
import { pendingKey } from '@/lib/progress/pending-store';
import { heartbeatMs, WatchTracker } from '@/lib/progress/tracker';
import { WatchRecorder } from '@/lib/progress/watch-recorder';
import { FakeVideo, MemoryStorage } from '../support/fake-video';

const course = 'risoluzione-dei-conflitti';
const lesson = 'livelli-di-contatto';
const duration = 360;
const key = pendingKey('learner-a', course, lesson);

type Sent = { course: string; lesson: string; intervals: [number, number][]; position?: number; sentAt: number };
type Reply = { status: number; headers?: Record<string, string> } | 'network' | Promise<Response>;

let sent: Sent[];
let replies: Reply[];
let beacons: Sent[];
let storage: MemoryStorage;
let doc: EventTarget & { visibilityState: string };
let win: EventTarget;
const statusOf = (body: Sent) => ({ lesson: body.lesson, watchedPercent: 1, position: body.position ?? 0, videoComplete: false, quizBest: null, quizPassed: false, complete: false });

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  replies = [];
  beacons = [];
  storage = new MemoryStorage();
  doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  win = new EventTarget();
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('document', doc);
  vi.stubGlobal('window', win);
  vi.stubGlobal('navigator', {
    sendBeacon: (_url: string, blob: Blob) => {
      void blob.text().then((text) => beacons.push(JSON.parse(text)));
      return true;
    },
  });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Sent;
      sent.push(body);
      const reply = replies.shift() ?? { status: 200 };
      if (reply === 'network') throw new TypeError('fetch failed');
      if (reply instanceof Promise) return reply;
      return new Response(JSON.stringify(reply.status === 200 ? statusOf(body) : { error: 'nope' }), { status: reply.status, headers: reply.headers });
    }),
  );
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** As the lesson page does it: recording from mount, sending once the learner is known (enable). */
function track(video: FakeVideo, onStatus = vi.fn()) {
  const recorder = new WatchRecorder(video, duration);
  recorder.start();
  let tracker: WatchTracker | undefined;
  return {
    enable(learnerKey: string) {
      tracker = new WatchTracker(recorder, { course, lesson, learnerKey, onStatus });
      tracker.start();
    },
    stop() {
      tracker?.stop();
      recorder.stop();
    },
  };
}

/** Lets pending promises and timers run, `ms` of fake time. */
const elapse = (ms = 0) => vi.advanceTimersByTimeAsync(ms);
const stored = () => JSON.parse(storage.getItem(key) ?? 'null')?.intervals ?? null;

describe('recording from the first frame', () => {
  for (const keepsPlayed of [true, false]) {
    const how = keepsPlayed ? 'with' : 'without';
    it(`records play that happened before the learner was known (${how} the browser’s played record)`, async () => {
      const video = new FakeVideo(keepsPlayed);
      const tracker = track(video);
      video.play();
      video.advance(10);
      await elapse(100);
      expect(sent).toEqual([]);
      expect(storage.length).toBe(0); // nobody known yet: nothing stored
      tracker.enable('learner-a');
      await elapse();
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ course, lesson, intervals: [[0, 10]], position: 10 });
    });

    it(`records a video already playing when tracking starts (${how} the played record)`, async () => {
      const video = new FakeVideo(keepsPlayed);
      video.playingSilently(30);
      const tracker = track(video);
      tracker.enable('learner-a');
      video.advance(5);
      video.pause();
      await elapse(minGapMs);
      expect(sent.at(-1)!.intervals).toEqual([[30, 35]]);
      expect(sent.at(-1)!.position).toBe(35);
    });
  }

  it('a seek while playing closes one segment and opens the next (own bookkeeping, no played record)', async () => {
    const video = new FakeVideo(false);
    const tracker = track(video);
    tracker.enable('learner-a');
    video.play();
    video.advance(10);
    video.seek(50);
    video.advance(5);
    video.currentTime = 200; // a jump without seek events: the gap is not counted as watched
    video.advance(2);
    video.pause();
    await elapse(minGapMs);
    expect(sent.at(-1)!.intervals).toEqual([[0, 10], [50, 55], [200.25, 202]]);
  });

  it('includes what the browser played before tracking started', async () => {
    const video = new FakeVideo();
    video.play();
    video.advance(12);
    video.pause();
    const tracker = track(video);
    tracker.enable('learner-a');
    await elapse();
    expect(sent[0]).toMatchObject({ intervals: [[0, 12]], position: 12 });
  });

  it('sends a heartbeat every 15 s while playing, with only what is new since the last acknowledged one', async () => {
    const video = new FakeVideo();
    const tracker = track(video);
    tracker.enable('learner-a');
    video.playbackRate = 2;
    video.play();
    for (let i = 0; i < 2; i++) {
      video.advance(30);
      await elapse(heartbeatMs);
    }
    expect(sent.map((s) => s.intervals)).toEqual([[[0, 30]], [[30, 60]]]);
  });
});

describe('heartbeats that fail', () => {
  for (const failure of [{ status: 500 }, 'network', { status: 408 }] as const) {
    it(`keeps and resends the intervals after ${typeof failure === 'string' ? failure : failure.status}, forgetting them only after a 200`, async () => {
      const video = new FakeVideo();
      const tracker = track(video);
      tracker.enable('learner-a');
      replies.push(failure, failure);
      video.play();
      video.advance(8);
      video.pause();
      await elapse();
      expect(sent).toHaveLength(1);
      expect(stored()).toEqual([[0, 8]]);
      await elapse(backoffMs(1) - 1);
      expect(sent).toHaveLength(1); // back-off: not before 2 s
      await elapse(1);
      expect(sent).toHaveLength(2);
      expect(stored()).toEqual([[0, 8]]);
      await elapse(backoffMs(2));
      expect(sent).toHaveLength(3);
      expect(sent.map((s) => s.intervals)).toEqual([[[0, 8]], [[0, 8]], [[0, 8]]]);
      expect(storage.getItem(key)).toBeNull(); // acknowledged: forgotten
      video.seek(100);
      await elapse(minGapMs);
      expect(sent.at(-1)).toMatchObject({ intervals: [], position: 100 });
    });
  }

  it('waits as long as a 429 says, then resends', async () => {
    const video = new FakeVideo();
    const tracker = track(video);
    tracker.enable('learner-a');
    replies.push({ status: 429, headers: { 'Retry-After': '7' } });
    video.play();
    video.advance(6);
    video.pause();
    await elapse(6999);
    expect(sent).toHaveLength(1);
    await elapse(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.intervals).toEqual([[0, 6]]);
    expect(storage.getItem(key)).toBeNull();
  });

  it('drops what the server refuses (400) instead of resending it forever', async () => {
    const video = new FakeVideo();
    const tracker = track(video);
    tracker.enable('learner-a');
    replies.push({ status: 400 });
    video.play();
    video.advance(4);
    video.pause();
    await elapse(60_000);
    expect(sent).toHaveLength(1);
    expect(storage.getItem(key)).toBeNull();
  });

  it('stops sending when signed out (401) but keeps the intervals stored for this learner', async () => {
    const video = new FakeVideo();
    const tracker = track(video);
    tracker.enable('learner-a');
    replies.push({ status: 401 });
    video.play();
    video.advance(4);
    video.pause();
    video.play();
    video.advance(4);
    video.pause();
    await elapse(60_000);
    expect(sent).toHaveLength(1);
    expect(stored()).toEqual([[0, 8]]);
  });
});

describe('one request in flight', () => {
  it('a send asked for meanwhile runs after it, once, with everything pending', async () => {
    const video = new FakeVideo();
    const tracker = track(video);
    let answer!: (response: Response) => void;
    replies.push(new Promise<Response>((resolve) => (answer = resolve)));
    tracker.enable('learner-a');
    video.play();
    video.advance(3);
    video.pause();
    await elapse();
    for (const at of [20, 40, 60, 80]) {
      video.seek(at);
      video.play();
      video.advance(1);
      video.pause();
    }
    await elapse(5000);
    expect(sent).toHaveLength(1);
    answer(new Response(JSON.stringify(statusOf(sent[0]!)), { status: 200 }));
    await elapse(minGapMs);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.intervals).toEqual([[20, 21], [40, 41], [60, 61], [80, 81]]);
    await elapse(30_000);
    expect(sent).toHaveLength(2);
  });
});

describe('unsent intervals across visits', () => {
  it('are kept in storage while unacknowledged, also when the page is hidden with a beacon, and resent without position next visit', async () => {
    const first = new FakeVideo();
    const tracker = track(first);
    tracker.enable('learner-a');
    replies.push({ status: 503 });
    first.playbackRate = 2;
    first.play();
    first.advance(20);
    await elapse(heartbeatMs); // fails
    first.advance(10);
    win.dispatchEvent(new Event('pagehide'));
    await elapse();
    expect(beacons).toHaveLength(1);
    expect(beacons[0]).toMatchObject({ intervals: [[0, 30]], position: 30 });
    expect(stored()).toEqual([[0, 30]]); // a beacon is never acknowledged
    tracker.stop();

    // Next visit: nothing played yet; as soon as the learner is known the leftovers go, without a position.
    const sentBefore = sent.length;
    const next = track(new FakeVideo());
    next.enable('learner-a');
    await elapse();
    expect(sent.slice(sentBefore)).toHaveLength(1);
    expect(sent.at(-1)!.intervals).toEqual([[0, 30]]);
    expect(sent.at(-1)).not.toHaveProperty('position');
    expect(storage.getItem(key)).toBeNull();
  });

  it('are not sent for another learner on the same browser', async () => {
    storage.setItem(key, JSON.stringify({ intervals: [[0, 30]], savedAt: Date.now() }));
    const tracker = track(new FakeVideo());
    tracker.enable('learner-b');
    await elapse(60_000);
    expect(sent).toEqual([]);
    expect(stored()).toEqual([[0, 30]]);
  });

  it('an anonymous visitor (never enabled) stores nothing and sends nothing, not even a beacon', async () => {
    const video = new FakeVideo();
    const tracker = track(video);
    video.play();
    video.advance(20);
    video.pause();
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    win.dispatchEvent(new Event('pagehide'));
    tracker.stop();
    await elapse(60_000);
    expect(sent).toEqual([]);
    expect(beacons).toEqual([]);
    expect(storage.length).toBe(0);
  });
});

describe('Retry-After', () => {
  it('reads seconds or a date, within 1 s and 10 min', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('0')).toBe(1000);
    expect(retryAfterMs('99999')).toBe(600_000);
    expect(retryAfterMs(new Date(Date.now() + 30_000).toUTCString(), Date.now())).toBeGreaterThan(28_000);
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs('soon')).toBeNull();
  });
  it('backs off 2, 4, 8 … up to 60 s', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(backoffMs)).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000]);
  });
});
