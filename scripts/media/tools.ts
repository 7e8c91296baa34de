import { execFileSync, spawnSync } from 'node:child_process';

const install = 'sudo apt-get install -y espeak-ng ffmpeg   (Debian/Ubuntu)';

const versionFlags = { 'espeak-ng': '--version', ffmpeg: '-version', ffprobe: '-version' } as const;

/** Fails with a clear message when a media tool is missing (ffmpeg alone makes posters; a video needs all three). */
export function requireTools(tools: readonly (keyof typeof versionFlags)[] = ['espeak-ng', 'ffmpeg', 'ffprobe']): void {
  for (const tool of tools) {
    const flag = versionFlags[tool];
    const probe = spawnSync(tool, [flag], { stdio: 'ignore' });
    if (probe.error || probe.status !== 0) {
      throw new Error(`media:build needs ${tool}, which was not found on PATH.\nInstall it with:\n  ${install}`);
    }
  }
}

export function run(tool: string, args: string[]): void {
  const result = spawnSync(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(`${tool} failed (${result.status}):\n${result.stderr?.toString().split('\n').slice(-15).join('\n')}`);
  }
}

export function probeDuration(file: string): number {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]);
  return Number(out.toString().trim());
}
