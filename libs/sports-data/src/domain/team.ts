export interface Team {
  id: string;
  /** Canonical name, the form used in fixtures and odds selections. */
  name: string;
  nameEs?: string;
  aliases: string[];
  country: string;
  sportId: string;
}

/** The minimal reference to a team carried by fixtures, form and head-to-head records. */
export interface TeamRef {
  id: string;
  name: string;
}
