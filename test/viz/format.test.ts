/** Words for numbers. */
import { describe, expect, it } from 'vitest';
import { countOf } from '../../viz/format.ts';

describe('countOf', () => {
  it('should write one in the singular and any other count in the plural', () => {
    expect(countOf(1, 'group')).toBe('1 group');
    expect(countOf(0, 'group')).toBe('0 groups');
    expect(countOf(24, 'group')).toBe('24 groups');
    expect(countOf(2, 'person', 'persons')).toBe('2 persons');
  });
});
