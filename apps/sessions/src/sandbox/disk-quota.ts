/**
 * A run's disk quota counts as full when less than this is free at its end: a write that hit
 * ENOSPC leaves (almost) nothing free, while a run that merely used much of its quota does not.
 */
export function fullThreshold(diskBytes: number): number {
  return Math.min(1024 * 1024, Math.floor(diskBytes / 256));
}
