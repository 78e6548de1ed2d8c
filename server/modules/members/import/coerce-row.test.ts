import { describe, expect, it } from 'vitest';
import { currencyDigits } from '../../../../contracts/money.js';
import { coerceRow } from './coerce-row.js';

const ctx = { country: 'GH', currencyDigits: 2 };

describe('reading spreadsheet cells', () => {
  it('reads numbers, money in minor units, yes/no, codes and dates the way chambers write them', () => {
    const mapping = { legalName: 0, employeesFemale: 1, turnover: 2, womenLed: 3, isicClass: 4, region: 5, joinedOn: 6, tags: 7, ownerSex: 8, formality: 9 };
    const { values, problems } = coerceRow(['Kente House', '1 200', '12,500.50', 'Oui', '111', 'Ashanti', '03/04/2019', 'kente; crafts', 'F', 'Informal'], mapping, ctx);
    expect(problems).toEqual([]);
    expect(values).toEqual({
      legalName: 'Kente House',
      employeesFemale: 1200,
      turnover: 1250050,
      womenLed: true,
      isicClass: '0111',
      region: 'GH-AH',
      joinedOn: '2019-04-03',
      tags: ['kente', 'crafts'],
      ownerSex: 'female',
      formality: 'informal',
    });
  });

  it('reports what it cannot read instead of guessing', () => {
    const { problems } = coerceRow(['many', 'maybe', '31-31-2020'], { employeesMale: 0, youthLed: 1, joinedOn: 2 }, ctx);
    expect(problems.map((p) => p.field)).toEqual(['employeesMale', 'youthLed', 'joinedOn']);
  });

  it('knows currencies without minor units', () => {
    expect(currencyDigits('GHS')).toBe(2);
    expect(currencyDigits('XOF')).toBe(0);
  });
});
