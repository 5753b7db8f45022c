/** Six-digit hex colours (carets need them), one per delegation, distinct on white and dark. */
export const PALETTE = [
  '#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2',
  '#bcbd22', '#3b5ba5', '#b5179e', '#0f9d58', '#c0392b', '#6a4c93', '#e07a1f', '#118ab2',
  '#7f5539', '#ef476f', '#06a77d', '#5e60ce', '#a44a3f', '#2a9d8f', '#d4a017', '#8338ec',
] as const;

export const CHAIR_COLOR = '#1d3557';
export const OBSERVER_COLOR = '#6c757d';

export function delegationColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}
