import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../../../../contracts/member-import.js';

// Header words seen in chambers' spreadsheets, in the four interface languages.
const SYNONYMS: Partial<Record<ImportField, string[]>> = {
  legalName: ['legal name', 'company', 'company name', 'firm', 'name', 'business name', 'raison sociale', 'entreprise', 'nom', 'razón social', 'empresa', 'nombre', 'название', 'наименование', 'компания'],
  tradeName: ['trade name', 'trading name', 'brand', 'nom commercial', 'nombre comercial', 'торговое название'],
  registrationNumber: ['registration number', 'reg no', 'registration', 'rccm', 'numéro rccm', 'registro', 'регистрационный номер', 'огрн'],
  taxNumber: ['tax number', 'tin', 'tax id', 'nif', 'numéro fiscal', 'ruc', 'rut', 'инн'],
  isicClass: ['isic', 'isic code', 'sector code', 'code isic', 'ciiu', 'оквэд'],
  region: ['region', 'région', 'región', 'регион', 'область'],
  district: ['district', 'municipality', 'commune', 'municipio', 'район'],
  address: ['address', 'adresse', 'dirección', 'адрес'],
  latitude: ['latitude', 'lat', 'широта'],
  longitude: ['longitude', 'lng', 'lon', 'долгота'],
  employeesFemale: ['female employees', 'women employees', 'employees female', 'employées', 'empleadas', 'сотрудники женщины'],
  employeesMale: ['male employees', 'men employees', 'employees male', 'employés', 'empleados', 'сотрудники мужчины'],
  turnover: ['turnover', 'annual turnover', 'revenue', 'sales', "chiffre d'affaires", 'facturación', 'ventas', 'оборот', 'выручка'],
  formality: ['formality', 'formal', 'informal', 'formel', 'formal/informal'],
  womenLed: ['women led', 'women-led', 'female owned', 'dirigée par une femme', 'liderada por mujer'],
  youthLed: ['youth led', 'youth-led', 'dirigée par un jeune', 'liderada por joven'],
  ownerSex: ['owner sex', 'owner gender', 'sexe du dirigeant', 'sexo del propietario', 'пол владельца'],
  foundedYear: ['founded', 'year founded', 'founding year', 'année de création', 'año de fundación', 'год основания'],
  products: ['products', 'products and services', 'produits', 'productos', 'продукция'],
  exportStatus: ['export', 'exports', 'export status', 'exportateur', 'exportador', 'экспорт'],
  email: ['email', 'e-mail', 'courriel', 'correo', 'почта'],
  phone: ['phone', 'telephone', 'mobile', 'téléphone', 'teléfono', 'телефон'],
  website: ['website', 'web', 'site web', 'sitio web', 'сайт'],
  tags: ['tags', 'labels', 'étiquettes', 'etiquetas', 'метки'],
  status: ['status', 'membership status', 'statut', 'estado', 'статус'],
  joinedOn: ['joined', 'member since', 'date joined', 'adhésion', 'fecha de alta', 'дата вступления'],
  renewalDueOn: ['renewal', 'renewal date', 'renewal due', 'renouvellement', 'renovación', 'продление'],
};

const normalise = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[_.]/g, ' ').replace(/\s+/g, ' ').trim();

/** The mapping a person would most likely choose, from the header words; each column is used once. */
export function suggestMapping(columns: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  const headers = columns.map(normalise);
  for (const field of IMPORT_FIELDS) {
    const words = [field.toLowerCase(), ...(SYNONYMS[field] ?? [])].map(normalise);
    const index = headers.findIndex((h, i) => !used.has(i) && words.includes(h));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}
