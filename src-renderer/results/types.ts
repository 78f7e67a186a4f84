export interface ChartSeries {
  label: string;
  values: number[];
  color: string | string[];
  /** 'line' draws the series as a line over the bars. */
  kind?: 'bar' | 'line';
  /** A dashed line (a second line that must be told apart without colour). */
  dashed?: boolean;
}
