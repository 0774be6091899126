/** One figure a benchmark prints; `goal` is the target the issue set, shown beside it. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  goal?: string;
}
