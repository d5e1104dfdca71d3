import type { Dialog } from './dialog.types.js';
import { buildReport, formatFailures, formatTable, formatUnscorable, turnScore, unscorableShare } from './report.js';
import { type DialogResult, selectDialogs, validateSet } from './runner.js';

const turn = (pass: boolean, index = 0) => ({
  index,
  user: `question ${index + 1}`,
  answer: pass ? 'right' : 'wrong',
  tools: [],
  checks: [{ kind: 'mentions' as const, pass, detail: pass ? 'ok' : 'missing x' }],
  pass,
});

const result = (id: string, category: DialogResult['category'], language: DialogResult['language'], passes: boolean[]): DialogResult => ({
  id,
  category,
  language,
  turns: passes.map((pass, index) => turn(pass, index)),
  pass: passes.every(Boolean),
});

describe('buildReport', () => {
  const results = [
    result('a1', 'accumulator', 'en', [true, false]),
    result('a2', 'accumulator', 'es', [true]),
    result('v1', 'verdict', 'en', [true, true]),
  ];
  const report = buildReport(results, new Date(0), new Date(1000));

  it('scores turns and dialogues per category and language, per category and per language', () => {
    const row = (category: string, language: string) => report.rows.find((r) => r.category === category && r.language === language);
    expect(row('accumulator', 'en')).toMatchObject({ turns: 2, turnsCorrect: 1, dialogs: 1, dialogsCorrect: 0 });
    expect(row('accumulator', 'all')).toMatchObject({ turns: 3, turnsCorrect: 2, dialogs: 2, dialogsCorrect: 1 });
    expect(row('all', 'en')).toMatchObject({ turns: 4, turnsCorrect: 3, dialogs: 2, dialogsCorrect: 1 });
    expect(report.overall).toEqual({ turns: 5, turnsCorrect: 4, dialogs: 3, dialogsCorrect: 2, unscorable: 0 });
    expect(turnScore(report.overall)).toBe(0.8);
  });

  it('lists each failing turn with its failed checks and answer', () => {
    expect(report.failing).toEqual([
      expect.objectContaining({ dialog: 'a1', turn: 2, user: 'question 2', answer: 'wrong', failed: [{ kind: 'mentions', detail: 'missing x' }] }),
    ]);
    expect(formatFailures(report)).toContain('a1 #2 [accumulator/en]');
  });

  it('prints a table with the overall line and the failed checks by kind', () => {
    expect(formatTable(report)).toMatch(/overall\s+all\s+4\/5\s+80\.0%\s+2\/3\s+66\.7%/);
    expect(report.failedChecks).toEqual({ mentions: { checks: 1, soleCause: 1 } });
    expect(formatTable(report)).toContain('mentions 1 (1)');
  });
});

describe('buildReport with turns the data could not judge', () => {
  const unscorable = (index: number) => ({ ...turn(false, index), unscorable: 'odds: oracle: no fixture of Chelsea on saturday in the data' });
  const results: DialogResult[] = [
    { ...result('v1', 'verdict', 'en', [true]), turns: [turn(true, 0), unscorable(1)], pass: false },
    { ...result('v2', 'verdict', 'es', []), turns: [unscorable(0)], pass: false },
    result('v3', 'verdict', 'es', [true, false]),
  ];
  const report = buildReport(results, new Date(0), new Date(1000));

  it('leaves them out of every score and counts them apart', () => {
    expect(report.overall).toEqual({ turns: 3, turnsCorrect: 2, dialogs: 2, dialogsCorrect: 1, unscorable: 2 });
    expect(report.rows.find((r) => r.category === 'verdict' && r.language === 'es')).toMatchObject({ turns: 2, turnsCorrect: 1, unscorable: 1 });
    expect(turnScore(report.overall)).toBeCloseTo(2 / 3);
    expect(unscorableShare(report.overall)).toBeCloseTo(2 / 5);
  });

  it('lists them with their ids and reasons, not among the failures', () => {
    expect(report.failing.map((f) => `${f.dialog} #${f.turn}`)).toEqual(['v3 #2']);
    expect(report.unscorable.map((u) => `${u.dialog} #${u.turn}`)).toEqual(['v1 #2', 'v2 #1']);
    expect(formatUnscorable(report)).toContain('v2 #1: odds: oracle: no fixture of Chelsea');
    expect(formatTable(report)).toContain('unscorable on today\'s data (left out above): 2/5 turns 40.0%');
  });
});

describe('selectDialogs and validateSet', () => {
  const dialogs: Dialog[] = [
    { id: 'accumulator.a.double.en', category: 'accumulator', language: 'en', turns: [{ user: 'x', checks: [{ kind: 'no_promise' }] }] },
    { id: 'verdict.a.fav.es', category: 'verdict', language: 'es', turns: [{ user: 'y', checks: [] }] },
    { id: 'verdict.a.fav.es', category: 'verdict', language: 'es', turns: [] },
  ];

  it('selects by id prefix, category or language', () => {
    expect(selectDialogs(dialogs, ['accumulator.a.d']).map((d) => d.id)).toEqual(['accumulator.a.double.en']);
    expect(selectDialogs(dialogs, ['verdict'])).toHaveLength(2);
    expect(selectDialogs(dialogs, ['en'])).toHaveLength(1);
    expect(selectDialogs(dialogs, [])).toHaveLength(3);
  });

  it('reports duplicate ids, turns without checks and empty dialogues', () => {
    expect(validateSet(dialogs)).toEqual(['verdict.a.fav.es turn 1: no checks', 'verdict.a.fav.es: duplicate id', 'verdict.a.fav.es: no turns']);
  });
});
