/**
 * Text checks behind the publication gate. Pure: no I/O, no settings. Usable on any text field
 * (the outcome report's gate imports them too).
 *
 * The gate exists because proposals were published as "two or three vague paragraphs", so
 * these helpers decide what counts as saying something. Filler never counts, however it is
 * dressed up:
 * - placeholders ("TBC", "N/A", "lorem ipsum") and near-placeholders: text that only promises
 *   content ("information to follow", "details will be confirmed once the review is complete")
 *   or only points elsewhere ("see the business case, section four");
 * - text that does not read as English (pseudo-Latin without the words "lorem ipsum", keyboard
 *   mash), recognised by its lack of the small words every English sentence has;
 * - low-information text: one word, two words alternating, few distinct words, the same phrase
 *   again and again, or nothing but management words ("deliver efficiencies and align with
 *   the strategy").
 * Officers write Markdown, so syntax is stripped before anything is counted. Each rule is a
 * general property of the text, not a list of the examples it was built from; the thresholds are
 * the ones the corpus in tests/unit/text-corpus.test.ts holds both ways.
 */
import { COMMON_EXPANSIONS } from "./acronyms";

type Text = string | null | undefined;

/**
 * The gate compares every text of a proposal with every other and asks the same questions of the
 * same text many times, so what is worked out from a text is kept for a while. The results depend
 * only on the text: a cache, not state.
 */
