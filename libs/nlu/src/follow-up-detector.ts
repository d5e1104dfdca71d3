/**
 * Follow-ups lean on the previous turn: they open with a connective ("and…", "what about…",
 * "¿y…?") or point back at something already named ("that match", "lo mismo").
 * Works on the skeleton text, where entities appear as @team/@tournament.
 */
const OPENERS_RE =
  /^\W*(?:and|also|plus|ok(?:ay)?\s+(?:and|what\s+about|how\s+about)|what\s+about|how\s+about|same\s+(?:for|with|question\s+for)|y|tambien|vale\s+y|ok\s+y|que\s+tal\s+(?:el|la|los|las|con|si|para|@team|@tournament)|que\s+hay\s+de|lo\s+mismo\s+(?:para|con))(?=\W|$)/;

const REFERENCES_RE =
  /\b(?:that|this|the\s+same)\s+(?:match|game|fixture|one|bet|tie)\b|\b(?:ese|esa|el\s+mismo|la\s+misma)\s+(?:partido|juego|encuentro|apuesta)\b|\blo\s+mismo\b|\bthe\s+same\b|\binstead\b|\ben\s+su\s+lugar\b|\ben\s+vez\s+de\s+eso\b/;

// Pronouns only point back when the message names no team of its own ("when do they play?").
const PRONOUNS_RE = /\b(?:they|them|their|theirs|ellos|contra\s+ellos|sus\s+(?:cuotas|partidos|proximos))\b/;

export function detectFollowUp(skeleton: string): boolean {
  if (OPENERS_RE.test(skeleton) || REFERENCES_RE.test(skeleton)) return true;
  return !skeleton.includes('@team') && PRONOUNS_RE.test(skeleton);
}
