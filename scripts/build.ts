/** Builds the app if its sources changed since the last build (used by npm test). */
import { ensureBuild } from './lib/ensure-build';

try {
  ensureBuild(process.cwd(), process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
