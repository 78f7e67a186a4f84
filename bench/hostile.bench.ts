/**
 * Hostile .som files: time to refuse the 5 MiB file with ~1,75 million `participants` values and the
 * one with a million empty objects (target ≤ 100 ms each), and the extra memory the refusal needs,
 * measured in a fresh child process as the growth of its peak resident set (target ≤ 50 MB).
 */
import { spawnSync } from 'node:child_process';
import { parseSom, parseSomBytes } from '../shared/som/io';
import { hugeParticipantsText, manyObjectsText } from '../src-main/store/hostile-files';
import { measureSync, summarize, type Figure } from './measure';

function refuse(input: string | Uint8Array): boolean {
  try {
    if (typeof input === 'string') parseSom(input);
    else parseSomBytes(input);
    return false;
  } catch {
    return true;
  }
}

/** Peak RSS growth (MB) of a child that builds the text, then refuses it; the text itself is counted apart. */
function peakGrowthMb(kind: 'participants' | 'objects'): number {
  const script = `
    import { parseSomBytes } from './shared/som/io.ts';
    import { hugeParticipantsText, manyObjectsText } from './src-main/store/hostile-files.ts';
    const text = ${kind === 'participants' ? 'hugeParticipantsText()' : 'manyObjectsText()'};
    const bytes = new TextEncoder().encode(text);
    globalThis.gc?.();
    const before = process.resourceUsage().maxRSS;
    const rssNow = process.memoryUsage().rss / 1024;
    try { parseSomBytes(bytes); } catch {}
    const after = process.resourceUsage().maxRSS;
    console.log(JSON.stringify({ growthKb: after - Math.max(before, rssNow) }));
  `;
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: process.cwd() });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  const growthKb = (JSON.parse(line) as { growthKb: number }).growthKb;
  return Math.max(0, growthKb) / 1024;
}

export default async function (): Promise<Record<string, Figure>> {
  const huge = hugeParticipantsText();
  const objects = manyObjectsText();
  const results: Record<string, Figure> = {};
  const hugeBytes = new TextEncoder().encode(huge);
  const objectBytes = new TextEncoder().encode(objects);
  // As the store reads a file (bytes → strict UTF-8 → pre-scan), and as text (import from the renderer).
  results['hostile 5 MiB, 1,75 mio. participants: refused (file bytes)'] = measureSync(() => refuse(hugeBytes), 20, 3);
  results['hostile 5 MiB, 1,75 mio. participants: refused (text)'] = measureSync(() => refuse(huge), 20, 3);
  results['hostile 1 mio. empty objects: refused (file bytes)'] = measureSync(() => refuse(objectBytes), 20, 3);
  // CPU time of the same refusals (the wall time above includes waiting for a busy machine).
  const cpu = (input: Uint8Array): Figure => {
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const c0 = process.cpuUsage();
      refuse(input);
      const c = process.cpuUsage(c0);
      samples.push((c.user + c.system) / 1000);
    }
    return summarize(samples);
  };
  results['hostile 5 MiB, 1,75 mio. participants: refused (file bytes, CPU time)'] = cpu(hugeBytes);
  results['hostile 1 mio. empty objects: refused (file bytes, CPU time)'] = cpu(objectBytes);
  const mb = [peakGrowthMb('participants'), peakGrowthMb('objects')];
  results['hostile refusal, peak memory growth (participants)'] = { median: mb[0]!, p95: mb[0]!, unit: 'MB' };
  results['hostile refusal, peak memory growth (objects)'] = { median: mb[1]!, p95: mb[1]!, unit: 'MB' };
  return results;
}
