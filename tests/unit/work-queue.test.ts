import { describe, expect, it } from 'vitest';
import { createWorkQueue, QueueFull } from '@/lib/security/work-queue';

/** A job that runs until the test lets it finish, and says when it started. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { done, open };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the bounded work queue', () => {
  it('runs at most `concurrency` jobs at once and refuses at once when a lane’s line is full', async () => {
    const queue = createWorkQueue({ concurrency: 2, lanes: { signIn: 3, signUp: 1 }, expectedMs: 2000 });
    const gates = Array.from({ length: 6 }, gate);
    let started = 0;
    let peak = 0;
    let running = 0;
    const job = (index: number) => async () => {
      started += 1;
      running += 1;
      peak = Math.max(peak, running);
      await gates[index]!.done;
      running -= 1;
      return index;
    };
    const accepted = [0, 1, 2].map((index) => queue.run('signUp', job(index))); // 2 run, 1 waits
    await settle();
    expect(queue.stats()).toEqual({ running: 2, waiting: { signIn: 0, signUp: 1 } });
    // The sign-up line is full: refused without waiting, with when to come back ((1 waiting + 2 running) / 2 × 2 s).
    const refused = await queue.run('signUp', job(5)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(QueueFull);
    expect((refused as QueueFull).retryAfterSeconds).toBe(3);
    // Sign-ins have a line of their own.
    const signIns = [3, 4].map((index) => queue.run('signIn', job(index)));
    await settle();
    expect(queue.stats()).toEqual({ running: 2, waiting: { signIn: 2, signUp: 1 } });
    expect(started).toBe(2);
    for (const g of gates) g.open();
    expect(await Promise.all([...accepted, ...signIns])).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(started).toBe(5); // the refused job never ran
    expect(queue.stats()).toEqual({ running: 0, waiting: { signIn: 0, signUp: 0 } });
  });

  it('gives a freed slot to the first lane: a sign-in waiting goes before sign-ups that came earlier', async () => {
    const queue = createWorkQueue({ concurrency: 1, lanes: { signIn: 8, signUp: 8 }, expectedMs: 100 });
    const order: string[] = [];
    const first = gate();
    const running = queue.run('signUp', async () => {
      await first.done;
      order.push('up-0');
    });
    const later = [
      queue.run('signUp', async () => void order.push('up-1')),
      queue.run('signUp', async () => void order.push('up-2')),
      queue.run('signIn', async () => void order.push('in-1')),
    ];
    first.open();
    await Promise.all([running, ...later]);
    expect(order).toEqual(['up-0', 'in-1', 'up-1', 'up-2']);
  });

  it('frees the slot when a job fails', async () => {
    const queue = createWorkQueue({ concurrency: 1, lanes: { only: 0 }, expectedMs: 100 });
    await expect(queue.run('only', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('only', () => { throw new Error('sync boom'); })).rejects.toThrow('sync boom');
    expect(await queue.run('only', async () => 'ok')).toBe('ok');
    expect(queue.stats().running).toBe(0);
  });
});
