/** The queue had no room: try again after about this long. */
export class QueueFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`queue full, retry after ${retryAfterSeconds} s`);
    this.name = 'QueueFull';
  }
}

export type WorkQueue<Lane extends string> = {
  /** Runs `work` when a slot is free; throws QueueFull at once when the lane's waiting line is full. */
  run<T>(lane: Lane, work: () => Promise<T>): Promise<T>;
  /** Jobs running and waiting per lane, for tests and logs. */
  stats(): { running: number; waiting: Record<Lane, number> };
};

type Options<Lane extends string> = {
  /** Jobs running at once. */
  concurrency: number;
  /** Per lane, in priority order (a freed slot goes to the first lane with someone waiting): how many may wait. */
  lanes: Record<Lane, number>;
  /** What one job is expected to take before any has been timed, for the first Retry-After. */
  expectedMs: number;
};

/**
 * A small bounded queue for expensive work (password hashing): at most
 * `concurrency` jobs at once and a short waiting line per lane; a job that
 * finds its line full is refused at once with an estimate of when there will be
 * room, instead of waiting behind everybody. Lanes share the slots, the first
 * lane first, so one kind of request (sign-ups) cannot keep another (sign-ins)
 * waiting behind a burst of its own.
 */
export function createWorkQueue<Lane extends string>({ concurrency, lanes, expectedMs }: Options<Lane>): WorkQueue<Lane> {
  const order = Object.keys(lanes) as Lane[];
  const waiting = Object.fromEntries(order.map((lane) => [lane, [] as Array<() => void>])) as Record<Lane, Array<() => void>>;
  let running = 0;
  let averageMs = expectedMs;

  const waitingCount = () => order.reduce((sum, lane) => sum + waiting[lane].length, 0);
  // The line ahead, spread over the slots, at the recent pace of a job: when a place frees up.
  const retryAfterSeconds = () => Math.max(1, Math.ceil(((waitingCount() + running) / concurrency) * averageMs / 1000));

  /** A finished job hands its slot straight to the next one waiting, first lane first. */
  function release() {
    for (const lane of order) {
      const next = waiting[lane].shift();
      if (next) return next();
    }
    running -= 1;
  }

  return {
    async run(lane, work) {
      if (running < concurrency) running += 1;
      else if (waiting[lane].length >= lanes[lane]) throw new QueueFull(retryAfterSeconds());
      else await new Promise<void>((resolve) => waiting[lane].push(resolve));
      const started = performance.now();
      try {
        return await work();
      } finally {
        averageMs = averageMs * 0.8 + (performance.now() - started) * 0.2;
        release();
      }
    },
    stats: () => ({ running, waiting: Object.fromEntries(order.map((lane) => [lane, waiting[lane].length])) as Record<Lane, number> }),
  };
}
