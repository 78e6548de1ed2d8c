import { describe, expect, it } from 'vitest';
import { problemSummary } from './problem-summary.js';

const FIX = 'Please check the answers marked below.';

describe('problemSummary', () => {
  it('says nothing when nothing was refused', () => {
    expect(problemSummary(new Map(), new Set(['q1']), FIX)).toBeNull();
  });
  it('says a message about the whole form as the server wrote it', () => {
    expect(problemSummary(new Map([['', 'This consultation is closed.']]), new Set(), FIX)).toBe('This consultation is closed.');
  });
  it('points to answers marked on the page, and says what no answer on the page would show', () => {
    expect(problemSummary(new Map([['q1', 'Enter a number.']]), new Set(['q1']), FIX)).toBe(FIX);
    expect(problemSummary(new Map([['q1', 'Enter a number.'], ['file', 'This answer cannot be read.']]), new Set(['q1']), FIX)).toBe('This answer cannot be read.');
  });
});
