/**
 * What acronyms common in UK local government stand for. The gate uses the list twice: to show an
 * officer a real example in its message ("for example 'Child and Adolescent Mental Health Services
 * (CAMHS)'"), and to refuse an expansion that spells the letters but is not what the acronym means
 * ("CAMHS (Council Approved Mental Health Scheme)"). The first wording is the one shown; the
 * others are accepted variants. An acronym not listed here only has to be spelled out by its
 * letters (text-quality.ts, spellsOut).
 */
export const COMMON_EXPANSIONS: Record<string, readonly string[]> = {
  ASB: ["anti-social behaviour"],
  ASC: ["adult social care", "autism spectrum condition"],
  BSL: ["British Sign Language"],
  CAMHS: ["Child and Adolescent Mental Health Services", "Children and Young People's Mental Health Services", "Children and Adolescent Mental Health Services"],
  CCTV: ["closed-circuit television"],
  CIL: ["Community Infrastructure Levy"],
  CQC: ["Care Quality Commission"],
  CYP: ["children and young people"],
  DBS: ["Disclosure and Barring Service"],
  DWP: ["Department for Work and Pensions"],
  EHCP: ["education, health and care plan"],
  EIA: ["equality impact assessment", "equality impact analysis", "environmental impact assessment"],
  EQIA: ["equality impact assessment", "equality impact analysis"],
  EH: ["early help"],
  FOI: ["freedom of information"],
  FOIA: ["Freedom of Information Act"],
  FTE: ["full-time equivalent"],
  GDPR: ["General Data Protection Regulation"],
  GP: ["general practitioner"],
  HMO: ["house in multiple occupation"],
  HR: ["human resources"],
  HRA: ["Housing Revenue Account"],
  HWRC: ["household waste recycling centre"],
  ICB: ["Integrated Care Board"],
  ICT: ["information and communications technology", "information and communication technology"],
  JSNA: ["Joint Strategic Needs Assessment"],
  KPI: ["key performance indicator"],
  LAC: ["looked-after children", "looked after child"],
  LGA: ["Local Government Association"],
  LGPS: ["Local Government Pension Scheme"],
  MASH: ["Multi-Agency Safeguarding Hub"],
  MTFS: ["Medium Term Financial Strategy", "Medium Term Financial Plan"],
  NHS: ["National Health Service"],
  ONS: ["Office for National Statistics"],
  PCSO: ["police community support officer"],
  PSED: ["Public Sector Equality Duty"],
  PSPO: ["Public Spaces Protection Order"],
  SEN: ["special educational needs"],
  SENCO: ["special educational needs coordinator", "special educational needs co-ordinator"],
  SEND: ["special educational needs and disabilities", "special educational needs and disability"],
  SLA: ["service level agreement"],
  TULRCA: ["Trade Union and Labour Relations (Consolidation) Act"],
  TUPE: ["Transfer of Undertakings (Protection of Employment) Regulations"],
  VCS: ["voluntary and community sector"],
  VCSE: ["voluntary, community and social enterprise"],
  YS: ["youth service"],
};

/** An example for a message: "Child and Adolescent Mental Health Services (CAMHS)". */
export function expansionExample(acronym: string): string {
  const usual = COMMON_EXPANSIONS[acronym]?.[0];
  return usual ? `${usual} (${acronym})` : `the words in full (${acronym})`;
}
