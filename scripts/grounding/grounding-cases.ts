/**
 * The replayed script of the grounding evaluation: model answers written from tool results of the
 * shapes our tools return (prices, payouts, accumulators, predictions, fixtures, balances, verdicts,
 * head-to-head scores, stake plans), in English and Spanish, each once correct and once with one
 * planted error (a price, amount, probability, score, day or time off). Drawn from a seeded
 * generator, so every run replays the same answers.
 */
import type { ClaimKind, ToolEvidence } from '@app/grounding';

export interface GroundingCase {
  id: string;
  language: 'en' | 'es';
  tools: ToolEvidence[];
  userText: string;
  timeZone: string;
  now: Date;
  answer: string;
  /** The planted error, as written in the answer (none for a correct answer). */
  planted?: { kind: ClaimKind; text: string; start: number };
}

/** A piece of an answer: plain text, or a factual figure with a wrong version to plant. */
type Part = string | { kind: ClaimKind; text: string; wrong: string };

interface Template {
  name: string;
  build(rng: Rng, language: 'en' | 'es', ctx: Ctx): { tools: ToolEvidence[]; userText: string; parts: Part[] };
}

interface Ctx {
  now: Date;
  timeZone: string;
}

export const EVAL_NOW = new Date('2026-12-07T10:00:00Z');
const ZONES = ['Europe/Madrid', 'Europe/London', 'America/New_York', 'UTC'];
const TEAMS = [
  ['Barcelona', 'Real Madrid'],
  ['Arsenal', 'Chelsea'],
  ['Liverpool', 'Manchester City'],
  ['Juventus', 'Milan'],
  ['Bayern Munich', 'Borussia Dortmund'],
  ['Paris Saint-Germain', 'Marseille'],
  ['Atletico Madrid', 'Sevilla'],
  ['Inter', 'Napoli'],
  ['Benfica', 'Porto'],
  ['Ajax', 'PSV Eindhoven'],
];

class Rng {
  constructor(private state: number) {}
  next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  odds(min = 1.3, max = 6): number {
    return Math.round((min + this.next() * (max - min)) * 100) / 100;
  }
  sign(): number {
    return this.next() < 0.5 ? -1 : 1;
  }
}

const r2 = (v: number) => Math.round(v * 100) / 100;
const fixed = (v: number, d: number, language: 'en' | 'es', comma = false) => {
  const text = v.toFixed(d);
  return language === 'es' && comma ? text.replace('.', ',') : text;
};
const pct = (p: number) => (Math.round(p * 1000) / 10).toFixed(1);
const euro = (v: number, language: 'en' | 'es') => (language === 'es' ? `${v.toFixed(2)} €` : `€${v.toFixed(2)}`);

function wall(iso: string, timeZone: string, language: 'en' | 'es', style: 'long' | 'short' | 'day'): string {
  const locale = language === 'es' ? 'es-ES' : 'en-GB';
  const date = new Date(iso);
  if (style === 'day') return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }).format(date);
  if (style === 'short') {
    return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
  }
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(date);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
  return language === 'es' ? `${day}, a las ${time}` : `${day} at ${time}`;
}

function localDateTime(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function kickoff(rng: Rng, now: Date): string {
  const day = rng.int(0, 6);
  const minutes = rng.pick([12 * 60, 14 * 60 + 15, 16 * 60 + 30, 18 * 60 + 45, 19 * 60, 20 * 60, 21 * 60]);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1 + day) + minutes * 60_000).toISOString();
}

function match(rng: Rng, ctx: Ctx) {
  const [home, away] = rng.pick(TEAMS);
  const start = kickoff(rng, ctx.now);
  return { id: `m${rng.int(1000, 9999)}`, home, away, competition: 'League', kickoff: start, kickoffLocal: localDateTime(start, ctx.timeZone), status: 'scheduled' };
}