function memo<T>(compute: (text: string) => T, limit = 5000): (text: Text) => T {
  const cache = new Map<string, T>();
  caches.push(cache);
  return (text) => {
    const key = text ?? "";
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}

const caches: Map<string, unknown>[] = [];

/**
 * Forgets every result kept. For mutation runs only (tests/mutation-pure-setup.ts, before each
 * test file): there the code changes from one mutant to the next while this module stays loaded, and
 * a result kept from an earlier mutant would hide the current one.
 */
export function forgetKeptResults(): void {
  // Stryker disable next-line all: emptied, every run still passes; it only hides other mutants.
  for (const cache of caches) cache.clear();
}

/** Markdown to plain text, enough for counting: links keep their text, markers go. */
export function stripMarkdown(text: Text): string {
  return (text ?? "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1") // images: keep the alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // links: keep the link text
    .replace(/^[ \t]*(?:>[ \t]?)+/gm, "") // block quotes
    .replace(/^[ \t]*#{1,6}[ \t]*/gm, "") // headings
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, "") // list markers
    .replace(/[*_`~#>]/g, ""); // emphasis and stray syntax
}

/** The words of a text: tokens with at least one letter or digit ("£540,000" is one word). */
function words(text: Text): string[] {
  return stripMarkdown(text)
    .split(/\s+/)
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
}

export function wordCount(text: Text): number {
  return words(text).length;
}

/**
 * Lowercase, punctuation and whitespace collapsed: "N/A." and "n/a" compare equal. Combining
 * marks and the zero-width joiners stay inside their word: in Bengali and other Indic scripts
 * the vowel signs and the virama are marks, and dropping them would cut every word in pieces.
 */
export function normaliseForComparison(text: Text): string {
  return stripMarkdown(text)
    .toLowerCase()
    .replace(/[’']s\b/g, "s")
    .replace(/[^\p{L}\p{M}\p{N}\u200c\u200d]+/gu, " ")
    .trim();
}

/** Normalised tokens: "Children's mental-health" → ["childrens", "mental", "health"]. */
export function tokens(text: Text): string[] {
  return normaliseForComparison(text).split(" ").filter(Boolean);
}

// Written normalised (see normaliseForComparison): "N/A" is "n a".
const PLACEHOLDERS = [
  "tbc", "tba", "tbd", "tbs", "todo", "to do", "n a", "na", "not applicable", "not known",
  "to follow", "details to follow", "to be confirmed", "to be decided", "to be determined",
  "to be agreed", "to be advised", "see above", "see below", "as above", "as below",
  "same as above", "see business case", "see the business case", "see attached", "see appendix",
  "none", "nil", "null", "test", "testing", "placeholder", "dummy", "lorem", "ipsum", "blah",
  "asdf", "etc", "xyz", "abc", "foo", "bar", "qwerty", "text here", "insert text", "insert here",
  "wip", "pending", "awaiting", "unknown", "various", "misc", "other", "ongoing", "yes", "no",
];
const PLACEHOLDER_PATTERN = new RegExp(
  `\\b(?:${[...PLACEHOLDERS].sort((a, b) => b.length - a.length).join("|")}|x{2,}|z{2,}|(?:la|na|ha|bla)(?: (?:la|na|ha|bla))+)\\b`,
  "g",
);

/**
 * Function words: the small words every English sentence is built from. Their share of a text is
 * what tells English prose from pseudo-Latin or keyboard mash, and they carry no content of their
 * own ("No impact" has one real word, not two).
 */
const FUNCTION_WORDS = new Set(
  ("a an the and or but nor of to in on at for from by with without within into onto over under " +
    "about above below after before between through during until since than then so as if when " +
    "where while because though although whether which who whom whose what that this these those " +
    "there here it its is are was were be been being am will would can could may might must shall " +
    "should has have had having do does did doing not no yes we our ours us they them their theirs " +
    "he him his she her hers i me my you your yours all any some each every both either neither " +
    "such very more most less least other others another also only just even still yet already " +
    "up down out off again further once how why per via upon among against across around along " +
    "near next most much many few own same too one ones")
    .split(" "),
);

export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase());
}

/**
 * Words that carry no content of their own when counting what a text says: fewer than the
 * function words, because in a question "how" and "why" are what is asked.
 */
const STOP_WORDS = new Set(
  ("a an the and or but of to in on at for from by with as is are was were be been being it its " +
    "this that these those there here will would can could may might has have had do does did " +
    "we our us they them their he she his her i you your no not yes so if than then also all " +
    "any some such very more most other")
    .split(" "),
);

/** Words that carry something: not stop words, not single letters (digits are content). */
export function contentWords(text: Text): string[] {
  return tokens(text).filter((w) => !STOP_WORDS.has(w) && (w.length > 1 || /\d/.test(w)));
}

/** A crude stem, enough to see "risks" and "risk", "reviewed" and "review" as the same word. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (/^\d/.test(w) || w.length <= 4) return w;
  return w.replace(/(?:ies|ied)$/, "y").replace(/(?:ing|ed|es|s)$/, "").slice(0, 7);
}

// ─── Placeholders and near-placeholders ────────────────────────────────────────

function withoutPlaceholders(normalised: string): string[] {
  return normalised.replace(PLACEHOLDER_PATTERN, " ").split(" ").filter(Boolean);
}

/** Text that promises content instead of giving it. */
const DEFERRAL =
  /\b(?:to follow|will follow|follows|following shortly|in due course|at a later (?:date|stage|point|time)|later (?:date|stage)|coming soon|to come|pending|awaiting|await|not yet \w+|once (?:known|available|agreed|confirmed|complete|completed|finalised|finalized|approved|ready|received|done|decided|signed off)|when (?:known|available|ready|agreed|confirmed|finalised|complete)|under (?:review|development|discussion|consideration|construction)|being (?:worked on|developed|drafted|prepared|finalised|reviewed|considered|written|collated|compiled|gathered|looked at|explored)|work in progress|in progress|still (?:to be|being|to)|(?:to|will|shall|would|is to|are to|needs to|need to|yet to) be (?:confirmed|decided|determined|agreed|provided|added|completed|updated|finalised|finalized|advised|written|drafted|developed|set out|given|supplied|shared|circulated|inserted|included|published|announced|clarified|worked out|explored|considered|reviewed|assessed|established|identified|defined|discussed|filled in|populated|done|known|added later)|(?:will|shall|would|we'll) (?:add|complete|provide|update|confirm|write|fill in|finish|finalise|finalize|insert|supply|share) (?:this|it|these|that|them|the details|the information|the figures|more)(?: \w+)?(?: later| in due course| shortly| soon| when| once| after)|when (?:it|this|they|that|these) (?:is|are|becomes?|become) (?:known|available|ready|agreed|confirmed|clear)|tbc|tba|tbd)\b/;

/** Text that points elsewhere instead of answering. */
const POINTER =
  /\b(?:see|refer(?:red)? to|please refer|as per|set out in|detailed in|described in|outlined in|covered (?:in|by)|included in|contained in|explained in|given in|found in|shown in|listed in|available (?:in|on|from)|provided in|attached|enclosed|according to|as discussed|as agreed|as previously|as above|as below|same as|is in the|are in the|(?:is|are|can be found|sits) in (?:section|appendix|annex|chapter|paragraph|part|table|the business case|the report)|in the attached|in the appendix|in appendix)\b/;

/** Where the answer supposedly is: documents and their parts. */
const DOCUMENT_WORDS = new Set(
  ("business case cases report reports paper papers document documents doc docs appendix appendices annex annexe " +
    "attachment attachments section sections part parts page pages paragraph paragraphs para chapter chapters table " +
    "tables figure item items clause register log spreadsheet tracker website webpage link portal folder file files pack " +
    "briefing presentation slides deck minutes agenda eia eqia assessment plan strategy policy summary note notes " +
    "email letter form sheet intranet sharepoint cabinet committee board meeting meetings")
    .split(" "),
);

/** Words that add nothing to a promise or a pointer: "full details of the information". */
const VOID_WORDS = new Set(
  ("information info details detail detailed full fuller further more content contents text data final finalised " +
    "draft drafted version latest relevant appropriate necessary needed required review process stage point time " +
    "date dates due course later soon shortly follow follows following confirmed confirm confirmation provided provide " +
    "added add update updated updates complete completed completion pending available known yet see refer reference " +
    "referred per above below previous previously earlier elsewhere separately separate work progress ongoing current " +
    "currently now future development developed considered consideration once when ready here therein thereof " +
    "answer answers response question questions matter matters issue issues set out contained included described " +
    "outlined explained given found shown listed covered attached enclosed please accordingly provided section " +
    "insert inserted relevant agreed discussed decided decision will be thing things etc " +
    "one two three four five six seven eight nine ten first second third fourth fifth sixth seventh eighth ninth tenth " +
    "january february march april may june july august september october november december monday tuesday " +
    "wednesday thursday friday figures numbers team teams service services finance officer officers manager managers " +
    "colleagues department directorate await awaiting awaited pending subject outcome outcomes result results")
    .split(" "),
);

const REFERENCE_NUMBER_AFTER = /^(?:section|sections|page|pages|paragraph|para|appendix|annex|annexe|chapter|table|figure|item|part|clause|slide|sheet|tab|v|version)$/;

/**
 * The words of a text that say something of their own: not function words, not document or
 * "to follow" words, not a section number, not a single letter. Distinct stems.
 */
function substantiveStems(text: Text): Set<string> {
  const list = tokens(text);
  const out = new Set<string>();
  list.forEach((w, i) => {
    if (FUNCTION_WORDS.has(w) || STOP_WORDS.has(w) || VOID_WORDS.has(w) || DOCUMENT_WORDS.has(w)) return;
    if (w.length === 1 && !/\d/.test(w)) return;
    if (/^\d/.test(w) && i > 0 && REFERENCE_NUMBER_AFTER.test(list[i - 1])) return; // "section 4", "appendix 2"
    if (/^\d+(?:\s|$)/.test(w) && i > 1 && /^\d+$/.test(list[i - 1]) && REFERENCE_NUMBER_AFTER.test(list[i - 2])) return; // "section 4 2"
    if (PLACEHOLDER_PATTERN.test(` ${w} `)) {
      PLACEHOLDER_PATTERN.lastIndex = 0;
      return;
    }
    PLACEHOLDER_PATTERN.lastIndex = 0;
    out.add(stem(w));
  });
  return out;
}

/** How long a promise or a pointer can be and still be nothing else. */
const SHORT_TEXT_WORDS = 16;

/**
 * A promise or a pointer with at most one word of its own: "to be confirmed once the budget is
 * agreed" says nothing; "to be decided by Cabinet after the consultation closes" says when.
 */
const MAX_OWN_WORDS = 1;

function isDeferral(text: Text, normalised: string): boolean {
  // "TBC pending budget setting": a placeholder with an excuse is still a placeholder.
  if (/\b(?:tbc|tbd|tba|todo|wip|n a)\b/.test(normalised) && wordCount(text) <= 8) return true;
  return DEFERRAL.test(normalised) && wordCount(text) <= SHORT_TEXT_WORDS && substantiveStems(text).size <= MAX_OWN_WORDS;
}

function isPointer(text: Text, normalised: string): boolean {
  return POINTER.test(normalised) && wordCount(text) <= SHORT_TEXT_WORDS && substantiveStems(text).size <= MAX_OWN_WORDS;
}

/**
 * True for blank text, text that is nothing but placeholders ("TBC", "N/A", "see above"), or a
 * bare promise of content ("to be confirmed", "information to follow"). For short answers such as
 * a name or an owner, where one real word is enough.
 */
export function isPlaceholder(text: Text): boolean {
  const normalised = normaliseForComparison(text);
  if (/\blorem\b|\bipsum\b/.test(normalised)) return true;
  if (withoutPlaceholders(normalised).length === 0) return true;
  return isDeferral(text, normalised) && substantiveStems(text).size === 0;
}

// ─── Not English ───────────────────────────────────────────────────────────────

const VOWELS = /[aeiouy]/;
/** English words written without a vowel: "Mrs Patel and Mrs Shah" is not keyboard mash. */
const VOWELLESS_WORDS = new Set(["mrs", "nth", "hmm", "shh", "cwm", "crwth"]);
/** Letter pairs English words almost never contain ("zz" is common: jazz, pizza, puzzle). */
const RARE_PAIRS = /q[^u\s]|[jqvx][jqxz]|[bcdfghkmnpstvw]x(?!i)|x[bdfgjkmnqrsvwz]|[jv][bcdfgkmpqtvwxz]|[fhkmpw][qvz]|z[bcdfgjkmnpqstvwx]|[bdgkpt][bcdgkpt]{2}/;

/** A word no English speaker would write: no vowel, a run of five consonants, or a rare pair. */
function implausibleWord(word: string): boolean {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w) || w.length < 3) return false;
  if (!VOWELS.test(w)) return !VOWELLESS_WORDS.has(w);
  if (/[bcdfghjklmnpqrstvwxz]{5,}/.test(w)) return true;
  return RARE_PAIRS.test(w);
}

/** Alphabetic words, lowercased, leaving out acronyms (plurals too: "GPs", "CCGs") and figures. */
function letterWords(text: Text): string[] {
  return stripMarkdown(text)
    .split(/[\s/–—-]+/)
    .map((t) => t.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ""))
    .filter((t) => /^\p{L}[\p{L}'’]*$/u.test(t) && !/^[A-Z][A-Z]+s?$/.test(t))
    .map((t) => t.toLowerCase().replace(/[’']s?$/, ""));
}

/**
 * The vocabulary of placeholder Latin ("dolor sit amet, consectetur adipiscing elit..."), which
 * page-filling generators draw on whether or not they start with "lorem ipsum".
 */
const PLACEHOLDER_LATIN = new Set(
  ("dolor dolore dolorem doloribus sit amet consectetur consectetuer adipiscing adipisci elit sed eiusmod tempor " +
    "incididunt ut labore et magna aliqua aliquam enim ad minim veniam quis nostrud exercitation ullamco laboris nisi " +
    "aliquip ex ea commodo consequat duis aute irure reprehenderit voluptate velit esse cillum fugiat nulla pariatur " +
    "excepteur sint occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum vel eu " +
    "nunc nisl nibh quam lectus lacus libero ligula lorem mauris metus mi morbi nam neque odio orci pellentesque " +
    "pharetra porta porttitor praesent pretium proin purus quisque rhoncus risus rutrum sapien scelerisque semper " +
    "sodales sollicitudin suscipit suspendisse tellus tincidunt tortor tristique turpis ultrices ultricies urna varius " +
    "vehicula vestibulum vitae vivamus viverra volutpat vulputate accumsan aenean arcu auctor bibendum blandit congue " +
    "convallis cras curabitur dapibus diam dictum dignissim donec egestas eget eleifend elementum erat eros etiam " +
    "facilisis faucibus felis fermentum feugiat fringilla fusce gravida hendrerit iaculis imperdiet integer interdum " +
    "justo lacinia laoreet lobortis luctus maecenas malesuada massa mattis maximus molestie mollis nec nullam ornare " +
    "placerat posuere quis sagittis sem tempus ullamcorper ultrices at ac ante augue condimentum cursus efficitur " +
    "euismod habitant habitasse hac platea dictumst penatibus magnis dis parturient montes nascetur ridiculus mus " +
    "natoque sociis voluptatem accusantium doloremque laudantium totam rem aperiam eaque ipsa quae ab illo inventore " +
    "veritatis quasi architecto beatae vitae dicta explicabo nemo ipsam quia voluptas aspernatur aut odit fugit " +
    "consequuntur magni dolores eos ratione sequi nesciunt neque porro quisquam dolorem numquam eius modi tempora " +
    "incidunt quaerat minima nostrum exercitationem ullam corporis suscipit laboriosam aliquid commodi consequatur " +
    "autem eum iure quam nihil molestiae illum fugiat quo voluptas nulla pariatur vero accusamus iusto odio " +
    "dignissimos ducimus blanditiis praesentium deleniti atque corrupti quos quas molestias excepturi occaecati " +
    "cupiditate similique mollitia animi harum quidem rerum facilis expedita distinctio libero tempore cum soluta " +
    "nobis eligendi optio cumque impedit minus maxime placeat facere possimus omnis assumenda repellendus temporibus " +
    "quibusdam officiis debitis necessitatibus saepe eveniet voluptates repudiandae recusandae itaque earum hic " +
    "tenetur sapiente delectus reiciendis voluptatibus maiores alias perferendis doloribus asperiores repellat")
    .split(" "),
);

/**
 * True when text does not read as English: pseudo-Latin ("dolor sit amet, consectetur..."),
 * keyboard mash ("asdkjh qwpoeiru"), a heap of words with none of the small words that join
 * English into sentences. Names and lists are short, so only longer texts are judged on their
 * small words; any text is judged on words no one could pronounce and on placeholder Latin.
 */
export function isNotEnglish(text: Text): boolean {
  const list = letterWords(text);
  if (list.length < 3) return false;
  const implausible = list.filter(implausibleWord).length / list.length;
  if (implausible >= 0.34) return true;
  const latin = list.filter((w) => PLACEHOLDER_LATIN.has(w) && !FUNCTION_WORDS.has(w)).length / list.length;
  if (latin >= 0.5) return true;
  if (list.length < 12) return false;
  const functionShare = list.filter((w) => FUNCTION_WORDS.has(w)).length / list.length;
  return functionShare < 0.1;
}

// ─── Low information ───────────────────────────────────────────────────────────

/** The share of word triples that repeat an earlier triple: "the service will improve" over and over. */
export function repeatedPhraseShare(text: Text): number {
  const list = tokens(text);
  if (list.length < 6) return 0;
  const seen = new Set<string>();
  let repeats = 0;
  let total = 0;
  for (let i = 0; i + 2 < list.length; i++) {
    const tri = `${list[i]} ${list[i + 1]} ${list[i + 2]}`;
    total++;
    if (seen.has(tri)) repeats++;
    else seen.add(tri);
  }
  return total ? repeats / total : 0;
}

/** Words of management-speak that say nothing about what will happen to whom. */
const VAGUE_WORDS = new Set(
  ("deliver delivers delivered delivering delivery efficiencies efficiency efficient effective effectiveness align aligned " +
    "aligns alignment strategic strategy strategies priority priorities outcomes outcome sustainable sustainability " +
    "transform transformed transformation transforming modernise modernised modernisation streamline streamlined " +
    "holistic robust fit purpose forward going best value optimise optimised optimisation leverage synergy synergies " +
    "stakeholder stakeholders journey model models targeted universal provision offer offers improve improved " +
    "improvement improvements improving better enhance enhanced ensure ensuring resilience resilient innovative " +
    "innovation agile joined whole system place based co production needs led early intervention step change " +
    "refresh redesign redesigned realign realigned reshape reshaped reconfigure reconfigured approach approaches " +
    "framework frameworks ambition ambitions vision journey continuous quality excellence excellent appropriate " +
    "appropriately key core focus focused focussed going forwards moving model operating landscape capacity " +
    "capability capabilities opportunity opportunities positive positively impact impacts impactful deliverables " +
    "meaningful engagement engage engaged partnership partners working together collaboratively collaborative " +
    "collaboration wider overall general generally broadly various relevant appropriate review reviewed support " +
    "supported supporting supports continue continued continues maintain maintained enable enabling enabled " +
    "empower empowered empowering future proof proofing proofed manage managed mitigate mitigated mitigation " +
    "minimise minimised address addressed consider considered explore explored look looked seek sought")
    .split(" "),
);
const VAGUE_STEMS = new Set([...VAGUE_WORDS].map(stem));

/** Words about the organisation itself, which neither make text specific nor vague. */
const NEUTRAL_WORDS = new Set(
  "council councils service services residents people proposal proposals change changes changed team teams staff organisation department directorate we our plan plans way ways needs need".split(" "),
);

/**
 * True for text made only of management words, with no figure, place, group or action anyone
 * could check: "This will deliver efficiencies and align with strategic priorities."
 */
export function isVague(text: Text): boolean {
  if (/\d/.test(stripMarkdown(text))) return false;
  if (wordCount(text) > 40) return false;
  const content = contentWords(text).filter((w) => !NEUTRAL_WORDS.has(w) && !FUNCTION_WORDS.has(w));
  if (content.length < 4) return false;
  const vague = content.filter((w) => VAGUE_WORDS.has(w) || VAGUE_STEMS.has(stem(w))).length;
  return vague / content.length >= 0.75;
}

/** Few distinct words, two words alternating, one phrase repeated: length without content. */
function isRepetitive(text: Text): boolean {
  const real = contentWords(text);
  const counts = new Map<string, number>();
  for (const w of real) counts.set(stem(w), (counts.get(stem(w)) ?? 0) + 1);
  if (counts.size < 2) return true;
  const commonest = Math.max(...counts.values());
  if (real.length >= 3 && commonest > real.length / 2) return true;
  if (real.length >= 6 && counts.size <= 3) return true;
  if (real.length >= 12 && counts.size / real.length < 0.35) return true;
  return repeatedPhraseShare(text) > 0.4;
}

// ─── Filler ────────────────────────────────────────────────────────────────────

export type FillerKind = "blank" | "placeholder" | "deferral" | "pointer" | "too_few_words" | "repetitive" | "not_english" | "vague";

/** Why a text says nothing, or null when it says something. */
export const fillerKind: (text: Text) => FillerKind | null = memo((text) => computeFillerKind(text));

function computeFillerKind(text: string): FillerKind | null {
  const normalised = normaliseForComparison(text);
  if (!normalised) return "blank";
  if (/\blorem\b|\bipsum\b/.test(normalised) || withoutPlaceholders(normalised).length === 0) return "placeholder";
  if (isDeferral(text, normalised)) return "deferral";
  if (isPointer(text, normalised)) return "pointer";
  const real = withoutPlaceholders(normalised).filter((w) => !STOP_WORDS.has(w) && (w.length > 1 || /\d/.test(w)));
  if (new Set(real.map(stem)).size < 2) return "too_few_words";
  if (isRepetitive(text)) return "repetitive";
  if (isNotEnglish(text)) return "not_english";
  if (isVague(text)) return "vague";
  return null;
}

/**
 * True when text says nothing: blank, placeholders, a promise or a bare pointer elsewhere,
 * fewer than two distinct real words, repetition, text that is not English, or management-speak
 * with nothing in it.
 */
export function isFiller(text: Text): boolean {
  return fillerKind(text) != null;
}

/** How the gate says why a text does not count, after quoting it. */
export const FILLER_WORDS: Record<Exclude<FillerKind, "blank">, string> = {
  placeholder: "is a placeholder",
  deferral: "promises the information instead of giving it: write it now",
  pointer: "points somewhere else instead of saying it: write it here",
  too_few_words: "does not say enough",
  repetitive: "repeats the same few words",
  not_english: "does not read as English",
  vague: "is too general: say what would happen, to whom and how much",
};

/** Real content of at least `min` words. */
export function meetsMinimumWords(text: Text, min: number): boolean {
  return !isFiller(text) && wordCount(text) >= min;
}

// ─── Actions, owners and dates ─────────────────────────────────────────────────
// A mitigation or a justification that names no action ("justified by the savings", "robust
// governance in place") gives nobody anything to hold the council to.

/** Verbs of doing: what a council does to reduce a harm or find out more. */
const ACTION_VERBS = (
  "offer provide train fund pay give publish consult meet assess prioritise prioritize redeploy visit extend keep retain " +
  "protect introduce arrange hold run set agree appoint recruit hire create develop commission evaluate measure report " +
  "check audit survey collect gather ask contact tell inform write translate help refer signpost work partner target cap " +
  "limit increase expand phase stagger delay pilot trial test adapt adjust equip install upgrade replace reopen open staff " +
  "cover share invite involve design schedule prepare update revise pay compensate reimburse waive exempt discount " +
  "subsidise subsidize allocate transfer move relocate redirect reinvest ring fence notify advertise promote brief coach " +
  "mentor supervise track record analyse analyze map identify escalate trigger restore reinstate guarantee commit organise " +
  "establish launch build hold attend review monitor interview sample benchmark model forecast calculate cost price tender " +
  "procure negotiate renew sign vary amend draft deliver bring add employ second seconds deploy roster rota redesign " +
  "fix repair clean collect patrol light fence lock unlock inspect survey assess screen vaccinate treat see phone call " +
  "email text send post mail print distribute display upload broadcast present host facilitate chair convene meet " +
  "co-produce coproduce codesign co-design reassess re-assess revisit reconsider double halve reduce lower raise shorten " +
  "lengthen open close stop start begin resume continue maintain ensure support"
)
  .split(/\s+/)
  .filter((v) => !["ensure", "support", "continue", "maintain", "deliver"].includes(v));

const ACTION_STEMS = new Set(ACTION_VERBS.map((v) => v.replace(/e$/, "")));

function isActionWord(word: string): boolean {
  const w = word.toLowerCase();
  for (const form of [w, w.replace(/(?:ing|ed|es|s)$/, ""), w.replace(/(?:ied|ies)$/, "y"), w.replace(/(?:ing|ed)$/, "e"), w.replace(/([bcdfgklmnprstz])\1(?:ing|ed)$/, "$1")]) {
    if (ACTION_STEMS.has(form.replace(/e$/, ""))) return true;
  }
  return false;
}

/**
 * True when the text names something the council will do: a verb of doing ("train", "offer",
 * "publish", "review"), or "we will" followed by one. "Put in place", "ensure" and "mitigate"
 * are how text avoids naming an action, so they do not count.
 */
export function namesAction(text: Text): boolean {
  // "Keep under review", "put in place", "ongoing": how text avoids saying what will be done.
  const plain = normaliseForComparison(text)
    .replace(/\b(?:keep|keeps|kept|keeping|remain|remains|be|being|is|are) (?:\w+ ){0,2}under (?:constant |regular |close )?review\b/g, " ")
    .replace(/\b(?:put|putting|be|are|is) in place\b|\bin place\b|\bongoing\b|\bas appropriate\b|\bas necessary\b|\bwhere possible\b/g, " ");
  const list = plain.split(" ").filter((w) => w && !STOP_WORDS.has(w));
  if (list.some((w) => isActionWord(w) && !WEAK_ACTIONS.has(actionBase(w)))) return true;
  // "Monitor" and "review" are actions only with a when: "review caseloads every month".
  return list.some((w) => isActionWord(w)) && namesTiming(text);
}

/** Verbs that name an activity without saying what is done or when. */
const WEAK_ACTIONS = new Set(["monitor", "review", "track", "check", "measure", "work"].map((v) => v.replace(/e$/, "")));

function actionBase(word: string): string {
  const w = word.toLowerCase();
  for (const form of [w, w.replace(/(?:ing|ed|es|s)$/, ""), w.replace(/(?:ing|ed)$/, "e")]) if (ACTION_STEMS.has(form.replace(/e$/, ""))) return form.replace(/e$/, "");
  return w;
}

/** Who does it: a role, a team or a body, or a named person. */
const OWNER_WORDS =
  /\b(?:manager|managers|officer|officers|director|directors|head|heads|lead|leads|team|teams|service|services|worker|workers|coordinator|co-ordinator|council|cabinet|councillor|member|members|board|committee|panel|group|partnership|trust|department|directorate|unit|commissioner|commissioners|adviser|advisor|advisers|practitioner|practitioners|clinician|clinicians|nurse|nurses|librarian|librarians|ranger|rangers|supervisor|supervisors|operator|contractor|provider|providers|partner|partners|forum|centre|hub|school|schools|college|police|nhs|network|charity|organisation|organisations|executive|chief|principal|secretary|assistant|specialist|consultant|staff|we|us|our)\b/i;

export function namesOwner(text: Text): boolean {
  return OWNER_WORDS.test(stripMarkdown(text));
}

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const TIMING = new RegExp(
  `\\b(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}|(?:${MONTHS})\\b|(?:19|20)\\d{2}|q[1-4]|quarter|quarterly|monthly|weekly|daily|annually|yearly|fortnightly|each (?:week|month|year|quarter|term)|every (?:\\w+ )?(?:day|week|month|year|quarter|term)|within \\w+ (?:working )?(?:days?|weeks?|months?|years?)|(?:days?|weeks?|months?|years?) (?:after|before|of|from)|by the (?:end|start)|before (?:the|any|it|a|each|opening|closing|signing|the decision)|after (?:the|any|it|a|each|opening|closing)|during (?:the|each|its)|until|from (?:the )?(?:start|opening)|at (?:the )?(?:start|end)|at each|when the|immediately|now|next (?:week|month|year|financial year|term|spring|summer|autumn|winter)|this (?:year|month|term|spring|summer|autumn|winter)|(?:spring|summer|autumn|winter) (?:term|20\\d{2})|first (?:year|month|week|day)|six-monthly|termly|(?:in|by|from|before|after) (?:week|month) \\w+|of the consultation|at (?:the )?(?:next|each) (?:meeting|review))`,
  "i",
);

/** When: a date, a deadline, a period or a moment in the process ("before the decision"). */
export function namesTiming(text: Text): boolean {
  return TIMING.test(stripMarkdown(text));
}

/** Money and necessity: what a justification says when it says only that the cut is needed. */
const GENERIC_JUSTIFICATION = new Set(
  ("justified justify justifies justification justifiable proportionate proportionality necessary necessity need needed " +
    "needs saving savings save saves budget budgets budgetary financial finance finances cost costs costly money " +
    "efficiency efficiencies pressure pressures council councils must make made required requirement requirements " +
    "reduction reductions cut cuts spending spend legitimate aim aims impact impacts negative outweigh outweighs " +
    "outweighed benefit benefits overall unavoidable regrettable regrettably difficult decision decisions choice " +
    "choices constraint constraints constrained funding reduce reduced reducing deficit balanced balance position " +
    "context circumstances given current currently national government grant austerity value public purse taxpayers " +
    "affordable afford affordability sustainable sustainability accept accepted accepting acceptable risk risks " +
    "considered consider low small minor limited outweigh wider greater good interest interests overall service " +
    "services change changes proposal option options because reason reasons therefore achieve achieved achieving " +
    "deliver delivering best value appropriate reasonable reasonably justifiably unfortunately however this effect")
    .split(" "),
);

/**
 * True when a reason says only that money must be saved or the impact is justified, with nothing
 * specific: "justified by the savings", "the council must balance its budget", "risk accepted".
 */
export function isGenericJustification(text: Text): boolean {
  const rest = contentWords(text).filter((w) => !GENERIC_JUSTIFICATION.has(w) && !/^£?\d/.test(w));
  return new Set(rest.map(stem)).size < 3;
}

// ─── Dates in text ─────────────────────────────────────────────────────────────

const MONTH_NUMBER: Record<string, number> = Object.fromEntries(
  ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"].flatMap((m, i) => [
    [m, i + 1],
    [m.slice(0, 3), i + 1],
  ]),
);

/**
 * Explicit dates written in a text, each as the last day it could mean (YYYY-MM-DD): "3 March
 * 2025", "March 2025", "2025-03-03", "03/03/2025", "by 2025". For action texts, where a date
 * already gone means the action is not a plan.
 */
export function datesIn(text: Text): { text: string; latest: string }[] {
  const plain = stripMarkdown(text);
  const out: { text: string; latest: string }[] = [];
  const pad = (n: number) => String(n).padStart(2, "0");
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const taken: [number, number][] = [];
  const add = (m: RegExpMatchArray, latest: string) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) return;
    taken.push([start, end]);
    out.push({ text: m[0], latest });
  };
  for (const m of plain.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) add(m, `${m[1]}-${m[2]}-${m[3]}`);
  for (const m of plain.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g)) add(m, `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`);
  for (const m of plain.matchAll(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (${MONTHS})\\.? (\\d{4})\\b`, "gi"))) {
    const month = MONTH_NUMBER[m[2].toLowerCase().slice(0, 3)] ?? MONTH_NUMBER[m[2].toLowerCase()];
    if (month) add(m, `${m[3]}-${pad(month)}-${pad(Number(m[1]))}`);
  }
  for (const m of plain.matchAll(new RegExp(`\\b(${MONTHS}) (\\d{4})\\b`, "gi"))) {
    const month = MONTH_NUMBER[m[1].toLowerCase().slice(0, 3)] ?? MONTH_NUMBER[m[1].toLowerCase()];
    if (month) add(m, `${m[2]}-${pad(month)}-${pad(lastDay(Number(m[2]), month))}`);
  }
  for (const m of plain.matchAll(/\b(?:by|before|in|during|until|from) ((?:19|20)\d{2})\b/gi)) add(m, `${m[1]}-12-31`);
  return out;
}

