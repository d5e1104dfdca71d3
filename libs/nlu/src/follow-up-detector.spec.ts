import { detectFollowUp } from './follow-up-detector.js';

describe('detectFollowUp', () => {
  it.each([
    'and @team?',
    'what about the odds?',
    'how about tomorrow',
    '¿y el @team?',
    'y manana?',
    '¿y si apuesto @amount?',
    'que tal el @team?',
    'same for @team',
    'lo mismo para el @team',
    'what are the odds for that match?',
    'when do they play?',
    'y contra ellos?',
  ])('%s is a follow-up', (text) => {
    expect(detectFollowUp(text)).toBe(true);
  });

  it.each([
    'when does @team play next?',
    '@team y @team, quien es mejor?',
    'when do @team play their next game',
    'hola',
    'yesterday @team won',
  ])('%s is not', (text) => {
    expect(detectFollowUp(text)).toBe(false);
  });
});
