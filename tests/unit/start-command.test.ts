import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startCommandArgs } from '@/scripts/lib/start-command';

describe('how the server is started', () => {
  it("package.json's start script runs it as the tests, the cluster and the bench do", () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toBe(`exec node ${startCommandArgs().join(' ')}`);
  });

  it('without ES-module loader hooks in front of Next', () => {
    expect(startCommandArgs()).not.toContain('--import');
    expect(startCommandArgs('x.ts').at(-1)).toBe('x.ts');
  });
});
