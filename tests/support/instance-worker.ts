/**
 * Another Aula instance on the same database, as a process of its own (its own
 * modules, connection pool, password queue and caches), for
 * tests/integration/instances.test.ts. One command per run; prints JSON.
 *   sign-in EMAIL PASSWORD         the real credentials check; prints the session id
 *   sign-out SESSION_ID            what Auth.js's sign-out event does
 *   set-role USER_ID ROLE          the admin's role change
 *   wrong-passwords EMAIL IP N     N wrong passwords at once; prints each outcome
 *   deliver-mail                   sends whatever is due through a recording transport; prints the recipients
 *   first-admin DATA_DIR LINE      once LINE/go exists (after writing LINE/ready-<pid>), npm start's first-admin step
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { countUsers } from '@/db/users';
import { ensureFirstAdmin } from '../../scripts/lib/first-admin';
import { closeDb } from '@/db/client';
import { revokeSession } from '@/db/sessions';
import { setRole } from '@/lib/admin/roles';
import { checkCredentials } from '@/lib/auth/credentials';
import { deliverDueMail } from '@/lib/mail';

const [command, ...args] = process.argv.slice(2) as [string, ...string[]];

async function run(): Promise<unknown> {
  switch (command) {
    case 'sign-in': {
      const result = await checkCredentials({ email: args[0], password: args[1] }, '192.0.2.10');
      return result.ok ? { sessionId: result.user.sessionId } : result;
    }
    case 'sign-out':
      await revokeSession({ sessionId: args[0]!, now: new Date() });
      return { done: true };
    case 'set-role':
      return setRole({ userId: args[0]!, role: args[1] as 'learner' | 'editor' | 'admin' });
    case 'wrong-passwords':
      return Promise.all(Array.from({ length: Number(args[2]) }, (_, i) => checkCredentials({ email: args[0], password: `wrong guess number ${i}` }, args[1]!).then((r) => (r.ok ? 'ok' : r.reason))));
    case 'deliver-mail': {
      const sent: string[] = [];
      const recording = { kind: 'smtp' as const, send: async (to: string) => void sent.push(to) };
      while ((await deliverDueMail(new Date(), recording)).sent > 0);
      return sent;
    }
    case 'first-admin': {
      await countUsers(); // connected (and migrated) before the start line, so both processes go together
      writeFileSync(path.join(args[1]!, `ready-${process.pid}`), '');
      const pause = new Int32Array(new SharedArrayBuffer(4));
      while (!existsSync(path.join(args[1]!, 'go'))) Atomics.wait(pause, 0, 0, 5);
      return (await ensureFirstAdmin({}, args[0]!)) ?? null;
    }
    default:
      throw new Error(`unknown command ${command}`);
  }
}

run()
  .then(async (result) => {
    process.stdout.write(JSON.stringify(result));
    await closeDb();
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
