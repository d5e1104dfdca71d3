import type { Dialog } from './dialog.types.js';
import { selectDialogs } from './runner.js';

const dialog = (id: string, category: Dialog['category'], language: Dialog['language']): Dialog => ({
  id,
  category,
  language,
  turns: [{ user: 'hi', checks: [{ kind: 'no_promise' }] }],
});

const SET: Dialog[] = [
  dialog('basics.a.next.en', 'basics', 'en'),
  dialog('basics.c.next.es', 'basics', 'es'),
  dialog('lists.c.weekend.en', 'lists', 'en'),
  dialog('lists.b.more.es', 'lists', 'es'),
];
const ids = (filters: string[]) => selectDialogs(SET, filters).map((d) => d.id);

describe('selectDialogs', () => {
  it('selects everything without a filter', () => {
    expect(ids([])).toHaveLength(4);
  });

  it('selects by id prefix, category or language', () => {
    expect(ids(['basics.a.'])).toEqual(['basics.a.next.en']);
    expect(ids(['lists'])).toEqual(['lists.c.weekend.en', 'lists.b.more.es']);
    expect(ids(['es'])).toEqual(['basics.c.next.es', 'lists.b.more.es']);
  });

  it('selects by a dotted part anywhere in the id', () => {
    expect(ids(['.c.'])).toEqual(['basics.c.next.es', 'lists.c.weekend.en']);
    expect(ids(['.c.', 'en'])).toEqual(['basics.a.next.en', 'basics.c.next.es', 'lists.c.weekend.en']);
  });

  it('does not take a plain filter for a part of the id', () => {
    expect(ids(['c.next'])).toEqual([]);
  });
});
