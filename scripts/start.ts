/**
 * `npm start`: validate the configuration, migrate the database, create the
 * first admin on an empty database, build if the build is missing or stale,
 * then serve on HOST:PORT from this very process, so that SIGTERM or SIGINT
 * to it (or to npm, which forwards them) stops the app gracefully.
 */
import path from 'node:path';
import { closeDb, getDb } from '@/db/client';
import { authSecret, databaseLabel, dataDir, env, EnvError } from '@/lib/env';
import { startRetention } from '@/lib/maintenance/retention';
import { mailTransport, startMailWorker } from '@/lib/mail';
import { compactStoredProgress } from '@/lib/progress/upgrade';
import { ensureSearchIndex } from '@/lib/search/indexer';
import { clientAddressTagger } from './lib/client-address';
import { ensureBuild } from './lib/ensure-build';
import { ensureFirstAdmin } from './lib/first-admin';
import { stopOnSignals } from './lib/graceful-stop';

const root = process.cwd();

async function prepareDatabase(config: ReturnType<typeof env>) {
  getDb(); // creates data/ and the file, applies migrations
  const compacted = await compactStoredProgress();
  if (compacted.applied) console.log(`Compacted the watched intervals of ${compacted.changed} lesson rows`);
  console.log(`Database ready: ${databaseLabel()}`);
  await ensureSearchIndex(); // built from content/ now, so the first search does not wait for it
  const admin = await ensureFirstAdmin({ email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD }, dataDir());
  if (admin?.passwordFile) {
    console.log(`\nCreated the first admin, ${admin.email}. Its password is in ${admin.passwordFile} (readable only by this user): sign in, then delete the file.\n`);
  } else if (admin) {
    console.log(`\nCreated the first admin, ${admin.email}, with the password from ADMIN_PASSWORD.\n`);
  }
}

async function main() {
  const config = env();
  const secret = authSecret(); // on PostgreSQL, required: refused here, before the database is touched
  await prepareDatabase(config);
  // What the app reads at run time; Next and React pick their production code from NODE_ENV when first loaded.
  Object.assign(process.env, { AUTH_SECRET: secret, AUTH_TRUST_HOST: 'true', NODE_ENV: 'production' });
  await ensureBuild(root, process.env);

  const stopRetention = startRetention();
  if (mailTransport().kind === 'outbox') {
    console.log(`E-mail: SMTP_URL is not set, so messages are saved in ${path.join(dataDir(), 'outbox')} and each one's link is printed here.`);
  }
  const stopMail = startMailWorker();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads Next only now that NODE_ENV is set, without ESM loader hooks (see the start script in package.json)
  const { serve } = require('./lib/serve') as typeof import('./lib/serve');
  const serving = await serve({ dir: root, port: config.PORT, host: config.HOST, onRequest: clientAddressTagger(config.TRUST_PROXY) });
  console.log(`Aula is serving on ${serving.url}${config.HOST ? '' : ' (every interface; set HOST to choose one)'}, process ${process.pid}`);
  stopOnSignals({
    server: serving.server,
    afterRequests: async () => {
      stopRetention();
      stopMail();
      await serving.closeNext();
      await closeDb(); // checkpoints the write-ahead log into the database file, then closes it
    },
  });
}

main().catch((error: unknown) => {
  // A wrong setting is explained in one line; anything else with its stack.
  console.error(error instanceof EnvError || (error as Error).name === 'ListenError' ? (error as Error).message : error);
  process.exit(1);
});
