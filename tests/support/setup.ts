import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Every test file gets its own fresh database file; getDb() migrates it on first use.
process.env.DATABASE_URL = path.join(mkdtempSync(path.join(os.tmpdir(), 'aula-unit-')), 'test.sqlite');
