/** A share as a percentage with at most one decimal ("66.7%", "50%"), or `none` when there is no share. */
export function formatShare(share: number | null, none: string): string {
  if (share === null) return none;
  return `${Math.round(share * 1000) / 10}%`;
}

/** Seconds as minutes and seconds, rounded to the second ("3:08"), or `none`. */
export function formatDuration(seconds: number | null, none: string): string {
  if (seconds === null) return none;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** A percentage for a chart (0–100, one decimal), or null to draw no bar. */
export function sharePercent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}
