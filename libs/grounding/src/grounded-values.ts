/**
 * The values a turn may quote: every number of its tool results (read by the key it sits under:
 * `odds`, `…Probability`, `stake`, `potentialReturn`, `score`…), the figures written inside their
 * text fields (a tool's `note` or `reason`), its tool arguments, the tracked context, the numbers
 * the user wrote (their own hypothetical stake or price is theirs to reason with), and today's date.
 * Each value keeps the names of what it belongs to (a selection, a team, a match), so that a wrong
 * figure can be matched to the right one.
 */
import { wallClock } from '@app/common';
import { extractClaims } from './claim-extractor.js';

export interface GroundedNumber {
  value: number;
  /** The key it was found under, lower case ("potentialreturn"), or "text" for a figure read from text. */
  key: string;
  /** Lower-case names of the selection, team or match it belongs to. */
  labels: string[];
  /**
   * Numbers with the same group are outcomes of one set (the selections of one market, one
   * prediction's probabilities): only those add up to a shown sum ("home or draw").
   */
  group?: number;
}

/** A calendar day, with a time when the source had one, as seen in one time zone. */
export interface GroundedMoment {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  /** 0 = Sunday. */
  weekday: number;
  /** Seen in UTC rather than in the user's zone. */
  utc: boolean;
  labels: string[];
}

interface Sides {
  home?: string;
  draw?: string;
  away?: string;
}

export interface ToolEvidence {
  name: string;
  args?: Record<string, unknown>;
  /** The parsed result; error results carry no figures worth quoting but are read the same way. */
  result: unknown;
}

export interface EvidenceInput {
  tools: readonly ToolEvidence[];
  /** The conversation's tracked context (amounts, lines, days it was about). */
  context?: unknown;
  /** The user's message of this turn. */
  userText?: string;
  /** The user's IANA zone: answers state times in it. */
  timeZone: string;
  now: Date;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/;
const SCORE_TEXT = /^(\d{1,2})-(\d{1,2})$/;
const LABEL_KEYS = new Set(['name', 'pick', 'home', 'away', 'opponent', 'team', 'competition']);
const MONEY_KEY = /stake|return|profit|available|pending|bonus|budget|balance|amount|payout|^value$/;
const PROBABILITY_KEY = /probab|^edge$|^margin$|^gap$|^overround$|^over25$|^under25$|^bttsyes$|^bttsno$|^home$|^draw$|^away$/;
const MAX_TEXT_CHARS = 2_000;
const DAY_MS = 86_400_000;

/** The values one turn may quote, by kind. */
export class GroundedValues {
  readonly odds: GroundedNumber[] = [];
  /** As percentages (52.36 for 0.5236). */
  readonly probabilities: GroundedNumber[] = [];
  readonly money: GroundedNumber[] = [];
  readonly scores: Array<{ home: number; away: number; labels: string[] }> = [];
  readonly moments: GroundedMoment[] = [];

  private groups = 0;

  private constructor(readonly timeZone: string) {}

  static collect(input: EvidenceInput): GroundedValues {
    const values = new GroundedValues(input.timeZone);
    for (const tool of input.tools) {
      values.walk(tool.result, '', [], undefined, {});
      if (tool.args) values.walk(tool.args, '', [], undefined, {});
    }
    if (input.context !== undefined) values.walk(input.context, '', [], undefined, {});
    if (input.userText) values.addText(input.userText, []);
    // "Today" and "tomorrow" are facts the answer may state.
    for (const offset of [-1, 0, 1, 2]) values.addInstant(input.now.getTime() + offset * DAY_MS, [], false);
    return values;
  }

  /** `sides`: the home and away team of the match being read, which name a prediction's home/draw/away. */
  private walk(node: unknown, key: string, labels: string[], parentKey: string | undefined, sides: Sides, group = 0): void {
    if (typeof node === 'number') {
      const side = parentKey === 'probabilities' ? sides[key as keyof Sides] : undefined;
      this.addNumber(node, key, parentKey, side ? [...labels, side] : labels, group);
    } else if (typeof node === 'string') {
      this.addString(node, key, labels);
    } else if (Array.isArray(node)) {
      // The items of one list (a market's selections) form one group.
      const items = ++this.groups;
      for (const item of node) this.walk(item, key, labels, parentKey, sides, items);
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      let inner = labels;
      for (const k in record) {
        const v = record[k];
        if (LABEL_KEYS.has(k) && typeof v === 'string' && v.length > 0 && v.length <= 80) {
          if (inner === labels) inner = [...labels];
          inner.push(v.toLowerCase());
        }
      }
      const lowerKey = key.toLowerCase();
      if (typeof record.home === 'number' && typeof record.away === 'number' && /score/.test(lowerKey)) {
        this.scores.push({ home: record.home, away: record.away, labels });
      }
      const match = typeof record.match === 'object' && record.match !== null ? (record.match as Record<string, unknown>) : record;
      const inside: Sides =
        typeof match.home === 'string' && typeof match.away === 'string' ? { home: match.home.toLowerCase(), away: match.away.toLowerCase(), draw: 'draw' } : sides;
      // Fields of a list item share the list's group; a lone object is a group of its own.
      const own = group !== 0 ? group : ++this.groups;
      for (const k in record) this.walk(record[k], k.toLowerCase(), inner, lowerKey, inside, Array.isArray(record[k]) ? 0 : own);
    }
  }

