import { mergeIntervals, subtractIntervals, type Interval } from './intervals';
import { postHeartbeat, SendQueue, type Attempt } from './heartbeat-client';
import { pendingKey, readPending, sweepPending, updatePending } from './pending-store';
import { heartbeatSeconds, maxIntervalsPerHeartbeat } from './rules';
import type { LessonStatus } from './status';

export const heartbeatMs = heartbeatSeconds * 1000;

/** What the tracker reads of a <video> (a small fake in unit tests). */
export interface WatchedVideo extends EventTarget {
  readonly currentTime: number;
  readonly paused: boolean;
  readonly playbackRate: number;
  readonly played?: { readonly length: number; start(index: number): number; end(index: number): number };
}

type Options = { course: string; lesson: string; duration: number; onStatus: (status: LessonStatus) => void };

const round = (seconds: number) => Math.round(seconds * 100) / 100;

/**
 * Turns what a <video> actually played into watched intervals, from the first
 * frame: it listens from mount, and also reads the browser's own record of what
 * was played. Nothing is sent until enable() says a signed-in learner is
 * watching; then every 15 s while playing, on pause, seek and end, and by
 * beacon when the page is hidden. Whatever the server has not acknowledged is
 * kept (in memory and in localStorage) and sent again.
 */
export class WatchTracker {
  /** Segments closed this visit; the one being played is segmentStart → lastTime. */
  private recorded: Interval[] = [];
  private segmentStart: number | null = null;
  private lastTime = 0;
  /** Unacknowledged intervals of an earlier visit, from localStorage. */
  private carried: Interval[] = [];
  private acknowledged: Interval[] = [];
  /** Played or moved this visit: only then do heartbeats carry the position (a resend alone keeps the stored resume point). */
  private touched = false;
  private sentPosition: number | null = null;
  private storageKey: string | null = null;
  private signedOut = false;
  private readonly queue = new SendQueue(() => this.attempt());
  private detach: (() => void) | undefined;

  constructor(
    private readonly video: WatchedVideo,
    private readonly options: Options,
  ) {}

  start(): void {
    const v = this.video;
    const on = (target: EventTarget, type: string, handler: () => void) => {
      target.addEventListener(type, handler);
      return () => target.removeEventListener(type, handler);
    };
    const offs = [
      on(v, 'play', () => this.open(v.currentTime)),
      on(v, 'timeupdate', () => this.tick()),
      on(v, 'seeking', () => {
        this.touched = true;
        this.close();
      }),
      on(v, 'seeked', () => {
        if (!v.paused) this.open(v.currentTime);
        this.queue.request();
      }),
      on(v, 'pause', () => this.closeAndSend()),
      on(v, 'ended', () => this.closeAndSend()),
      on(document, 'visibilitychange', () => document.visibilityState === 'hidden' && this.beacon()),
      on(window, 'pagehide', () => this.beacon()),
    ];
    const timer = setInterval(() => !v.paused && this.queue.request(), heartbeatMs);
    this.detach = () => {
      offs.forEach((off) => off());
      clearInterval(timer);
      this.queue.stop();
    };
    // Tracking may start after playback did: what is playing now counts from here.
    if (!v.paused) this.open(v.currentTime);
    if ((v.played?.length ?? 0) > 0) this.touched = true;
  }

  /** A signed-in learner is watching: what was kept for them is resent, and from now on heartbeats go out. */
  enable(learnerKey: string): void {
    const key = pendingKey(learnerKey, this.options.course, this.options.lesson);
    if (this.storageKey === key || !this.detach) return;
    this.storageKey = key;
    sweepPending();
    this.carried = readPending(key);
    this.save();
    this.queue.request();
  }

  stop(): void {
    if (!this.detach) return;
    this.beacon();
    this.detach();
    this.detach = undefined;
  }

  private open(at: number) {
    this.touched = true;
    this.segmentStart = at;
    this.lastTime = at;
  }

  /** Continuous playback extends the segment; a jump (seek without events) closes it. */
  private tick() {
    const now = this.video.currentTime;
    if (this.segmentStart === null) return;
    const step = now - this.lastTime;
    if (step < 0 || step > 3 * Math.max(1, this.video.playbackRate)) {
      this.close();
      this.open(now);
    } else {
      this.lastTime = now;
    }
  }

  private close() {
    if (this.segmentStart !== null && this.lastTime > this.segmentStart) this.recorded = this.tidy([...this.recorded, [this.segmentStart, this.lastTime]]);
    this.segmentStart = null;
  }

  private closeAndSend() {
    this.close();
    this.queue.request();
  }

  private tidy(intervals: Interval[]): Interval[] {
    return mergeIntervals(
      intervals.map(([start, end]): Interval => [round(start), round(end)]),
      this.options.duration,
    );
  }

  /** Everything watched (this visit, the browser's own record, an earlier visit's leftovers) that the server has not acknowledged. */
  private unsent(): Interval[] {
    const playing: Interval[] = this.segmentStart !== null ? [[this.segmentStart, this.lastTime]] : [];
    const played = this.video.played;
    const browser = Array.from({ length: played?.length ?? 0 }, (_, i): Interval => [played!.start(i), played!.end(i)]);
    return subtractIntervals(this.tidy([...this.recorded, ...playing, ...browser, ...this.carried]), this.acknowledged);
  }

  private save() {
    if (this.storageKey) updatePending(this.storageKey, { unsent: this.unsent(), acknowledged: this.acknowledged, duration: this.options.duration });
  }

  private body(intervals: Interval[], position: number | undefined) {
    const { course, lesson } = this.options;
    return JSON.stringify({ course, lesson, intervals, ...(position === undefined ? {} : { position }), sentAt: Date.now() });
  }

  private async attempt(): Promise<Attempt> {
    if (!this.storageKey) return 'nothing';
    const all = this.unsent();
    const intervals = all.slice(0, maxIntervalsPerHeartbeat);
    const position = this.touched ? round(this.video.currentTime) : undefined;
    const moved = position !== undefined && (this.sentPosition === null || Math.abs(position - this.sentPosition) >= 0.5);
    if (intervals.length === 0 && !moved) return 'nothing';
    this.save();
    const reply = await postHeartbeat(this.body(intervals, position));
    if (reply.kind === 'signedOut') {
      this.signedOut = true; // kept in storage for when this learner signs in again
      return 'stop';
    }
    if (reply.kind === 'retry') return { retryAfterMs: reply.afterMs };
    this.acknowledged = this.tidy([...this.acknowledged, ...intervals]);
    this.save();
    if (reply.kind === 'ok') {
      this.sentPosition = position ?? this.sentPosition;
      if (reply.status) this.options.onStatus(reply.status);
    }
    return all.length > intervals.length ? 'more' : 'sent';
  }

  /** Page hidden or closing: the browser delivers a beacon even as the page goes away. Unacknowledged, so it stays stored. */
  private beacon() {
    if (!this.storageKey) return;
    const intervals = this.unsent().slice(0, maxIntervalsPerHeartbeat);
    this.save();
    if (this.signedOut || (intervals.length === 0 && !this.touched)) return;
    const position = this.touched ? round(this.video.currentTime) : undefined;
    navigator.sendBeacon?.('/api/progress', new Blob([this.body(intervals, position)], { type: 'application/json' }));
  }
}
