import { describe, expect, it } from 'vitest';
import { isDateFormat, numberText, serialToIso } from './cell-text.js';
import { slideFormula } from './shared-formula.js';

describe('cell values as text', () => {
  it('writes numbers as Excel shows them, in plain notation', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(1.5e-7)).toBe('0.00000015');
    expect(numberText(-0)).toBe('0');
    expect(numberText(233244123456)).toBe('233244123456');
    expect(numberText(1234.5)).toBe('1234.5');
  });

  it('counts days in both date systems, around Excel\'s 29 February 1900', () => {
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(59, false)).toBe('1900-02-28');
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(36427, false)).toBe('1999-09-24');
    expect(serialToIso(36427 - 1462, true)).toBe('1999-09-24');
    expect(serialToIso(45356.604166666664, false)).toBe('2024-03-05T14:30');
    expect(serialToIso(45356.60417824074, false)).toBe('2024-03-05T14:30:01');
    expect(serialToIso(0.34375, false, true)).toBe('08:15');
  });

  it('tells date formats from number formats', () => {
    for (const code of ['dd/mm/yyyy', 'd mmm yyyy', '[$-409]d\\ mmmm\\ yyyy;@', 'yyyy"年"m"月"d"日"', 'h:mm AM/PM', '[Red]dd.mm.yy']) expect(isDateFormat(164, code), code).toBe(true);
    for (const code of ['0.00', '#,##0 "days"', '0%', '0.00E+00', 'General', '[h]:mm', '"Day" 0', '[Blue]#,##0;[Red]-#,##0']) expect(isDateFormat(164, code), code).toBe(false);
    expect(isDateFormat(14, undefined)).toBe(true);
    expect(isDateFormat(2, undefined)).toBe(false);
  });
});

describe('the formula of a shared formula\'s other cells', () => {
  it('moves relative references and leaves absolute ones, names, functions and text alone', () => {
    expect(slideFormula('B2*2', 3, 0)).toBe('B5*2');
    expect(slideFormula('SUM($A$1:A2)+LOG10(C2)', 1, 1)).toBe('SUM($A$1:B3)+LOG10(D3)');
    expect(slideFormula('IF(A2="B2",Rates!$B2,TaxRate)', 2, 0)).toBe('IF(A4="B2",Rates!$B4,TaxRate)');
    expect(slideFormula("'Price list'!C7*$D$1", 1, 0)).toBe("'Price list'!C8*$D$1");
  });
});
