export interface Tournament {
  id: string;
  name: string;
  nameEs: string;
  /** Country name in English, or "Europe"/"International" for cross-border competitions. */
  country: string;
  sportId: string;
  /** False when the competition has no fixtures in the current period (off-season, between editions). */
  active: boolean;
}
