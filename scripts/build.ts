/** Builds the app if its sources or SITE_URL changed since the last build (used by npm test). */
import { EnvError } from '@/lib/env';
import { ensureBuild } from './lib/ensure-build';

ensureBuild(process.cwd(), process.env).catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : (error as Error).message);
  process.exit(1);
});
