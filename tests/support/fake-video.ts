import type { Interval } from '@/lib/progress/intervals';

/**
 * Just enough of a <video> for the watch tracker: the events it listens to, and
 * the browser's own `played` record (which can be turned off, to check the
 * tracker's own event bookkeeping alone).
 */
export class FakeVideo extends EventTarget {
  currentTime = 0;
  paused = true;
  playbackRate = 1;
  /** Where the current stretch of playback began (as browsers keep it for `played`). */
  private from = 0;
  private ranges: Interval[] = [];

  constructor(private readonly keepsPlayed = true) {
    super();
  }

  get played() {
    const all = [...this.ranges, ...(this.paused ? [] : [[this.from, this.currentTime] as Interval])].filter(([s, e]) => e > s);
    const list = this.keepsPlayed ? all : [];
    return { length: list.length, start: (i: number) => list[i]![0], end: (i: number) => list[i]![1] };
  }

  /** The video is already playing from `at` (before anyone listens). */
  playingSilently(at: number) {
    this.currentTime = at;
    this.from = at;
    this.paused = false;
  }

  play() {
    this.from = this.currentTime;
    this.paused = false;
    this.emit('play');
  }

  /** Plays on for `seconds` of video, with a timeupdate every quarter second of wall time. */
  advance(seconds: number) {
    const step = 0.25 * this.playbackRate;
    for (let done = 0; done < seconds - 1e-9; done += step) {
      this.currentTime += Math.min(step, seconds - done);
      this.emit('timeupdate');
    }
  }

  pause() {
    this.closeRange();
    this.paused = true;
    this.emit('pause');
  }

  seek(to: number) {
    this.closeRange();
    this.emit('seeking');
    this.currentTime = to;
    this.from = to;
    this.emit('seeked');
  }

  private closeRange() {
    if (!this.paused && this.currentTime > this.from) this.ranges.push([this.from, this.currentTime]);
  }

  private emit(type: string) {
    this.dispatchEvent(new Event(type));
  }
}

/** localStorage in memory. */
export class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}