  private addNumber(value: number, key: string, parentKey: string | undefined, labels: string[], group: number): void {
    if (!Number.isFinite(value)) return;
    const entry = { value, key, labels, group };
    if (key.includes('odds')) this.odds.push(entry);
    else if (PROBABILITY_KEY.test(key) && (key !== 'home' && key !== 'draw' && key !== 'away' ? true : parentKey === 'probabilities')) {
      this.probabilities.push({ ...entry, value: Math.abs(value) * 100 });
    } else if (MONEY_KEY.test(key)) this.money.push(entry);
    // A line ("over 2.5", "total points 226.5") read as a figure is the line, not a price.
    else if (key === 'line') this.odds.push({ ...entry, key: 'line' });
  }

  private addString(text: string, key: string, labels: string[]): void {
    if (text.length === 0 || text.length > MAX_TEXT_CHARS) return;
    if (ISO_INSTANT.test(text)) {
      const instant = Date.parse(text);
      if (Number.isFinite(instant)) this.addInstant(instant, labels, true);
      return;
    }
    const local = LOCAL_DATE_TIME.exec(text);
    if (local) {
      const [year, month, day] = [Number(local[1]), Number(local[2]), Number(local[3])];
      this.moments.push({
        year,
        month,
        day,
        ...(local[4] !== undefined && { hour: Number(local[4]), minute: Number(local[5]) }),
        weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
        utc: false,
        labels,
      });
      return;
    }
    const score = /score/.test(key) ? SCORE_TEXT.exec(text) : null;
    if (score) {
      this.scores.push({ home: Number(score[1]), away: Number(score[2]), labels });
      return;
    }
    // Ids and codes ("m1234", "EUR") have no spaces; only text can state a figure.
    if (/\d/.test(text) && /\s/.test(text)) this.addText(text, labels);
  }

  /** Figures written in text (a tool's note, the user's message) count as the kind they read as. */
  private addText(text: string, labels: string[]): void {
    for (const claim of extractClaims(text)) {
      const entry = { value: claim.value, key: 'text', labels };
      if (claim.kind === 'odds') this.odds.push(entry);
      else if (claim.kind === 'probability') this.probabilities.push(entry);
      else if (claim.kind === 'money' || claim.kind === 'balance') this.money.push(entry);
      else if (claim.kind === 'score' && claim.score) this.scores.push({ home: claim.score[0], away: claim.score[1], labels });
      else if (claim.kind === 'datetime' && claim.date) {
        const d = claim.date;
        if (d.day !== undefined && d.month !== undefined) {
          const year = d.year ?? new Date().getUTCFullYear();
          this.moments.push({
            year,
            month: d.month,
            day: d.day,
            ...(d.hour !== undefined && { hour: d.hour, minute: d.minute ?? 0 }),
            weekday: new Date(Date.UTC(year, d.month - 1, d.day)).getUTCDay(),
            utc: d.utc,
            labels,
          });
        }
      }
    }
  }

  /** An instant as the user's zone shows it, and as UTC shows it (answers sometimes say "20:00 UTC"). */
  private addInstant(instant: number, labels: string[], withTime: boolean): void {
    this.addWall(instant, true, labels, withTime);
    this.addWall(this.timeZone === 'UTC' ? instant : instant + offsetAt(instant, this.timeZone), false, labels, withTime);
  }

  /** `wall`: the wall-clock time as if it were UTC milliseconds. */
  private addWall(wall: number, utc: boolean, labels: string[], withTime: boolean): void {
    const date = new Date(wall);
    const moment: GroundedMoment = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay(), utc, labels };
    if (withTime) {
      moment.hour = date.getUTCHours();
      moment.minute = date.getUTCMinutes();
    }
    this.moments.push(moment);
  }
}

const HOUR_MS = 3_600_000;
const offsets = new Map<string, number>();
const MAX_OFFSETS = 10_000;

/**
 * The zone's offset from UTC at `instant`, read once per zone and hour: zones change offset on the
 * hour, and reading it through Intl costs more than the rest of collecting a turn's values.
 */
function offsetAt(instant: number, timeZone: string): number {
  const hour = Math.floor(instant / HOUR_MS);
  const key = `${timeZone}|${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = wallClock(hour * HOUR_MS, timeZone).offsetMs;
    if (offsets.size >= MAX_OFFSETS) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}
