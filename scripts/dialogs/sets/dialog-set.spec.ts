import { TeamDirectory } from '@app/sports-data';
import type { DialogCategory } from '../dialog.types.js';
import { teamNamesOf, validateSet } from '../runner.js';
import { DIALOGS } from './index.js';

const CATEGORIES: DialogCategory[] = ['basics', 'accumulator', 'verdict', 'follow_up', 'unknown_team', 'basketball', 'lists', 'off_topic', 'time_zone', 'preferences'];

describe('the labelled dialogue set', () => {
  it('has unique ids, and every turn a message and at least one check', () => {
    expect(validateSet(DIALOGS)).toEqual([]);
  });

  it('names only teams the embedded data knows, and invents only names it does not', () => {
    const directory = new TeamDirectory();
    const problems: string[] = [];
    for (const dialog of DIALOGS) {
      const { known, invented } = teamNamesOf(dialog);
      for (const name of known) if (directory.findTeam(name) === undefined) problems.push(`${dialog.id}: unknown team ${name}`);
      for (const name of invented) if (directory.findTeam(name) !== undefined) problems.push(`${dialog.id}: ${name} is a real team`);
    }
    expect(problems).toEqual([]);
  });

  it('covers every category in English and Spanish', () => {
    const missing = CATEGORIES.flatMap((category) =>
      (['en', 'es'] as const).filter((language) => !DIALOGS.some((d) => d.category === category && d.language === language)).map((language) => `${category}/${language}`),
    );
    expect(missing).toEqual([]);
  });
});
