import { describe, expect, it } from 'vitest';
import { suggestMapping } from './suggest-mapping.js';

describe('suggesting which column holds what', () => {
  it('maps the headers of a hand-kept list in English and Hindi, a total of employees and the contact person included', () => {
    const expected = { legalName: 0, phone: 1, email: 2, district: 3, employeesTotal: 4, contactName: 5 };
    expect(suggestMapping(['Firm name', 'Phone', 'E-mail', 'District', 'Employees', 'Contact person', 'Remarks'])).toEqual(expected);
    expect(suggestMapping(['फर्म का नाम', 'फ़ोन', 'ईमेल', 'ज़िला', 'कर्मचारी', 'संपर्क व्यक्ति'])).toEqual(expected);
    expect(suggestMapping(['फर्म का नाम', 'फोन', 'ई-मेल', 'जिला', 'कर्मचारी', 'संपर्क'])).toEqual(expected);
  });

  it('reads a plain "employees" as the total in every language, and the split only where it is said', () => {
    expect(suggestMapping(['Entreprise', 'Employés', "Personne de contact"])).toEqual({ legalName: 0, employeesTotal: 1, contactName: 2 });
    expect(suggestMapping(['Empresa', 'Empleados', 'Persona de contacto'])).toEqual({ legalName: 0, employeesTotal: 1, contactName: 2 });
    expect(suggestMapping(['Название', 'Сотрудники', 'Контактное лицо'])).toEqual({ legalName: 0, employeesTotal: 1, contactName: 2 });
    expect(suggestMapping(['Name', 'Female employees', 'Employees, men', 'Total employees'])).toEqual({ legalName: 0, employeesFemale: 1, employeesMale: 2, employeesTotal: 3 });
    expect(suggestMapping(['Name', 'Employees (women)', 'Employees (men)', 'Turnover (GHS)'])).toEqual({ legalName: 0, employeesFemale: 1, employeesMale: 2, turnover: 3 });
    expect(suggestMapping(['Name', 'Employees', 'Remarks'])).toEqual({ legalName: 0, employeesTotal: 1 });
  });
});
