import { mergeIntervals, type Interval } from './intervals';

/** What is read of a <video> (a small fake in unit tests). */
export interface WatchedVideo extends EventTarget {
  readonly currentTime: number;
  readonly paused: boolean;
  readonly playbackRate: number;
  readonly played?: { readonly length: number; start(index: number): number; end(index: number): number };
}

/**
 * What a <video> actually played, from the first frame, for everybody: it is
 * attached at mount, before anyone knows who is watching, and also reads the
 * browser's own record of what was played. Sending is another module's job
 * (tracker.ts), loaded only for a signed-in learner; it is told via `onDue`
 * when a pause, seek or end calls for a heartbeat.
 */
export class WatchRecorder {
  /** Segments closed so far; the one being played is segmentStart → lastTime. */
  private recorded: Interval[] = [];
  private segmentStart: number | null = null;
  private lastTime = 0;
  /** Played or moved this visit: only then is the position worth reporting. */
  private touched = false;
  private detach: (() => void) | undefined;
  onDue: (() => void) | null = null;

  constructor(
    readonly video: WatchedVideo,
    readonly duration: number,
  ) {}

  start(): void {
    const v = this.video;
    const handlers: Record<string, () => void> = {
      play: () => this.open(v.currentTime),
      timeupdate: () => this.tick(),
      seeking: () => {
        this.touched = true;
        this.close();
      },
      seeked: () => {
        if (!v.paused) this.open(v.currentTime);
        this.onDue?.();
      },
      pause: () => this.closeAndReport(),
      ended: () => this.closeAndReport(),
    };
    for (const [type, handler] of Object.entries(handlers)) v.addEventListener(type, handler);
    this.detach = () => Object.entries(handlers).forEach(([type, handler]) => v.removeEventListener(type, handler));
    // Recording may start after playback did: what is playing now counts from here, what was played is in `played`.
    if (!v.paused) this.open(v.currentTime);
    if ((v.played?.length ?? 0) > 0) this.touched = true;
  }

  stop(): void {
    this.detach?.();
    this.detach = undefined;
  }

  /** Everything watched so far: closed segments, the one playing, and the browser's record. */
  watched(): Interval[] {
    const playing: Interval[] = this.segmentStart !== null ? [[this.segmentStart, this.lastTime]] : [];
    const played = this.video.played;
    const browser = Array.from({ length: played?.length ?? 0 }, (_, i): Interval => [played!.start(i), played!.end(i)]);
    return mergeIntervals([...this.recorded, ...playing, ...browser], this.duration);
  }

  /** Where the video is, once this visit played or moved it; otherwise nothing (a resend keeps the stored resume point). */
  position(): number | undefined {
    return this.touched ? this.video.currentTime : undefined;
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
    if (this.segmentStart !== null && this.lastTime > this.segmentStart) this.recorded = mergeIntervals([...this.recorded, [this.segmentStart, this.lastTime]], this.duration);
    this.segmentStart = null;
  }

  private closeAndReport() {
    this.close();
    this.onDue?.();
  }
}
