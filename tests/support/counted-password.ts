/**
 * A stand-in for lib/auth/password in throttle tests: the same functions, but
 * cheap (no scrypt) and counted, each taking a few milliseconds of async time
 * so that parallel callers overlap the way they do around a real hash. Tests
 * count the hashes that ran instead of timing anything. `hold` keeps every
 * check waiting until released (to fill the password queue).
 */
export const passwordCalls = { hash: 0, verify: 0 };
let held: Promise<void> | undefined;
let release: (() => void) | undefined;

export function hold(): () => void {
  held = new Promise((resolve) => (release = resolve));
  return () => {
    release?.();
    held = undefined;
  };
}

const work = async () => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  if (held) await held;
};

export const passwordStub = {
  async hashPassword(password: string): Promise<string> {
    passwordCalls.hash += 1;
    await work();
    return `test$${password}`;
  },
  async verifyPassword(password: string, stored: string): Promise<boolean> {
    passwordCalls.verify += 1;
    await work();
    return stored === `test$${password}`;
  },
  hashForUnknownUser: async () => 'test$ no password matches this one',
};
