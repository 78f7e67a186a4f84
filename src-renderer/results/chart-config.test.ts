import { describe, expect, it } from 'vitest';
import { goldenSom } from '../../test-support/golden';
import { calculate } from '../../shared/engine/calc';
import { figure2 } from '../../shared/report/figures';
import { chartConfig } from './chart-config';

/** What Chart.js draws for dataset `d` at category `k`: on a stacked y scale, datasets with the same stack key (`stack`, else the dataset's type, as Chart.js keys them) add up in order. */
function drawn(config: ReturnType<typeof chartConfig>, d: number, k: number): number {
  const sets = config.data.datasets as { stack?: string; type?: string; data: number[] }[];
  if (!config.options?.scales?.y || !(config.options.scales.y as { stacked?: boolean }).stacked) return sets[d]!.data[k]!;
  const key = (s: (typeof sets)[number]) => s.stack ?? s.type ?? 'bar';
  return sets.slice(0, d + 1).filter((s) => key(s) === key(sets[d]!)).reduce((sum, s) => sum + s.data[k]!, 0);
}

describe('chartConfig', () => {
  it('Figur 2 split on the actors: each accumulated line is drawn at its own values, not added to another', () => {
    const r = calculate(goldenSom('icm-hjemloese'));
    const shape = figure2(r, 'alle', 'aktoerer');
    expect(shape.stacked).toBe(true);
    const config = chartConfig(shape);
    const lines = shape.series.flatMap((s, i) => (s.kind === 'line' ? [i] : []));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const i of lines) {
      shape.categories.forEach((_, k) => expect(drawn(config, i, k)).toBeCloseTo(shape.series[i]!.values[k]!, 6));
    }
  });
});
