import { describe, expect, it } from 'vitest';
import { IMPORT_ENCODINGS } from '../../../../contracts/member-import.js';
import { TABLE_ENCODINGS } from '../../../platform/files/read-table.js';

describe('the encodings a person can force', () => {
  it('are exactly those the file reader reads', () => {
    expect([...IMPORT_ENCODINGS]).toEqual([...TABLE_ENCODINGS]);
  });
});
