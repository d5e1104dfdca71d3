import type { Dialog } from './dialog.types.js';
import { chooseMatchDay, prepareDialog, withMatchDay } from './match-day.js';
import { OracleError } from './oracle.js';
import { oracle } from './testing/sample-data.js';
import { validateSet } from './runner.js';

// The sample world's "now" is Wednesday 9 December 2026 in Madrid: Chelsea play today (Wed) and on
// Sunday; Barcelona today and Saturday; Arsenal only on Sunday; Atletico next Wednesday.
const dialog = (language: Dialog['language'], team = 'Chelsea'): Dialog => ({
  id: `match-day.${language}`,
  category: 'verdict',
  language,
  matchDay: { team },
  turns: [
    { user: language === 'en' ? 'Odds for Chelsea on {day}?' : 'cuotas del Chelsea el {day}', checks: [{ kind: 'odds', fixture: { team, date: 'match_day' } }] },
    { user: 'and the payout?', checks: [{ kind: 'payout', stake: 10, legs: [{ team, date: 'match_day', pick: 'team' }] }] },
  ],
});

describe('the match day of a dialogue', () => {
  it("is the weekday of the team's first match after today, within six days", async () => {
    expect(await chooseMatchDay({ team: 'Chelsea' }, oracle())).toBe('sunday');
    expect(await chooseMatchDay({ team: 'Barcelona' }, oracle())).toBe('saturday');
    expect(await chooseMatchDay({ team: 'Real Madrid', sport: 'basketball' }, oracle())).toBe('thursday');
  });

  it('does not exist for a team without a match in those days', async () => {
    // Atletico's next match is a week from today: "Wednesday" would mean today.
    await expect(chooseMatchDay({ team: 'Atletico Madrid' }, oracle())).rejects.toBeInstanceOf(OracleError);
  });

  it("is written into the messages in the dialogue's language and into every check's date", () => {
    const english = withMatchDay(dialog('en'), 'sunday');
    expect(english.turns[0].user).toBe('Odds for Chelsea on Sunday?');
    expect(english.turns[0].checks[0]).toEqual({ kind: 'odds', fixture: { team: 'Chelsea', date: 'sunday' } });
    expect(english.turns[1].checks[0]).toMatchObject({ legs: [{ team: 'Chelsea', date: 'sunday', pick: 'team' }] });
    expect(withMatchDay(dialog('es'), 'saturday').turns[0].user).toBe('cuotas del Chelsea el sábado');
  });

  it('makes a dialogue unscorable, with the reason, when the data has no such day', async () => {
    expect(await prepareDialog(dialog('en', 'Atletico Madrid'), oracle())).toEqual({ unscorable: expect.stringContaining('no fixture of Atletico Madrid') });
    const prepared = await prepareDialog(dialog('en'), oracle());
    expect('dialog' in prepared && prepared.dialog.turns[0].user).toBe('Odds for Chelsea on Sunday?');
  });

  it('is required by the set whenever a dialogue says {day} or match_day', () => {
    const { matchDay: _omitted, ...without } = dialog('en');
    expect(validateSet([without])).toEqual(['match-day.en: uses {day} or match_day without a matchDay']);
    expect(validateSet([dialog('en')])).toEqual([]);
  });
});
