import { describe, expect, it } from 'vitest';
import { addressAllowance, addressLimit, learnerAllowance, quizAttemptsPerAddress, quizAttemptsPerLearner, quizAttemptWindowMs } from '@/lib/quiz/limits';
import { consumeQuota } from '@/lib/security/rate-limit';

const hour = 3_600_000;
const t0 = new Date('2030-06-01T08:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * hour);

describe('a learner’s attempts: 3 per quiz in any 8 hours', () => {
  it('has the numbers the issue asks for', () => {
    expect(quizAttemptsPerLearner).toBe(3);
    expect(quizAttemptWindowMs).toBe(8 * hour);
  });

  it('allows the first three, saying how many are left, and when the next is allowed after the third', () => {
    expect(learnerAllowance([], t0)).toEqual({ allowed: true, left: 2, nextAt: null });
    expect(learnerAllowance([t0], at(1))).toEqual({ allowed: true, left: 1, nextAt: null });
    expect(learnerAllowance([t0, at(1)], at(2))).toEqual({ allowed: true, left: 0, nextAt: at(8) });
  });

  it('refuses the fourth, with the time the oldest attempt leaves the window', () => {
    expect(learnerAllowance([t0, at(1), at(2)], at(3))).toEqual({ allowed: false, left: 0, nextAt: at(8) });
    expect(learnerAllowance([at(2), t0, at(1)], at(7.99))).toMatchObject({ allowed: false, nextAt: at(8) });
  });

  it('slides: as each attempt leaves the window another is allowed', () => {
    const three = [t0, at(1), at(2)];
    expect(learnerAllowance(three, at(8))).toEqual({ allowed: true, left: 0, nextAt: at(9) });
    expect(learnerAllowance([...three, at(8)], at(8.5))).toEqual({ allowed: false, left: 0, nextAt: at(9) });
    expect(learnerAllowance([...three, at(8)], at(9))).toEqual({ allowed: true, left: 0, nextAt: at(10) });
    expect(learnerAllowance(three, at(10))).toEqual({ allowed: true, left: 2, nextAt: null });
  });

  it('counts attempts stamped after now (stored by another process while this post waited for the lock)', () => {
    expect(learnerAllowance([at(0.001), at(0.002), at(0.003)], t0)).toEqual({ allowed: false, left: 0, nextAt: at(8.001) });
  });
});

describe('an anonymous visitor’s attempts: 10 per quiz per address in 8 hours', () => {
  it('maps the counter to an allowance', () => {
    expect(addressAllowance({ limited: false, left: 3, resetAt: at(8) })).toEqual({ allowed: true, left: 3, nextAt: null });
    expect(addressAllowance({ limited: false, left: 0, resetAt: at(8) })).toEqual({ allowed: true, left: 0, nextAt: at(8) });
    expect(addressAllowance({ limited: true, left: 0, resetAt: at(8) })).toEqual({ allowed: false, left: 0, nextAt: at(8) });
  });

  it('counts per address and per quiz in the database, atomically', async () => {
    const limit = addressLimit('203.0.113.7', 'risoluzione-dei-conflitti', 'tipi-di-cliente');
    const states = [];
    for (let i = 0; i <= quizAttemptsPerAddress; i++) states.push(addressAllowance(await consumeQuota(limit, at(i * 0.1))));
    expect(quizAttemptsPerAddress).toBe(10);
    expect(states.slice(0, 10).map((s) => s.left)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(states[10]).toEqual({ allowed: false, left: 0, nextAt: at(8) });
    // Another address, another quiz: their own counters.
    expect(addressAllowance(await consumeQuota(addressLimit('203.0.113.8', 'risoluzione-dei-conflitti', 'tipi-di-cliente'), at(1))).allowed).toBe(true);
    expect(addressAllowance(await consumeQuota(addressLimit('203.0.113.7', 'risoluzione-dei-conflitti', 'livelli-di-contatto'), at(1))).allowed).toBe(true);
    // The window ends: counting starts over.
    expect(addressAllowance(await consumeQuota(limit, at(8))).left).toBe(9);
  });

  it('does not store a forwarded value of any length as the key', () => {
    expect(addressLimit('x'.repeat(5000), 'c', 'l').key.length).toBeLessThan(100);
  });
});