/** A wrong price: off by 0.05 to 0.60, never another price of the answer's data. */
const wrongOdds = (rng: Rng, v: number) => Math.max(1.01, r2(v + rng.sign() * (0.05 + rng.int(0, 11) * 0.05)));
const wrongMoney = (rng: Rng, v: number) => r2(v + rng.sign() * rng.int(1, 9) * 1.1);
const wrongShare = (rng: Rng, p: number) => Math.min(0.99, Math.max(0.01, p + rng.sign() * rng.int(3, 12) / 100));

function shiftedIso(iso: string, rng: Rng): string {
  const byDay = rng.next() < 0.6;
  return new Date(Date.parse(iso) + rng.sign() * (byDay ? 86_400_000 : 3_600_000)).toISOString();
}

const TEMPLATES: Template[] = [
  {
    name: 'odds',
    build(rng, language, ctx) {
      const m = match(rng, ctx);
      const [o1, o2, o3, over, under] = [rng.odds(1.4, 4), rng.odds(2.8, 4.2), rng.odds(1.8, 6), rng.odds(1.5, 2.4), rng.odds(1.5, 2.4)];
      const sel = (key: string, name: string, odds: number) => ({ key, name, odds, impliedProbability: r2(1 / odds) === 0 ? 0 : Math.round((1 / odds) * 1e6) / 1e6 });
      const margin = Math.round((1 / o1 + 1 / o2 + 1 / o3 - 1) * 1e4) / 1e4;
      const tools: ToolEvidence[] = [
        {
          name: 'get_match_odds',
          args: { team_a: m.home },
          result: {
            match: m,
            markets: [
              { market: '1x2', overround: margin, selections: [sel('home', m.home, o1), sel('draw', 'Draw', o2), sel('away', m.away, o3)] },
              { market: 'over_under', line: 2.5, overround: 0.05, selections: [sel('over', 'Over 2.5', over), sel('under', 'Under 2.5', under)] },
            ],
          },
        },
      ];
      const es = language === 'es';
      const wrongKick = shiftedIso(m.kickoff, rng);
      const draw = es ? 'Empate' : 'Draw';
      return {
        tools,
        userText: es ? `cuotas del ${m.home}` : `${m.home} odds?`,
        parts: [
          es ? `Cuotas del ${m.home} vs ${m.away} (` : `Odds for ${m.home} vs ${m.away} (`,
          { kind: 'datetime', text: wall(m.kickoff, ctx.timeZone, language, 'short'), wrong: wall(wrongKick, ctx.timeZone, language, 'short') },
          `):\n• ${m.home} `,
          { kind: 'odds', text: fixed(o1, 2, language), wrong: fixed(wrongOdds(rng, o1), 2, language) },
          ' (',
          { kind: 'probability', text: `${pct(1 / o1)}%`, wrong: `${pct(wrongShare(rng, 1 / o1))}%` },
          `) · ${draw} `,
          { kind: 'odds', text: fixed(o2, 2, language), wrong: fixed(wrongOdds(rng, o2), 2, language) },
          ` · ${m.away} `,
          { kind: 'odds', text: fixed(o3, 2, language), wrong: fixed(wrongOdds(rng, o3), 2, language) },
          es ? '\n• Más de 2.5 goles: ' : '\n• Over 2.5 goals: ',
          { kind: 'odds', text: fixed(over, 2, language), wrong: fixed(wrongOdds(rng, over), 2, language) },
          es ? ' · Menos ' : ' · Under ',
          { kind: 'odds', text: fixed(under, 2, language), wrong: fixed(wrongOdds(rng, under), 2, language) },
          es ? '\nEl margen de la casa es del ' : '\nThe bookmaker margin is ',
          { kind: 'probability', text: `${pct(margin)}%`, wrong: `${pct(margin + rng.int(2, 6) / 100)}%` },
          '.',
        ],
      };
    },
  },
  {
    name: 'payout',
    build(rng, language, ctx) {
      const m = match(rng, ctx);
      const odds = rng.odds(1.3, 5);
      const stake = rng.pick([5, 10, 20, 25, 50, 100]);
      const ret = r2(stake * odds);
      const profit = r2(ret - stake);
      const es = language === 'es';
      return {
        tools: [
          {
            name: 'simulate_bet',
            args: { selections: [{ team_a: m.home, selection: m.home }], stake },
            result: { type: 'single', stake, currency: 'EUR', odds, potentialReturn: ret, profit, impliedProbability: r2(1 / odds), legs: [{ match: m, pick: m.home, odds }] },
          },
        ],
        userText: es ? `cuánto gano con ${stake} € al ${m.home}` : `what would €${stake} on ${m.home} return?`,
        parts: es
          ? [
              `Una apuesta de ${euro(stake, language)} al ${m.home} con cuota `,
              { kind: 'odds', text: fixed(odds, 2, language, true), wrong: fixed(wrongOdds(rng, odds), 2, language, true) },
              ' devolvería ',
              { kind: 'money', text: euro(ret, language), wrong: euro(wrongMoney(rng, ret), language) },
              ', con un beneficio de ',
              { kind: 'money', text: euro(profit, language), wrong: euro(wrongMoney(rng, profit), language) },
              `. El partido es el `,
              { kind: 'datetime', text: wall(m.kickoff, ctx.timeZone, language, 'long'), wrong: wall(shiftedIso(m.kickoff, rng), ctx.timeZone, language, 'long') },
              '.',
            ]
          : [
              `A ${euro(stake, language)} bet on ${m.home} at `,
              { kind: 'odds', text: fixed(odds, 2, language), wrong: fixed(wrongOdds(rng, odds), 2, language) },
              ' would return ',
              { kind: 'money', text: euro(ret, language), wrong: euro(wrongMoney(rng, ret), language) },
              ', a profit of ',
              { kind: 'money', text: euro(profit, language), wrong: euro(wrongMoney(rng, profit), language) },
              '. Kick-off is on ',
              { kind: 'datetime', text: wall(m.kickoff, ctx.timeZone, language, 'long'), wrong: wall(shiftedIso(m.kickoff, rng), ctx.timeZone, language, 'long') },
              '.',
            ],
      };
    },
  },
  {
    name: 'accumulator',
    build(rng, language, ctx) {
      const legs = [match(rng, ctx), match(rng, ctx), match(rng, ctx)].slice(0, rng.int(2, 3)).map((m) => ({ match: m, pick: m.home, odds: rng.odds(1.3, 2.6) }));
      const combined = r2(legs.reduce((p, l) => p * l.odds, 1));
      const stake = rng.pick([5, 10, 20]);
      const ret = r2(stake * combined);
      const es = language === 'es';
      const parts: Part[] = [es ? `Tu combinada de ${legs.length} selecciones: ` : `Your ${legs.length}-leg accumulator: `];
      legs.forEach((leg, i) => {
        parts.push(`${i > 0 ? ', ' : ''}${leg.pick} @ `, { kind: 'odds', text: fixed(leg.odds, 2, language), wrong: fixed(wrongOdds(rng, leg.odds), 2, language) });
      });
      parts.push(
        es ? '. Cuota combinada ' : '. Combined odds ',
        { kind: 'odds', text: fixed(combined, 2, language), wrong: fixed(wrongOdds(rng, combined) + 0.4, 2, language) },
        es ? `; con ${euro(stake, language)} cobrarías ` : `; a ${euro(stake, language)} stake returns `,
        { kind: 'money', text: euro(ret, language), wrong: euro(wrongMoney(rng, ret), language) },
        '.',
      );
      return {
        tools: [
          {
            name: 'simulate_bet',
            args: { selections: legs.map((l) => ({ team_a: l.pick, selection: l.pick })), stake },
            result: { type: 'accumulator', stake, currency: 'EUR', combinedOdds: combined, potentialReturn: ret, profit: r2(ret - stake), legs },
          },
        ],
        userText: es ? `combinada de ${euro(stake, language)}` : `accumulator with ${euro(stake, language)}`,
        parts,
      };
    },
  },
  {
    name: 'prediction',
    build(rng, language, ctx) {
      const m = match(rng, ctx);
      const home = 0.3 + rng.next() * 0.35;
      const draw = 0.18 + rng.next() * 0.12;
      const away = 1 - home - draw;
      const score = [rng.int(0, 3), rng.int(0, 2)] as const;
      const wrongScore = [score[0] + 1, score[1] + (rng.next() < 0.5 ? 0 : 1)] as const;
      const es = language === 'es';
      return {
        tools: [
          {
            name: 'predict_match',
            args: { team_a: m.home },
            result: {
              match: m,
              probabilities: { home: Math.round(home * 1e6) / 1e6, draw: Math.round(draw * 1e6) / 1e6, away: Math.round(away * 1e6) / 1e6 },
              expectedGoals: { home: 1.62, away: 0.98 },
              mostLikelyScore: { home: score[0], away: score[1], probability: 0.112 },
            },
          },
        ],
        userText: es ? `quién gana el ${m.home} ${m.away}` : `who wins ${m.home} vs ${m.away}?`,
        parts: [
          es ? `Nuestro modelo da al ${m.home} un ` : `Our model gives ${m.home} `,
          { kind: 'probability', text: `${pct(home)}%`, wrong: `${pct(wrongShare(rng, home))}%` },
          es ? ', al empate un ' : ', the draw ',
          { kind: 'probability', text: `${pct(draw)}%`, wrong: `${pct(wrongShare(rng, draw))}%` },
          es ? ` y al ${m.away} un ` : ` and ${m.away} `,
          { kind: 'probability', text: `${pct(away)}%`, wrong: `${pct(wrongShare(rng, away))}%` },
          es ? '. Resultado más probable: ' : '. Most likely score: ',
          { kind: 'score', text: `${score[0]}-${score[1]}`, wrong: `${wrongScore[0]}-${wrongScore[1]}` },
          es ? ' (goles esperados 1.62-0.98).' : ' (expected goals 1.62-0.98).',
        ],
      };
    },
  },
  {
    name: 'fixtures',
    build(rng, language, ctx) {
      const matches = [match(rng, ctx), match(rng, ctx), match(rng, ctx)];
      const es = language === 'es';
      const parts: Part[] = [es ? `Próximos ${matches.length} partidos:\n` : `The next ${matches.length} matches:\n`];
      matches.forEach((m, i) => {
        parts.push(`${i + 1}. `, { kind: 'datetime', text: wall(m.kickoff, ctx.timeZone, language, 'short'), wrong: wall(shiftedIso(m.kickoff, rng), ctx.timeZone, language, 'short') }, ` — ${m.home} vs ${m.away}\n`);
      });
      parts.push(es ? `(Horas en ${ctx.timeZone}.)` : `(Times in ${ctx.timeZone}.)`);
      return { tools: [{ name: 'search_fixtures', args: { days: 7 }, result: { count: matches.length, matches } }], userText: es ? 'partidos de esta semana' : 'matches this week', parts };
    },
  },
  {
    name: 'balance',
    build(rng, language) {
      const available = r2(rng.int(500, 50000) / 100);
      const pending = r2(rng.int(0, 5000) / 100);
      const bonus = rng.pick([0, 5, 10, 25]);
      const es = language === 'es';
      return {
        tools: [{ name: 'get_user_balance', args: {}, result: { loginRequired: false, currency: 'EUR', available, pending, bonus } }],
        userText: es ? 'cuál es mi saldo' : "what's my balance",
        parts: [
          es ? 'Tu saldo disponible es ' : 'Your available balance is ',
          { kind: 'balance', text: euro(available, language), wrong: euro(wrongMoney(rng, available), language) },
          es ? ', con ' : ', with ',
          { kind: 'balance', text: euro(pending, language), wrong: euro(wrongMoney(rng, pending) + 3, language) },
          es ? ' pendientes y un bono de ' : ' pending and a bonus of ',
          { kind: 'balance', text: euro(bonus, language), wrong: euro(bonus + rng.int(3, 9) + 0.5, language) },
          '.',
        ],
      };
    },
  },
  {
    name: 'verdict',
    build(rng, language, ctx) {
      const m = match(rng, ctx);
      const odds = rng.odds(1.3, 2.2);
      const implied = 1 / odds;
      const fair = implied / 1.05;
      const es = language === 'es';
      return {
        tools: [
          {
            name: 'match_verdict',
            args: { team_a: m.home },
            result: {
              match: m,
              margin: 0.05,
              favourite: { key: 'home', name: m.home, odds, impliedProbability: Math.round(implied * 1e6) / 1e6, fairProbability: Math.round(fair * 1e6) / 1e6 },
              selections: [],
            },
          },
        ],
        userText: es ? `es favorito el ${m.home}?` : `are ${m.home} the favourite?`,
        parts: [
          es ? `El ${m.home} es favorito con cuota ` : `${m.home} are the favourite at `,
          { kind: 'odds', text: fixed(odds, 2, language), wrong: fixed(wrongOdds(rng, odds), 2, language) },
          es ? ': una probabilidad sin margen del ' : ': a fair probability of ',
          { kind: 'probability', text: `${pct(fair)}%`, wrong: `${pct(wrongShare(rng, fair))}%` },
          es ? ' (implícita ' : ' (',
          { kind: 'probability', text: `${pct(implied)}%`, wrong: `${pct(wrongShare(rng, implied))}%` },
          es ? '). Juegan el ' : ' implied). They play on ',
          { kind: 'datetime', text: wall(m.kickoff, ctx.timeZone, language, 'long'), wrong: wall(shiftedIso(m.kickoff, rng), ctx.timeZone, language, 'long') },
          '.',
        ],
      };
    },
  },
  {
    name: 'head-to-head',
    build(rng, language, ctx) {
      const [a, b] = rng.pick(TEAMS);
      const meetings = [0, 1, 2].map((i) => {
        const date = new Date(ctx.now.getTime() - (40 + i * 120) * 86_400_000).toISOString().slice(0, 10);
        return { date, home: i % 2 === 0 ? a : b, away: i % 2 === 0 ? b : a, score: { home: rng.int(0, 3), away: rng.int(0, 3) } };
      });
      const es = language === 'es';
      const parts: Part[] = [es ? `Últimos ${meetings.length} enfrentamientos entre ${a} y ${b} desde 2024:\n` : `Their last ${meetings.length} meetings since 2024:\n`];
      meetings.forEach((m) => {
        const wrong = `${m.score.home + 1}-${m.score.away + 2}`;
        parts.push('• ', { kind: 'datetime', text: wall(`${m.date}T12:00:00Z`, 'UTC', language, 'day'), wrong: wall(`${shiftedDay(m.date)}T12:00:00Z`, 'UTC', language, 'day') }, ` — ${m.home} `, { kind: 'score', text: `${m.score.home}-${m.score.away}`, wrong }, ` ${m.away}\n`);
      });
      return { tools: [{ name: 'compare_teams', args: { team_a: a, team_b: b }, result: { teamA: { name: a }, teamB: { name: b }, headToHead: { meetings: 3, recent: meetings } } }], userText: `${a} vs ${b} h2h`, parts };
    },
  },
  {
    name: 'stake-plan',
    build(rng, language, ctx) {
      const budget = rng.pick([30, 60, 90]);
      const stake = budget / 3;
      const picks = [match(rng, ctx), match(rng, ctx), match(rng, ctx)].map((m) => {
        const odds = rng.odds(1.3, 3);
        return { match: m, pick: m.home, odds, stake, potentialReturn: r2(stake * odds) };
      });
      const es = language === 'es';
      const parts: Part[] = [es ? `Mis 3 selecciones para un presupuesto de ${euro(budget, language)}:\n` : `My top 3 picks for a ${euro(budget, language)} budget:\n`];
      picks.forEach((p, i) => {
        parts.push(
          `${i + 1}. ${p.pick} @ `,
          { kind: 'odds', text: fixed(p.odds, 2, language), wrong: fixed(wrongOdds(rng, p.odds), 2, language) },
          es ? ' — apuesta ' : ' — stake ',
          euro(stake, language),
          es ? ', devuelve ' : ', returns ',
          { kind: 'money', text: euro(p.potentialReturn, language), wrong: euro(wrongMoney(rng, p.potentialReturn), language) },
          '\n',
        );
      });
      parts.push(es ? 'Presupuesto repartido a partes iguales.' : 'Budget split equally.');
      return { tools: [{ name: 'recommend_bets', args: { budget, count: 3 }, result: { risk: 'safest', budget, currency: 'EUR', selections: picks } }], userText: es ? `apuestas con ${budget} €` : `bets for €${budget}`, parts };
    },
  },
];