/** The explicit dates in a text that are over before `today` (YYYY-MM-DD). */
export function pastDatesIn(text: Text, today: string): string[] {
  return datesIn(text)
    .filter((d) => d.latest < today)
    .map((d) => d.text);
}

// ─── Acronyms ──────────────────────────────────────────────────────────────────
/** Two or more capitals, with a plural "s" allowed: "SENCOs", "GPs". */
const ACRONYM = /\b[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?=s?\b)/g;
/** How far back from "(ACR)" the expansion may start: its own letters plus a few small words. */
const EXPANSION_SLACK_WORDS = 6;
/** Small words an expansion may skip or take a letter from: "Freedom of Information Act (FOIA)". */
const SMALL_WORDS = new Set(["and", "of", "for", "the", "in", "on", "to", "with", "at", "by", "a", "an", "&"]);
/** Content words an expansion may leave without a letter: "Regulations" in "(TUPE)". */
const MAX_SKIPPED_WORDS = 2;
const ROMAN = /^(?=[MDCLXVI]{2,}$)M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;

/** Words for matching letters: hyphens split ("full-time"), possessives and brackets go. */
function expansionWords(text: string): string[] {
  return text
    .replace(/[()[\]"“”]/g, " ")
    .split(/[\s/–—-]+/)
    .map((w) => w.replace(/[’']s$/i, "").replace(/[^\p{L}\p{N}&]/gu, ""))
    .filter(Boolean);
}

/**
 * Whether these words spell out the acronym: each letter in order from the start of a word (or,
 * after a word's first letter, from inside it, as "TV" in "television"), small words skipped or
 * used, at most two other words left without a letter. The first word must give the first letter.
 */
export function spellsOut(acronym: string, expansion: string[]): boolean {
  const letters = acronym.toLowerCase().replace(/[^a-z0-9]/g, "");
  const list = expansion.map((w) => w.toLowerCase());
  if (list.length < 2 || !letters.length || list[0][0] !== letters[0]) return false;
  const memo = new Map<string, number>();
  const cost = (i: number, j: number): number => {
    if (j === list.length) return i === letters.length ? 0 : Infinity;
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const w = list[j];
    const small = SMALL_WORDS.has(w);
    let best = small ? cost(i, j + 1) : 1 + cost(i, j + 1);
    if (i < letters.length && w[0] === letters[i]) {
      // This word gives letters[i], and perhaps the next few letters from inside it.
      let k = i + 1;
      let pos = 1;
      best = Math.min(best, cost(k, j + 1));
      while (k < letters.length) {
        const at = w.indexOf(letters[k], pos);
        if (at === -1) break;
        pos = at + 1;
        k++;
        best = Math.min(best, cost(k, j + 1));
      }
    }
    memo.set(key, best);
    return best;
  };
  return cost(0, 0) <= MAX_SKIPPED_WORDS;
}

/** The stems of an expansion's content words, for comparing meanings. */
function meaningStems(words: string[]): Set<string> {
  return new Set(words.map((w) => w.toLowerCase()).filter((w) => !SMALL_WORDS.has(w) && w.length > 1).map((w) => w.slice(0, 4)));
}

/**
 * For acronyms with a usual meaning (COMMON_EXPANSIONS), whether the words given mean it: most of
 * the usual expansion's words are there. "CAMHS (Council Approved Mental Health Scheme)" spells
 * the letters but is not what CAMHS means.
 */
function meansWhatItUsuallyDoes(acronym: string, expansion: string[]): boolean {
  const usual = COMMON_EXPANSIONS[acronym];
  if (!usual) return true;
  const given = meaningStems(expansion);
  return usual.some((u) => {
    const want = meaningStems(expansionWords(u));
    const missing = [...want].filter((w) => !given.has(w)).length;
    const extra = [...given].filter((w) => !want.has(w)).length;
    // All the usual words (more may be added), or all but one with nothing put in its place
    // ("Transfer of Undertakings (Protection of Employment)" without "Regulations").
    return missing === 0 || (missing === 1 && extra === 0 && want.size >= 4);
  });
}

export type AcronymProblem = {
  acronym: string;
  /** unexpanded: used with no expansion at first use; made_up: the words given do not spell it or do not mean it */
  kind: "unexpanded" | "made_up";
  /** the words given, for a made-up expansion */
  given?: string;
};

/** "Child and Adolescent Mental Health Services (CAMHS)": the best expansion before "(ACR)", or the words there. */
function expansionBefore(text: string, start: number, acronym: string): { ok: boolean; given: string } | null {
  const before = text.slice(0, start);
  const after = text.slice(start + acronym.length);
  // A plural acronym closes its bracket after the "s": "Coordinators (SENCOs)".
  if (!/\(\s*$/.test(before) || !/^s?\s*\)/.test(after)) return null;
  // A single line break is still the same Markdown paragraph; a blank line is not.
  const sentence = before.replace(/\(\s*$/, "").split(/[.!?;:](?:\s|$)|\n\s*\n/).pop() ?? "";
  let list = expansionWords(sentence);
  // "Act 1992 (TULRCA)", "Regulations 2006 (TUPE)": a year between the words and the bracket.
  while (list.length && /^\d+$/.test(list[list.length - 1]) && !/\d/.test(acronym)) list = list.slice(0, -1);
  const window = list.slice(-(acronym.length + EXPANSION_SLACK_WORDS));
  // Any start that spells the letters and means the acronym will do; report the shortest that spells.
  let spelled: string[] | null = null;
  for (let s = window.length - 2; s >= 0; s--) {
    const candidate = window.slice(s);
    if (!spellsOut(acronym, candidate)) continue;
    if (meansWhatItUsuallyDoes(acronym, candidate)) return { ok: true, given: candidate.join(" ") };
    spelled ??= candidate;
  }
  return { ok: false, given: (spelled ?? window.slice(-Math.max(2, acronym.length))).join(" ") };
}

/** "CAMHS (Child and Adolescent Mental Health Services)" */
function expansionAfter(text: string, start: number, acronym: string): { ok: boolean; given: string } | null {
  const match = /^s?\s*\(([^)]*)\)/.exec(text.slice(start + acronym.length));
  if (!match) return null;
  const given = expansionWords(match[1]);
  return { ok: spellsOut(acronym, given) && meansWhatItUsuallyDoes(acronym, given), given: match[1].trim() };
}

/**
 * Acronyms not properly spelled out the first time they appear, in order of first appearance,
 * each with why. Only the first use counts: expanding it later does not help the reader who met
 * it first. `known` are acronyms already expanded earlier in the same document, or on the
 * council's allow-list. Runs of capitals ("FREEPOST NORTHMOOR COUNCIL"), roman numerals and
 * codes with figures (postcodes, form HR1) are not acronyms.
 */
export function acronymProblems(text: Text, known: Iterable<string> = []): { problems: AcronymProblem[]; expanded: string[] } {
  const plain = stripMarkdown(text);
  const seen = new Set<string>(known);
  const problems: AcronymProblem[] = [];
  const expanded: string[] = [];
  for (const match of plain.matchAll(ACRONYM)) {
    const acronym = match[0];
    if (seen.has(acronym)) continue;
    if (/\d/.test(acronym) || ROMAN.test(acronym)) continue;
    const start = match.index ?? 0;
    // Shouting, not an acronym: a capitalised word beside another capitalised word of 3+ letters.
    const around = plain.slice(Math.max(0, start - 30), start + acronym.length + 30);
    const local = start - Math.max(0, start - 30);
    const left = /([A-Z]{3,})\s+$/.test(around.slice(0, local));
    const right = /^\s+([A-Z]{3,})\b/.test(around.slice(local + acronym.length));
    if ((left || right) && (acronym.length >= 5 || /[A-Z]{6,}/.test(around))) continue;
    // A passage written in capitals: hardly a lowercase letter around it.
    const letters = plain.slice(Math.max(0, start - 40), start + acronym.length + 40).replace(/[^\p{L}]/gu, "");
    if (letters.length >= 20 && letters.replace(/\p{Lu}/gu, "").length / letters.length < 0.2) continue;
    seen.add(acronym);
    const expansion = expansionBefore(plain, start, acronym) ?? expansionAfter(plain, start, acronym);
    if (!expansion) problems.push({ acronym, kind: "unexpanded" });
    else if (!expansion.ok) problems.push({ acronym, kind: "made_up", given: expansion.given });
    else expanded.push(acronym);
  }
  return { problems, expanded };
}

/**
 * Acronyms not spelled out the first time they appear, in order of first appearance: those with
 * no expansion and those whose expansion does not spell them out or does not mean them.
 */
export function unexpandedAcronyms(text: Text, allowList: readonly string[] = []): string[] {
  return acronymProblems(text, allowList).problems.map((p) => p.acronym);
}

// ─── Near-duplicates ───────────────────────────────────────────────────────────

function triples(list: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 < list.length; i++) out.add(`${list[i]} ${list[i + 1]} ${list[i + 2]}`);
  return out;
}

/**
 * How far two texts are the same words in the same order, from 0 to 1: the share of the shorter
 * text's word triples found in the other, when the two are of comparable length. Copies with a
 * word or two changed score high; a short quotation inside a long text does not.
 */
export function textOverlap(a: Text, b: Text): number {
  const pa = profile(a);
  const pb = profile(b);
  const ta = pa.tokens;
  const tb = pb.tokens;
  if (ta.length < 3 || tb.length < 3) return ta.join(" ") === tb.join(" ") && ta.length > 0 ? 1 : 0;
  if (Math.min(ta.length, tb.length) / Math.max(ta.length, tb.length) < 0.5) return 0;
  const [small, large] = pa.triples.size <= pb.triples.size ? [pa.triples, pb.triples] : [pb.triples, pa.triples];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  const byTriples = shared / small.size;
  // Reordered copies: the same content words, whatever the order.
  const ca = pa.contentStems;
  const cb = pb.contentStems;
  let common = 0;
  for (const w of ca.size <= cb.size ? ca : cb) if ((ca.size <= cb.size ? cb : ca).has(w)) common++;
  const byWords = ca.size >= 5 && cb.size >= 5 ? common / (ca.size + cb.size - common) : 0;
  return Math.max(byTriples, byWords);
}

const profile = memo((text) => {
  const list = tokens(text);
  return {
    tokens: list,
    normalised: list.join(" "),
    triples: triples(list),
    contentStems: new Set(contentWords(text).map(stem)),
    capitalised: capitalisedWords(text),
    content: contentWords(text),
    /** skeletons for sameTemplate, by the set of names taken out */
    skeletons: new Map<ReadonlySet<string>, Set<string>>(),
  };
});

function capitalisedWords(text: string): Set<string> {
  return new Set(
    stripMarkdown(text)
      .split(/\s+/)
      .slice(1)
      .filter((w) => /^[A-Z][a-z]/.test(w))
      .map((w) => normaliseForComparison(w)),
  );
}

/** Whether two texts are the same once case, punctuation, spacing and Markdown are set aside. */
export function sameText(a: Text, b: Text): boolean {
  return profile(a).normalised === profile(b).normalised;
}

/** From this overlap up, two texts are the same text. */
export const NEAR_DUPLICATE = 0.6;

/**
 * Whether two texts are one template with a name swapped: the same content words once the
 * `names` (a characteristic's words, a place) and any capitalised names are taken out.
 * "No evidence of a different effect on older people" and "...on disabled people".
 */
export function sameTemplate(a: Text, b: Text, namesA: ReadonlySet<string> = NO_NAMES, namesB: ReadonlySet<string> = NO_NAMES): boolean {
  const skeleton = (text: Text, names: ReadonlySet<string>) => {
    const prof = profile(text);
    let found = prof.skeletons.get(names);
    if (!found) {
      found = new Set(prof.content.filter((w) => !names.has(w) && !prof.capitalised.has(w) && !TEMPLATE_GROUP_WORDS.has(w)).map(stem));
      prof.skeletons.set(names, found);
    }
    return found;
  };
  const sa = skeleton(a, namesA);
  const sb = skeleton(b, namesB);
  if (!sa.size || !sb.size) return false;
  const common = [...sa].filter((w) => sb.has(w)).length;
  const union = sa.size + sb.size - common;
  if (common === union) return common >= 2;
  // One word apart on a longer skeleton is still the same template.
  return common >= 3 && union - common <= 1;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/** One text among many, for nearDuplicatePairs. */
export type ComparedText = {
  text: Text;
  /** texts of the same kind (rows of one list) are also compared as templates */
  kind?: string;
  /** words naming who the text is about, taken out when comparing templates */
  names?: ReadonlySet<string>;
  /** texts of one group (the fields of one row) are not compared with each other */
  group?: string;
};

/**
 * For each text that copies an earlier one (exactly, with a few words changed, or, within a kind,
 * as a template with a name swapped), the index of the first earlier text it copies. Filler is
 * left out (it is refused as filler). Any list of texts: a proposal, an outcome report.
 */
export function nearDuplicatePairs(items: readonly ComparedText[], options: { templateKinds?: ReadonlySet<string>; skip?: (a: ComparedText, b: ComparedText) => boolean } = {}): { index: number; of: number; templated: boolean }[] {
  const out: { index: number; of: number; templated: boolean }[] = [];
  const copiedGroups = new Set<string>();
  for (let j = 1; j < items.length; j++) {
    const b = items[j];
    if (isFiller(b.text) || (b.group && copiedGroups.has(b.group))) continue;
    for (let i = 0; i < j; i++) {
      const a = items[i];
      if (isFiller(a.text) || (a.group && a.group === b.group) || options.skip?.(a, b)) continue;
      const near = sameText(a.text, b.text) || textOverlap(a.text, b.text) >= NEAR_DUPLICATE;
      const templated = !near && a.kind != null && a.kind === b.kind && (options.templateKinds?.has(a.kind) ?? true) && sameTemplate(a.text, b.text, a.names, b.names);
      if (!near && !templated) continue;
      out.push({ index: j, of: i, templated });
      // A row copied whole is reported once, by its first copied field.
      if (b.group) copiedGroups.add(b.group);
      break;
    }
  }
  return out;
}

/** People in general, which a template keeps and swaps a name in front of. */
const TEMPLATE_GROUP_WORDS = new Set("people person persons residents staff users customers groups group individuals those community communities families".split(" "));
// ─── Readability ───────────────────────────────────────────────────────────────
export type ReadabilityBand =
  | "very easy"
  | "easy"
  | "fairly easy"
  | "plain English"
  | "fairly difficult"
  | "difficult"
  | "very difficult";

export type Readability = { score: number; band: ReadabilityBand; words: number; sentences: number };

const BANDS: [number, ReadabilityBand][] = [
  [90, "very easy"],
  [80, "easy"],
  [70, "fairly easy"],
  [60, "plain English"],
  [50, "fairly difficult"],
  [30, "difficult"],
  [0, "very difficult"],
];

/** A common heuristic: vowel groups, less a silent final "e" or "-es"/"-ed". Good enough for a guide. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (!w) return 1; // a number or symbol is read as one unit
  if (w.length <= 3) return 1;
  const groups = w
    .replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, "")
    .replace(/^y/, "")
    .match(/[aeiouy]{1,2}/g);
  return groups ? groups.length : 1;
}

/**
 * Flesch reading ease, shown to the officer beside the summary (DESIGN.md gate item 1).
 * 60 or more is plain English. Clamped to 0–100 so the figure reads as a percentage-like scale.
 */
export function readability(text: Text): Readability {
  const plain = stripMarkdown(text);
  const sentences = plain
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((s) => wordCount(s) > 0);
  const all = words(plain);
  if (all.length === 0) return { score: 0, band: "very difficult", words: 0, sentences: 0 };

  const syllableCount = all.reduce((sum, w) => sum + syllables(w), 0);
  const raw = 206.835 - 1.015 * (all.length / sentences.length) - 84.6 * (syllableCount / all.length);
  const score = Math.round(Math.min(100, Math.max(0, raw)) * 10) / 10;
  const band = BANDS.find(([min]) => score >= min)?.[1] ?? "very difficult";
  return { score, band, words: all.length, sentences: sentences.length };
}
