import { describe, expect, it } from 'vitest';
import { exportHeader } from './export-members.js';
import { suggestMapping } from './import/suggest-mapping.js';

describe('suggested import mapping', () => {
  it('maps every column of the member export back, the money column with its currency too', () => {
    const header = exportHeader('INR');
    const mapping = suggestMapping(header);
    expect(header[mapping.turnover!]).toBe('turnover (INR)');
    expect(header[mapping.legalName!]).toBe('legal_name');
    expect(header[mapping.womenLed!]).toBe('women_led');
  });
});
