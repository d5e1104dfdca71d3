/**
 * The user's own team: declared ("I'm a Liverpool fan", "soy del Betis", "mi equipo es el Sevilla")
 * or referred to ("when does my team play?", "¿cuándo juega mi equipo?"). Declarations read the
 * skeleton (each team replaced by @team); a reference is written back as the team's name by
 * `namingMyTeam`, so the rest of the understanding reads an ordinary question about that team.
 */

function rx(...alternatives: string[]): RegExp {
  return new RegExp(alternatives.join('|'), 'g');
}

// Each alternative holds exactly one @team: the team declared.
const DECLARATION_RE = rx(
  String.raw`\b(?:i'?m|i\s+am|im)\s+(?:an?\s+)?(?:(?:big|huge|massive|lifelong|die[\s-]hard|proud)\s+)?@team\s+(?:fan|supporter|follower|man|girl|guy)\b`,
  String.raw`\b(?:i'?m|i\s+am|im)\s+(?:an?\s+)?(?:(?:big|huge|massive|lifelong|die[\s-]hard|proud)\s+)?(?:fan|supporter|follower)\s+of\s+@team`,
  String.raw`\bi\s+(?:support|follow|root\s+for|cheer\s+for)\s+@team`,
  String.raw`\bmy\s+(?:(?:favou?rite|own)\s+)?(?:team|club|side)\s+(?:is|are|'s)\s+@team`,
  String.raw`@team\s+(?:fan|supporter)\s+here\b`,
  // "soy del Betis", "soy hincha de Boca"; a bare "soy de Sevilla" says where one is from.
  String.raw`\bsoy\s+(?:(?:hincha|aficionad[oa]|seguidor(?:a)?|fan|socio|socia)\s+(?:de|del|al)\s+(?:(?:la|los|las)\s+)?|del\s+|de\s+(?:la|los|las)\s+)@team`,
  String.raw`\bmi\s+(?:equipo|club)(?:\s+favorito)?\s+es\s+(?:(?:el|la|los|las)\s+)?@team`,
  String.raw`\b(?:apoyo|sigo|animo)\s+(?:al|a\s+los|a\s+las|a\s+la|a)\s+@team`,
);

// "my team", "mi equipo": the team the user supports, when not being declared in the same words.
const MY_TEAM_SKELETON_RE = /\b(?:my|our)\s+(?:(?:favou?rite|own)\s+)?(?:team|club|side)\b|\b(?:mi|nuestro)\s+(?:equipo|club)\b/;
const MY_TEAM_TEXT_RE = /\b(?:my|our)\s+(?:(?:favou?rite|own)\s+)?(?:team|club|side)\b|\b(?:mi|nuestro)\s+(?:equipo|club)(?:\s+favorito)?\b/giu;

/** Indexes (in order of mention, among the skeleton's @team placeholders) of the teams the user declares as theirs. */
export function declaredTeamSlots(skeleton: string): number[] {
  const slots: number[] = [];
  for (const match of skeleton.matchAll(DECLARATION_RE)) {
    const at = (match.index ?? 0) + match[0].indexOf('@team');
    slots.push(skeleton.slice(0, at).split('@team').length - 1);
  }
  return [...new Set(slots)];
}

/** Whether the message refers to "my team" outside the words declaring it ("my team is Sevilla"). */
export function refersToMyTeam(skeleton: string): boolean {
  return MY_TEAM_SKELETON_RE.test(skeleton.replace(DECLARATION_RE, ' '));
}

/** The message with "my team" / "mi equipo" written as the team's name. */
export function namingMyTeam(message: string, team: string): string {
  return message.replace(MY_TEAM_TEXT_RE, team);
}

/** The sources of the patterns, so their words are known to the typo corrector. */
export const FAN_PATTERNS: readonly RegExp[] = [DECLARATION_RE, MY_TEAM_SKELETON_RE];
