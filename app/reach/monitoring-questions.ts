/**
 * The equality monitoring questions, asked after a response is sent, every one optional. The
 * wording follows the Census 2021 questions (so the answers can be compared with the borough's
 * population) and covers the protected characteristics the equality duty asks councils to
 * consider (Equality Act 2010 s.149), plus carers and main language, which this council tracks.
 *
 * Every answer is one of a fixed list: nothing free-text, because a self-description can name a
 * person, and only counts are kept (docs/decisions/020-reaching-everyone-affected.md). "Prefer not to say" and
 * leaving a question blank are counted together as "not known".
 *
 * All the words in one place, for the translation catalogues. Pure.
 */

export type MonitoringAnswer = { key: string; label: string };
export type MonitoringQuestion = {
  key: string;
  /** the question as asked, which is also its legend */
  question: string;
  /** the short name in the report's tables */
  heading: string;
  hint?: string;
  answers: readonly MonitoringAnswer[];
};

export const PREFER_NOT = "prefer_not";
export const PREFER_NOT_LABEL = "Prefer not to say";
/** "Prefer not to say" and no answer, counted together */
export const NOT_KNOWN = "not_known";
export const NOT_KNOWN_LABEL = "Prefer not to say or not answered";

export const MONITORING_QUESTIONS: readonly MonitoringQuestion[] = [
  {
    key: "age",
    question: "How old are you?",
    heading: "Age",
    answers: [
      { key: "under_18", label: "Under 18" },
      { key: "18_24", label: "18 to 24" },
      { key: "25_34", label: "25 to 34" },
      { key: "35_44", label: "35 to 44" },
      { key: "45_54", label: "45 to 54" },
      { key: "55_64", label: "55 to 64" },
      { key: "65_74", label: "65 to 74" },
      { key: "75_plus", label: "75 or over" },
    ],
  },
  {
    key: "sex",
    question: "What is your sex?",
    heading: "Sex",
    answers: [
      { key: "female", label: "Female" },
      { key: "male", label: "Male" },
    ],
  },
  {
    key: "gender_identity",
    question: "Is the gender you identify with the same as your sex registered at birth?",
    heading: "Gender identity",
    answers: [
      { key: "same", label: "Yes" },
      { key: "different", label: "No" },
    ],
  },
  {
    key: "disability",
    question: "Are your day-to-day activities limited because of a health problem or disability?",
    heading: "Disability",
    hint: "Include problems related to old age, and any that have lasted, or are expected to last, at least 12 months.",
    answers: [
      { key: "yes_a_lot", label: "Yes, limited a lot" },
      { key: "yes_a_little", label: "Yes, limited a little" },
      { key: "no", label: "No" },
    ],
  },
  {
    key: "ethnicity",
    question: "What is your ethnic group?",
    heading: "Ethnic group",
    answers: [
      { key: "bangladeshi", label: "Asian or Asian British: Bangladeshi" },
      { key: "indian", label: "Asian or Asian British: Indian" },
      { key: "pakistani", label: "Asian or Asian British: Pakistani" },
      { key: "chinese", label: "Asian or Asian British: Chinese" },
      { key: "other_asian", label: "Any other Asian background" },
      { key: "black_african", label: "Black or Black British: African" },
      { key: "black_caribbean", label: "Black or Black British: Caribbean" },
      { key: "other_black", label: "Any other Black, Black British or Caribbean background" },
      { key: "mixed", label: "Mixed or multiple ethnic groups" },
      { key: "white_british", label: "White: English, Welsh, Scottish, Northern Irish or British" },
      { key: "white_irish", label: "White: Irish" },
      { key: "white_other", label: "Any other White background, including Gypsy, Irish Traveller and Roma" },
      { key: "arab", label: "Arab" },
      { key: "other", label: "Any other ethnic group" },
    ],
  },
  {
    key: "religion",
    question: "What is your religion?",
    heading: "Religion or belief",
    answers: [
      { key: "none", label: "No religion" },
      { key: "christian", label: "Christian" },
      { key: "muslim", label: "Muslim" },
      { key: "hindu", label: "Hindu" },
      { key: "sikh", label: "Sikh" },
      { key: "jewish", label: "Jewish" },
      { key: "buddhist", label: "Buddhist" },
      { key: "other", label: "Any other religion" },
    ],
  },
  {
    key: "sexual_orientation",
    question: "Which of the following best describes your sexual orientation?",
    heading: "Sexual orientation",
    answers: [
      { key: "straight", label: "Straight or heterosexual" },
      { key: "gay_lesbian", label: "Gay or lesbian" },
      { key: "bisexual", label: "Bisexual" },
      { key: "other", label: "Another sexual orientation" },
    ],
  },
  {
    key: "carer",
    question: "Do you look after, or give help or support to, anyone because of long-term health problems or problems related to old age?",
    heading: "Unpaid carers",
    hint: "Do not count anything you do as part of your paid work.",
    answers: [
      { key: "yes", label: "Yes" },
      { key: "no", label: "No" },
    ],
  },
  {
    key: "language",
    question: "What is your main language?",
    heading: "Main language",
    answers: [
      { key: "english", label: "English" },
      { key: "bengali", label: "Bengali (including Sylheti and Chatgaya)" },
      { key: "other", label: "Another language" },
    ],
  },
];

export function monitoringQuestion(key: string): MonitoringQuestion | undefined {
  return MONITORING_QUESTIONS.find((q) => q.key === key);
}

/** The form's field name for a question. */
export const monitoringField = (questionKey: string) => `q-${questionKey}`;
