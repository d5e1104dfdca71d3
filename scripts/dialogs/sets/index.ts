/** The whole labelled set: every writer's dialogues of every category. */
import type { Dialog } from '../dialog.types.js';
import { dialogs as accumulatorA } from './accumulator.a.js';
import { dialogs as accumulatorC } from './accumulator.c.js';
import { dialogs as accumulatorD } from './accumulator.d.js';
import { dialogs as basicsA } from './basics.a.js';
import { dialogs as basicsC } from './basics.c.js';
import { dialogs as basketballB } from './basketball.b.js';
import { dialogs as basketballC } from './basketball.c.js';
import { dialogs as basketballD } from './basketball.d.js';
import { dialogs as followUpA } from './follow_up.a.js';
import { dialogs as followUpB } from './follow_up.b.js';
import { dialogs as followUpC } from './follow_up.c.js';
import { dialogs as listsB } from './lists.b.js';
import { dialogs as listsC } from './lists.c.js';
import { dialogs as listsD } from './lists.d.js';
import { dialogs as offTopicB } from './off_topic.b.js';
import { dialogs as offTopicC } from './off_topic.c.js';
import { dialogs as preferencesD } from './preferences.d.js';
import { dialogs as timeZoneB } from './time_zone.b.js';
import { dialogs as timeZoneC } from './time_zone.c.js';
import { dialogs as unknownTeamB } from './unknown_team.b.js';
import { dialogs as unknownTeamC } from './unknown_team.c.js';
import { dialogs as verdictA } from './verdict.a.js';
import { dialogs as verdictC } from './verdict.c.js';

export const DIALOGS: readonly Dialog[] = [
  ...basicsA,
  ...accumulatorA,
  ...accumulatorD,
  ...verdictA,
  ...followUpA,
  ...followUpB,
  ...unknownTeamB,
  ...basketballB,
  ...basketballD,
  ...listsB,
  ...listsD,
  ...offTopicB,
  ...timeZoneB,
  ...preferencesD,
  ...basicsC,
  ...accumulatorC,
  ...verdictC,
  ...followUpC,
  ...unknownTeamC,
  ...basketballC,
  ...listsC,
  ...offTopicC,
  ...timeZoneC,
];
