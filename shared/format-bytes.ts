/**
 * Sizes as MediaDesk writes them in every view and in the CLI: 512 B, 2.4 KB, 38 MB, 1.2 GB
 * (binary units, one decimal below 10 so small sizes keep their precision).
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