function shiftedDay(day: string): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** `count` correct answers and as many with one planted error each (the same answers, one figure changed). */
export function groundingCases(count = 60, seed = 18, timeZone?: string): GroundingCase[] {
  const rng = new Rng(seed);
  const cases: GroundingCase[] = [];
  for (let i = 0; i < count; i++) {
    const template = TEMPLATES[i % TEMPLATES.length];
    const language = i % 2 === 0 ? 'en' : 'es';
    const zone = rng.pick(ZONES);
    const ctx: Ctx = { now: EVAL_NOW, timeZone: timeZone ?? zone };
    const { tools, userText, parts } = template.build(rng, language, ctx);
    const base = { language, tools, userText, timeZone: ctx.timeZone, now: ctx.now } as const;
    cases.push({ id: `${template.name}-${i}-correct`, ...base, answer: parts.map((p) => (typeof p === 'string' ? p : p.text)).join('') });
    const slots = parts.flatMap((p, index) => (typeof p === 'string' || p.wrong === p.text ? [] : [index]));
    const slot = slots[rng.int(0, slots.length - 1)];
    let answer = '';
    let planted: GroundingCase['planted'];
    parts.forEach((p, index) => {
      if (typeof p === 'string') answer += p;
      else if (index === slot) {
        planted = { kind: p.kind, text: p.wrong, start: answer.length };
        answer += p.wrong;
      } else answer += p.text;
    });
    cases.push({ id: `${template.name}-${i}-planted`, ...base, answer, planted });
  }
  return cases;
}

/** A long answer of `words` words made of several correct answers (one time zone), with all their tool results. */
export function longAnswer(words = 300, seed = 7): GroundingCase {
  const cases = groundingCases(40, seed, 'Europe/Madrid').filter((c) => !c.planted);
  const picked: GroundingCase[] = [];
  let count = 0;
  for (const c of cases) {
    if (count >= words) break;
    picked.push(c);
    count += c.answer.split(/\s+/).length;
  }
  const text = picked.map((c) => c.answer).join('\n\n');
  // Cut after the `words`-th word, keeping the line breaks.
  const ends = [...text.matchAll(/\S+/g)];
  const cut = ends.length > words ? ends[words - 1].index + ends[words - 1][0].length : text.length;
  const first = picked[0];
  return { id: `long-${words}`, language: first.language, tools: picked.flatMap((c) => c.tools), userText: first.userText, timeZone: first.timeZone, now: first.now, answer: text.slice(0, cut) };
}
