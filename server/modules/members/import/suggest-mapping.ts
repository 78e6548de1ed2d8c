import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../../../../contracts/member-import.js';

// Header words seen in chambers' spreadsheets, in the four interface languages
// and Hindi (associations in India keep their lists in it).
const SYNONYMS: Partial<Record<ImportField, string[]>> = {
  legalName: ['legal name', 'company', 'company name', 'firm', 'firm name', 'name of firm', 'name of the firm', 'name of unit', 'unit name', 'enterprise', 'name', 'business name', 'nom de l entreprise', 'nom de la societe', 'nombre de la empresa', 'название фирмы', 'название предприятия', 'फर्म का नाम', 'फ़र्म का नाम', 'फर्म', 'इकाई का नाम', 'कंपनी का नाम', 'नाम', 'raison sociale', 'entreprise', 'nom', 'razón social', 'empresa', 'nombre', 'название', 'наименование', 'компания'],
  tradeName: ['trade name', 'trading name', 'brand', 'nom commercial', 'nombre comercial', 'торговое название'],
  registrationNumber: ['registration number', 'reg no', 'registration no', 'registration', 'udyam', 'udyam registration number', 'udyam no', 'पंजीकरण संख्या', 'rccm', 'numéro rccm', 'registro', 'регистрационный номер', 'огрн'],
  taxNumber: ['tax number', 'tin', 'tax id', 'gstin', 'gst', 'gst no', 'pan', 'जीएसटी', 'nif', 'numéro fiscal', 'ruc', 'rut', 'инн'],
  isicClass: ['isic', 'isic code', 'sector code', 'code isic', 'ciiu', 'оквэд'],
  region: ['region', 'state', 'région', 'región', 'регион', 'область', 'राज्य', 'क्षेत्र'],
  district: ['district', 'municipality', 'commune', 'municipio', 'distrito', 'район', 'округ', 'ज़िला', 'जिला'],
  address: ['address', 'adresse', 'dirección', 'адрес', 'पता'],
  latitude: ['latitude', 'lat', 'широта'],
  longitude: ['longitude', 'lng', 'lon', 'долгота'],
  employeesFemale: ['female employees', 'women employees', 'employees female', 'employees women', 'employees (women)', 'salariées', 'empleadas', 'сотрудники женщины', 'महिला कर्मचारी'],
  employeesMale: ['male employees', 'men employees', 'employees male', 'employees men', 'employees (men)', 'employés hommes', 'empleados hombres', 'сотрудники мужчины', 'पुरुष कर्मचारी'],
  employeesTotal: ['employees', 'total employees', 'employees total', 'number of employees', 'no of employees', 'staff', 'workers', 'employment', 'employés', 'effectif', 'salariés', 'nombre d employés', 'empleados', 'trabajadores', 'número de empleados', 'сотрудники', 'работники', 'число сотрудников', 'численность', 'कर्मचारी', 'कर्मचारियों की संख्या', 'कामगार'],
  turnover: ['turnover', 'annual turnover', 'कारोबार', 'टर्नओवर', 'revenue', 'sales', "chiffre d'affaires", 'facturación', 'ventas', 'оборот', 'выручка'],
  formality: ['formality', 'formal', 'informal', 'formel', 'formal/informal'],
  womenLed: ['women led', 'women-led', 'female owned', 'dirigée par une femme', 'liderada por mujer'],
  youthLed: ['youth led', 'youth-led', 'dirigée par un jeune', 'liderada por joven'],
  ownerSex: ['owner sex', 'owner gender', 'sexe du dirigeant', 'sexo del propietario', 'пол владельца'],
  foundedYear: ['founded', 'year founded', 'founding year', 'année de création', 'año de fundación', 'год основания'],
  products: ['products', 'products and services', 'product', 'produits', 'productos', 'продукция', 'उत्पाद'],
  exportStatus: ['export', 'exports', 'export status', 'exportateur', 'exportador', 'экспорт'],
  email: ['email', 'e-mail', 'e mail', 'email id', 'mail', 'courriel', 'adresse e-mail', 'correo', 'correo electrónico', 'почта', 'электронная почта', 'эл почта', 'ईमेल', 'ई-मेल'],
  phone: ['phone', 'phone number', 'telephone', 'mobile', 'mobile no', 'contact no', 'contact number', 'téléphone', 'teléfono', 'телефон', 'फ़ोन', 'फोन', 'मोबाइल', 'फ़ोन नंबर', 'फोन नंबर', 'मोबाइल नंबर'],
  website: ['website', 'web', 'site web', 'sitio web', 'сайт', 'वेबसाइट'],
  contactName: ['contact person', 'contact', 'contact name', 'owner', 'proprietor', 'personne de contact', 'contact principal', 'persona de contacto', 'contacto', 'контактное лицо', 'контакт', 'संपर्क व्यक्ति', 'संपर्क', 'मालिक'],
  tags: ['tags', 'labels', 'étiquettes', 'etiquetas', 'метки'],
  status: ['status', 'membership status', 'statut', 'estado', 'статус'],
  joinedOn: ['joined', 'joined on', 'member since', 'date joined', 'date of joining', 'membership date', 'adhésion', 'date d adhésion', 'fecha de alta', 'fecha de afiliación', 'дата вступления', 'सदस्यता तिथि', 'सदस्य बनने की तिथि'],
  renewalDueOn: ['renewal', 'renewal date', 'renewal due', 'renouvellement', 'renovación', 'продление'],
};

// A trailing currency code ("turnover (GHS)", as the member export writes it) names the unit, not the field.
// Only upper case is a code: "Employees (men)" names the field.
const normalise = (s: string) => s.replace(/\s*\([A-Z]{3}\)\s*$/, '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[_.,;'’:*()]/g, ' ').replace(/\s+/g, ' ').trim();

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
