// The 21 sections of ISIC Rev.4 (A–U) with the UN's English titles, as in
// contracts/data/isic-rev4.json (isic-sections.test.ts checks they agree).
// Counts by sector (an issue's affected firms) name sections only: these few
// lines spare a page the whole list of 48 kB (issue 14, member pages ≤ 150 kB).
export const ISIC_SECTIONS: Record<string, string> = {
  A: "Agriculture, forestry and fishing",
  B: "Mining and quarrying",
  C: "Manufacturing",
  D: "Electricity, gas, steam and air conditioning supply",
  E: "Water supply; sewerage, waste management and remediation activities",
  F: "Construction",
  G: "Wholesale and retail trade; repair of motor vehicles and motorcycles",
  H: "Transportation and storage",
  I: "Accommodation and food service activities",
  J: "Information and communication",
  K: "Financial and insurance activities",
  L: "Real estate activities",
  M: "Professional, scientific and technical activities",
  N: "Administrative and support service activities",
  O: "Public administration and defence; compulsory social security",
  P: "Education",
  Q: "Human health and social work activities",
  R: "Arts, entertainment and recreation",
  S: "Other service activities",
  T: "Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use",
  U: "Activities of extraterritorial organizations and bodies",
};

/** A section as a person reads it, "C — Manufacturing"; other codes as they are. */
export function sectionLabel(code: string): string {
  const title = ISIC_SECTIONS[code];
  return title ? `${code} — ${title}` : code;
}
