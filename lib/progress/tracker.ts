import { heartbeatSeconds } from './rules';
import { mergeIntervals, subtractIntervals, type Interval } from './intervals';
import type { LessonStatus } from './status';

export const heartbeatMs = heartbeatSeconds * 1000;

type Options = { course: string; lesson: string; duration: number; onStatus: (status: LessonStatus) => void };

/**
 * Turns what a <video> actually played into watched intervals and reports them:
 * every 15 s while playing, and on pause, seek, end and when the page is hidden
 * or closed (sendBeacon). Unacknowledged intervals are kept and sent again.
 */
export class WatchTracker {
  private pending: Interval[] = [];
  private segmentStart: number | null = null;
  private lastTime = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private detach: (() => void) | undefined;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly options: Options,
  ) {}

  start(): void {
    const v = this.video;
    const on = <K extends keyof HTMLVideoElementEventMap>(type: K, handler: () => void) => {
      v.addEventListener(type, handler);
      return () => v.removeEventListener(type, handler);
    };
    const offs = [
      on('play', () => this.open(v.currentTime)),
      on('timeupdate', () => this.tick()),
      on('seeking', () => this.close()),
      on('seeked', () => {
        if (!v.paused) this.open(v.currentTime);
        void this.send();
      }),
      on('pause', () => {
        this.close();
        void this.send();
      }),
      on('ended', () => {
        this.close();
        void this.send();
      }),
    ];
    const hidden = () => {
      if (document.visibilityState === 'hidden') this.beacon();
    };
    const pagehide = () => this.beacon();
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', pagehide);
    this.timer = setInterval(() => {
      if (!v.paused) void this.send();
    }, heartbeatMs);
    this.detach = () => {
      offs.forEach((off) => off());
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', pagehide);
      clearInterval(this.timer);
    };
  }

  stop(): void {
    this.beacon();
    this.detach?.();
  }

  private open(at: number) {
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
    if (this.segmentStart !== null && this.lastTime > this.segmentStart) {
      this.pending = mergeIntervals([...this.pending, [this.segmentStart, this.lastTime]], this.options.duration);
    }
    this.segmentStart = null;
  }

  /** Pending intervals plus the segment being played, without ending it. */
  private snapshot(): Interval[] {
    const playing: Interval[] = this.segmentStart !== null && this.lastTime > this.segmentStart ? [[this.segmentStart, this.lastTime]] : [];
    return mergeIntervals([...this.pending, ...playing], this.options.duration).slice(-100);
  }

  private body(intervals: Interval[]) {
    return JSON.stringify({
      course: this.options.course,
      lesson: this.options.lesson,
      intervals: intervals.map(([s, e]) => [Math.round(s * 100) / 100, Math.round(e * 100) / 100]),
      position: Math.round(this.video.currentTime * 100) / 100,
      sentAt: Date.now(),
    });
  }

  private async send(): Promise<void> {
    const intervals = this.snapshot();
    const playedUpTo = this.segmentStart !== null ? this.lastTime : null;
    try {
      const response = await fetch('/api/progress', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: this.body(intervals), keepalive: true });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) return; // kept in `pending`; the next heartbeat retries
      this.acknowledge(intervals, playedUpTo);
      this.options.onStatus(body as LessonStatus);
    } catch {
      // Network trouble: retried with the next heartbeat.
    }
  }

  /** Page hidden or closing: the browser delivers a beacon even as the page goes away. */
  private beacon() {
    const intervals = this.snapshot();
    if (intervals.length === 0 && this.video.currentTime === 0) return;
    navigator.sendBeacon('/api/progress', new Blob([this.body(intervals)], { type: 'application/json' }));
  }

  /** Forgets what the server confirmed; the playing segment goes on from where the sent one ended. */
  private acknowledge(sent: Interval[], playedUpTo: number | null) {
    this.pending = subtractIntervals(this.pending, sent);
    if (playedUpTo !== null && this.segmentStart !== null && playedUpTo > this.segmentStart && playedUpTo <= this.lastTime) {
      this.segmentStart = playedUpTo;
    }
  }
}
