import { describe, it, expect } from "vitest";
import {
  acronymProblems,
  datesIn,
  fillerKind,
  isGenericJustification,
  namesAction,
  namesOwner,
  namesTiming,
  nearDuplicatePairs,
  pastDatesIn,
  isFiller,
  isNotEnglish,
  isPlaceholder,
  isVague,
  meetsMinimumWords,
  repeatedPhraseShare,
  normaliseForComparison,
  readability,
  syllables,
  textOverlap,
  contentWords,
  stem,
  stripMarkdown,
  tokens,
  unexpandedAcronyms,
  wordCount,
} from "~/proposals/text-quality";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { readiness } from "~/proposals/readiness";
import { completeProposal } from "../fixtures/proposals";

describe("Counting words", () => {
  it("counts words, with figures such as £540,000 and 11.4 as one word each", () => {
    expect(wordCount("The change would save £540,000 and affect 11.4 FTE.")).toBe(9);
  });

  it("counts nothing in blank text", () => {
    expect(wordCount(null)).toBe(0);
    expect(wordCount("   \n ")).toBe(0);
  });

  it("does not count Markdown syntax: headings, list markers, emphasis and link addresses", () => {
    expect(wordCount("# Heading\n\n- one\n- **two** [link text](https://example.gov.uk/a/b)\n> quoted")).toBe(6);
  });
});

describe("Filler does not count as content", () => {
  it.each([
    "",
    "   ",
    "TBC",
    "TBD",
    "TODO",
    "N/A",
    "n/a",
    "To follow",
    "To be confirmed.",
    "See above",
    "See business case",
    "none",
    "Nil",
    "xxx",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    "test",
    "...",
    "-",
    "**TBC**",
    "- N/A",
    "TBC - to follow",
  ])("%j is filler", (text) => {
    expect(isFiller(text)).toBe(true);
  });

  it("treats text with fewer than two distinct real words as filler", () => {
    expect(isFiller("Children")).toBe(true);
    expect(isFiller("No impact")).toBe(true); // "no" carries no content of its own
    expect(isFiller("This is a test")).toBe(true);
  });

  it("treats text that is mostly one word repeated as filler", () => {
    expect(isFiller("staff staff staff staff")).toBe(true);
    expect(isFiller("risk risk risk risk high")).toBe(true);
  });

  it("treats a short pointer elsewhere as filler, but not a long answer that starts with 'see'", () => {
    expect(isFiller("See business case, section 4.2")).toBe(true);
    expect(isFiller("See the figures below: 12 posts, 11.4 full-time equivalent, a quarter of the workforce, 450 assessments a year.")).toBe(false);
  });

  it.each(["No impact expected", "Children in care", "Parents and young carers", "Fill in the online survey"])(
    "%j is short but real",
    (text) => {
      expect(isFiller(text)).toBe(false);
    },
  );

  it("recognises a bare placeholder, for short answers such as a name where one word is enough", () => {
    expect(isPlaceholder("N/A")).toBe(true);
    expect(isPlaceholder("")).toBe(true);
    expect(isPlaceholder("Appendix C")).toBe(false);
    expect(isPlaceholder("UNISON")).toBe(false);
  });

  it("meets a minimum only with real words", () => {
    expect(meetsMinimumWords("The duty team will review every open case", 5)).toBe(true);
    expect(meetsMinimumWords("The duty team", 5)).toBe(false);
    expect(meetsMinimumWords("TBC TBC TBC TBC TBC TBC", 5)).toBe(false);
    expect(meetsMinimumWords(null, 1)).toBe(false);
  });
});

describe("Acronyms must be expanded the first time they are used", () => {
  it("an expansion wrapped onto a second line of the same paragraph still counts", () => {
    expect(unexpandedAcronyms("Children and Young People's Mental Health\nServices (CAMHS) will change.")).toEqual([]);
  });

  it("an expansion in an earlier paragraph does not carry across a blank line", () => {
    expect(unexpandedAcronyms("Mental Health Services\n\n(CAMHS) will change.")).toEqual(["CAMHS"]);
  });

  it("accepts 'Full Words (ACR)' at first use", () => {
    expect(unexpandedAcronyms("Child and Adolescent Mental Health Services (CAMHS) would change. CAMHS staff...")).toEqual([]);
  });

  it("accepts 'ACR (full words)' at first use", () => {
    expect(unexpandedAcronyms("CAMHS (Child and Adolescent Mental Health Services) would change.")).toEqual([]);
  });

  it("reports an acronym used without expansion", () => {
    expect(unexpandedAcronyms("We propose to remove the social workers within CAMHS.")).toEqual(["CAMHS"]);
  });

  it("does not accept an expansion given after the first use", () => {
    expect(unexpandedAcronyms("CAMHS would change. Child and Adolescent Mental Health Services (CAMHS) is...")).toEqual(["CAMHS"]);
  });

  it("needs at least two words that could stand for the letters", () => {
    expect(unexpandedAcronyms("Children (CAMHS) are seen quickly.")).toEqual(["CAMHS"]); // one word
    expect(unexpandedAcronyms("The new teams (CAMHS) start soon.")).toEqual(["CAMHS"]); // no word for the C
    expect(unexpandedAcronyms("CAMHS (see below) would change.")).toEqual(["CAMHS"]);
    expect(unexpandedAcronyms("We work with (CAMHS) teams.")).toEqual(["CAMHS"]);
  });

  it("handles a long expansion that itself contains brackets", () => {
    expect(unexpandedAcronyms("The Transfer of Undertakings (Protection of Employment) Regulations 2006 (TUPE) apply.")).toEqual([]);
  });

  it("lists each unexpanded acronym once, in order of first use, leaving out the allow-list", () => {
    expect(unexpandedAcronyms("TUPE applies to SEND staff and NHS staff. TUPE again.", ["NHS"])).toEqual(["TUPE", "SEND"]);
  });

  it("accepts a plural acronym expanded either way, and asks for it unexpanded", () => {
    expect(acronymProblems("Special Educational Needs Coordinators (SENCOs) would refer children.")).toEqual({ problems: [], expanded: ["SENCO"] });
    expect(acronymProblems("SENCOs (Special Educational Needs Coordinators) would refer children.")).toEqual({ problems: [], expanded: ["SENCO"] });
    expect(unexpandedAcronyms("The SENCOs would refer children.")).toEqual(["SENCO"]);
  });

  it("takes letters from inside a word, skips a year before the bracket, and quotes back a made-up expansion", () => {
    expect(acronymProblems("Closed-circuit television (CCTV) would be fitted.").expanded).toEqual(["CCTV"]);
    expect(acronymProblems("The Trade Union and Labour Relations (Consolidation) Act 1992 (TULRCA) applies.").expanded).toEqual(["TULRCA"]);
    expect(acronymProblems("Calls to the MASH (Main Advice and Support Helpline) would rise.").problems).toEqual([{ acronym: "MASH", kind: "made_up", given: "Main Advice and Support Helpline" }]);
  });

  it("does not take shouting, a passage in capitals, codes with figures or roman numerals for acronyms", () => {
    expect(acronymProblems("Write to FREEPOST NORTHMOOR COUNCIL today.").problems).toEqual([]);
    expect(acronymProblems("PLEASE NOTE THAT THE CAMHS TEAM WILL MOVE IN MAY").problems).toEqual([]);
    expect(acronymProblems("Use form HR1 under part II.").problems).toEqual([]);
  });

  it("reads through Markdown emphasis", () => {
    expect(unexpandedAcronyms("**CAMHS** (Child and Adolescent Mental Health Services) would change.")).toEqual([]);
  });
});

describe("Readability: the Flesch reading ease of a summary is shown to the officer", () => {
  it("scores short sentences of short words as easy", () => {
    const r = readability("We will close the team. Staff will move. You can tell us what you think.");
    expect(r.score).toBeGreaterThanOrEqual(80);
    expect(["easy", "very easy"]).toContain(r.band);
    expect(r.sentences).toBe(3);
    expect(r.words).toBe(15);
  });

  it("scores long sentences of long words as very difficult", () => {
    const r = readability(
      "Notwithstanding the aforementioned considerations, organisational restructuring necessitates comprehensive reconfiguration of multidisciplinary safeguarding arrangements.",
    );
    expect(r.band).toBe("very difficult");
  });

  it("finds the CAMHS summary in plain English", () => {
    const r = readability(completeProposal().summary);
    expect(r.score).toBeGreaterThanOrEqual(60);
  });

  it("gives blank text no score", () => {
    expect(readability("")).toEqual({ score: 0, band: "very difficult", words: 0, sentences: 0 });
  });
});

describe("Comparing texts for copy-paste", () => {
  it("ignores case, punctuation, spacing and Markdown", () => {
    expect(normaliseForComparison("**No** different  impact, by age.")).toBe(normaliseForComparison("no different impact by age"));
    expect(normaliseForComparison("N/A.")).toBe(normaliseForComparison("n/a"));
  });
});

describe("Substance rules as pure functions on any text (the outcome report's gate reuses them)", () => {
  it("says why a text is filler", () => {
    expect(fillerKind("Information to follow")).toBe("deferral");
    expect(fillerKind("See the business case, section four")).toBe("pointer");
    expect(fillerKind("Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium.")).toBe("not_english");
    expect(fillerKind("service change service change service change")).toBe("repetitive");
    expect(fillerKind("This will deliver efficiencies and align with strategic priorities.")).toBe("vague");
    expect(fillerKind("We will publish waiting times every month on this page.")).toBeNull();
  });

  it("finds copies in any list of texts, and templates within a kind", () => {
    const texts = [
      { text: "Respondents asked for longer opening hours at Fellside library on Saturdays." },
      { text: "Respondents asked for longer opening hours at Fellside library on Sundays." },
      { text: "Parents told us the new bus route would make the school run easier.", kind: "theme" },
      { text: "We found no evidence that older people would be affected differently by the change.", kind: "row", names: new Set(["older"]) },
      { text: "We found no evidence that disabled people would be affected differently by the change.", kind: "row", names: new Set(["disabled"]) },
    ];
    expect(nearDuplicatePairs(texts).map((p) => [p.index, p.of])).toEqual([
      [1, 0],
      [4, 3],
    ]);
  });

  it("reads actions, owners and dates", () => {
    expect(namesAction("Robust governance arrangements are in place.")).toBe(false);
    expect(namesAction("Keep under review.")).toBe(false);
    expect(namesAction("Monitor waiting times.")).toBe(false);
    expect(namesAction("Monitor waiting times every month.")).toBe(true);
    expect(namesAction("Train all 29 clinicians before any post is removed.")).toBe(true);
    expect(namesOwner("The Head of Children's Social Care will chair it.")).toBe(true);
    expect(namesTiming("before the decision")).toBe(true);
    expect(isGenericJustification("Justified by the savings the council must make.")).toBe(true);
    expect(isGenericJustification("Families will keep the same practical help from the duty team's family support workers.")).toBe(false);
    expect(pastDatesIn("Done by 3 March 2025; reviewed in June 2027.", "2026-12-01")).toEqual(["3 March 2025"]);
  });
});

describe("Markdown is read for its words", () => {
  it("keeps the words of images and links, not their addresses", () => {
    expect(stripMarkdown("![A map of the area](map.png) shows it")).toBe("A map of the area shows it");
    expect(stripMarkdown("Read [the business case](https://example.gov.uk/a) now")).toBe("Read the business case now");
    expect(wordCount("![](empty.png) [](https://example.gov.uk)")).toBe(0);
  });

  it("drops block-quote markers, nested or indented, and heading markers of any level", () => {
    expect(stripMarkdown("> quoted\n>> nested\n  > indented")).toBe("quoted\nnested\nindented");
    expect(stripMarkdown("# One\n###### Six\n  ## Indented")).toBe("One\nSix\nIndented");
  });

  it("drops list markers, bulleted and numbered, but not a hyphen inside a word", () => {
    expect(stripMarkdown("- a\n* b\n+ c\n1. d\n12) e\n  - f\nwell-being")).toBe("a\nb\nc\nd\ne\nf\nwell-being");
  });

  it("drops emphasis, code and strike-through marks", () => {
    expect(stripMarkdown("**bold** _it_ `code` ~~gone~~")).toBe("bold it code gone");
  });
});

describe("Texts are compared as words", () => {
  it("lowercases, joins possessives and splits on punctuation", () => {
    expect(normaliseForComparison("Children's mental-health services.")).toBe("childrens mental health services");
    expect(normaliseForComparison("  The  Council’s plan ")).toBe("the councils plan");
    expect(tokens("N/A.")).toEqual(["n", "a"]);
  });

  it("keeps Bengali words whole, vowel signs and virama included", () => {
    expect(tokens("শিশুদের মানসিক স্বাস্থ্য")).toEqual(["শিশুদের", "মানসিক", "স্বাস্থ্য"]);
  });

  it("sees 'risks' and 'risk', 'families' and 'family', 'reviewed' and 'review' as one word", () => {
    expect(["risks", "reviewed", "families", "studied", "boxes", "Staffing", "READING"].map(stem)).toEqual(["risk", "review", "family", "study", "box", "staff", "read"]);
    expect(stem("assessments")).toBe("assessm");
    expect(stem("care")).toBe("care");
    expect(stem("2026s")).toBe("2026s");
  });

  it("counts figures as content but not single letters or small words", () => {
    expect(contentWords("No impact on 5 a b")).toEqual(["impact", "5"]);
  });
});

describe("Placeholders with an excuse", () => {
  it("knows 'TBC pending budget setting' for a promise, and a longer answer that explains when for an answer", () => {
    expect(fillerKind("TBC pending budget setting")).toBe("deferral");
    expect(fillerKind("To be confirmed once the budget is agreed")).toBe("deferral");
    expect(fillerKind("To be decided by Cabinet after the consultation closes")).toBeNull();
    expect(fillerKind("TBC pending the budget being set by full council in February next year")).toBeNull();
  });

  it("calls a bare promise a placeholder, and a promise that names something not", () => {
    expect(isPlaceholder("Information to follow")).toBe(true);
    expect(isPlaceholder("To be confirmed once the budget is agreed")).toBe(false);
    expect(isPlaceholder("Sam")).toBe(false);
  });
});

describe("Text that does not read as English", () => {
  it.each(["asdkjh qwpoeiru zxcvb", "Dolor sit amet consectetur adipiscing elit", "Budget staffing children services families schools transport housing planning parks libraries leisure"])(
    "%j is not English",
    (text) => expect(isNotEnglish(text)).toBe(true),
  );

  it.each(["NHS CAMHS GP", "Children's services – families/schools", "Strengthen rhythm and care"])("%j is not judged so", (text) => {
    expect(isNotEnglish(text)).toBe(false);
  });
});

describe("Markdown marks inside a line", () => {
  it("reads a '>' or '#' between words as punctuation, not as a quote or a heading", () => {
    expect(wordCount("Demand > supply")).toBe(2);
    expect(wordCount("Priority #1 and #2")).toBe(4);
  });
});

/**
 * What the gate says about a text written as who would bear the first risk: the message asking for
 * it again, or null when it accepts the text (an unexpanded acronym is another item). Each text below is used once in this file: the text checks keep their
 * results, so a text asked about again would not be worked out again.
 */
function gateSaysOfWhoBears(text: string): string | null {
  const p = completeProposal();
  p.risks[0].whoBears = text;
  return readiness(p, DEFAULT_SETTINGS).find((u) => u.code === "risks.who_bears_missing")?.message ?? null;
}

describe("A pointer to a section, paragraph or appendix is refused; a figure or a word of its own is not", () => {
  it.each([
    "See section 4.2",
    "See section 4.12 on parking", // a two-digit subsection
    "See section 12.3 on parking", // a two-digit section
    "See para 3 on parking",
    "See appendix B on parking", // a single letter is not a word of its own
    "Set out in paragraph 7",
  ])("%j points elsewhere, with at most one word of its own", (text) => {
    expect(gateSaysOfWhoBears(text)).toMatch(new RegExp(`^Say who would bear risk 1 '.+' – '${text.replace(/\./g, "\\.")}' points somewhere else instead of saying it: write it here$`));
  });

  it.each([
    "Parents and carers of pupils, see section 4.2",
    "4 posts, as agreed", // a figure is something of its own, even a single digit
    "12 posts, as agreed",
    "Table tennis players, see above", // a word after "table" counts unless it is a number
  ])("%j says something of its own", (text) => {
    expect(gateSaysOfWhoBears(text)).toBeNull();
  });
});

describe("Keyboard mash is refused; English with unusual letters, names and acronyms is not", () => {
  it.each([
    "Sdfg hgfd dfgh", // no vowel
    "Asdfgh sdfgha ghsdfa", // five consonants in a row
    "Sdf ghj klm", // words of three letters are judged too
    "Qwxz jkxv pzqv", // rare letter pairs
  ])("%j does not read as English", (text) => {
    expect(gateSaysOfWhoBears(text)).toMatch(new RegExp(`– '${text}' does not read as English$`));
  });

  it.each([
    "Jazz and pizza nights", // "zz" is common in English
    "Quiz nights at Bexley library",
    "Dr Li, Mr Ng and Ms Wu", // two-letter words are not judged
    "Mrs Patel and Mrs Shah",
    "Letters to GPs and CCGs", // plural acronyms are acronyms
    "NHS, CCG and CQC teams",
    "Cwm Taf and Cwm Rhondda", // a few English words have no vowel
    "The jazz club in Bexley would move its quiz nights to the library on Fridays from June.",
  ])("%j is accepted", (text) => {
    expect(gateSaysOfWhoBears(text)).toBeNull();
  });
});

describe("Where 'not English' starts: how many words, how much Latin, how few small words", () => {
  it("does not judge a two-word name on its letters", () => {
    expect(isNotEnglish("Zbigniew Brzezinski")).toBe(false);
  });

  it("refuses text that is half placeholder Latin, and accepts it with a little less", () => {
    expect(isNotEnglish("Dolor sit amet, Fellside library hours")).toBe(true);
    expect(isNotEnglish("Dolor sit amet, Fellside library opening hours")).toBe(false);
  });

  it("judges a heap of words without small words only from twelve words, and one small word in ten is enough", () => {
    expect(isNotEnglish("Budget staffing children services families schools transport housing planning parks libraries")).toBe(false);
    const heap = "Budget, staffing, children, services, families, schools, transport, housing, planning, parks, libraries, leisure, roads, waste, recycling, buses, pensioners";
    expect(isNotEnglish(`${heap} and the arts`)).toBe(false); // 2 small words in 20
    expect(isNotEnglish(`${heap}, museums and arts`)).toBe(true); // 1 in 20
  });
});

describe("Where repetition and management-speak start", () => {
  it("counts repeated three-word phrases only from six words", () => {
    expect(repeatedPhraseShare("care home care home care")).toBe(0);
    expect(repeatedPhraseShare("care home care home care home")).toBe(0.5); // 2 of 4 triples seen before
  });

  it("accepts a word used half the time, or four words over six; refuses three words over six", () => {
    expect(fillerKind("Staff pay and staff rotas")).toBeNull();
    expect(fillerKind("Homes, care, staff, homes, care, rotas")).toBeNull();
    expect(fillerKind("Homes, care, staff, homes, care, staff")).toBe("repetitive");
  });

  it("refuses twelve words or more with under a third of them different, even in a new order", () => {
    expect(fillerKind("parks libraries roads buses parks roads libraries buses libraries parks buses roads")).toBe("repetitive");
  });

  it("calls text vague when three content words in four are management words, with no figure, up to forty words", () => {
    expect(isVague("Deliver efficiencies for parks and align")).toBe(true); // 3 of 4
    expect(isVague("Deliver efficiencies and align strategy on parks and buses")).toBe(false); // 4 of 6
    expect(isVague("Deliver efficiencies")).toBe(false); // too short to judge
    expect(isVague("This will deliver efficiencies and align with strategic priorities by 2027.")).toBe(false);
    const forty = "This will deliver efficiencies and align with strategic priorities, improve outcomes, transform services, modernise provision, streamline processes, enhance resilience and capacity, empower communities, ensure sustainability, support continuous improvement and deliver value for money across the whole system going forward now";
    expect(isVague(forty)).toBe(true);
    expect(isVague(`${forty} here`)).toBe(false); // longer texts are judged by the other rules
  });
});

describe("Dates written in an action, each read as the last day it could mean", () => {
  it("reads ISO dates, day/month/year, and a day and month name with or without an ordinal or a full stop", () => {
    expect(datesIn("Done on 2025-03-03.")).toEqual([{ text: "2025-03-03", latest: "2025-03-03" }]);
    expect(datesIn("Due 3/4/2025 and 12/11/2026")).toEqual([
      { text: "3/4/2025", latest: "2025-04-03" },
      { text: "12/11/2026", latest: "2026-11-12" },
    ]);
    expect(datesIn("By 1st March 2025, then 22nd Feb 2026 and 3 Sept. 2026")).toEqual([
      { text: "1st March 2025", latest: "2025-03-01" },
      { text: "22nd Feb 2026", latest: "2026-02-22" },
      { text: "3 Sept. 2026", latest: "2026-09-03" },
    ]);
  });

  it("reads a month as its last day, February in a leap year too, and a year after 'by', 'until' or 'from' as its last day", () => {
    expect(datesIn("In February 2024 and February 2025")).toEqual([
      { text: "February 2024", latest: "2024-02-29" },
      { text: "February 2025", latest: "2025-02-28" },
    ]);
    expect(datesIn("by 2025, until 2030, from 1999")).toEqual([
      { text: "by 2025", latest: "2025-12-31" },
      { text: "until 2030", latest: "2030-12-31" },
      { text: "from 1999", latest: "1999-12-31" },
    ]);
  });

  it("reads a date once, not again as the month or year inside it", () => {
    expect(datesIn("Opened on 3 March 2025, reviewed in March 2026")).toEqual([
      { text: "3 March 2025", latest: "2025-03-03" },
      { text: "March 2026", latest: "2026-03-31" },
    ]);
    expect(datesIn("in 2025-03-03")).toEqual([{ text: "2025-03-03", latest: "2025-03-03" }]);
  });

  it("counts a date as past only from the day after", () => {
    expect(pastDatesIn("Train the duty team on 2026-12-01", "2026-12-01")).toEqual([]);
    expect(pastDatesIn("Train the duty team on 2026-12-01", "2026-12-02")).toEqual(["2026-12-01"]);
  });
});

describe("An action is a verb of doing in any form, not 'keep under review' or 'in place'", () => {
  it.each(["Trained staff", "Staff trains", "Stopped the bus", "Redeployed nurses"])("%j names an action", (text) => {
    expect(namesAction(text)).toBe(true);
  });

  it.each(["Keep it under constant review", "Keep staffing under regular review", "Caseloads are being kept under close review", "Robust measures in place"])("%j does not", (text) => {
    expect(namesAction(text)).toBe(false);
  });
});

describe("Readability: the figure and band the officer sees, worked out exactly", () => {
  it.each([
    ["You can tell us what you think. We read every answer.", 93.6, "very easy", 11, 2],
    ["We would move the youth club to the community centre on the high street.", 89.9, "easy", 14, 1],
    ["Residents would need to travel further to reach the nearest recycling centre.", 60.7, "plain English", 12, 1],
    ["The library would open on Saturday mornings and close on Monday afternoons instead.", 44, "difficult", 13, 1],
    ["The council proposes to reorganise the delivery of mental health assessments across the county.", 35.5, "difficult", 14, 1],
    ["Is it fine?\nYes! It is.", 100, "very easy", 6, 3], // a question, an exclamation and a new line end sentences
  ] as const)("%j scores %d (%s)", (text, score, band, words, sentences) => {
    expect(readability(text)).toEqual({ score, band, words, sentences });
  });

  it("scores the CAMHS summary as plain English", () => {
    expect(readability(completeProposal().summary)).toEqual({ score: 67.5, band: "plain English", words: 101, sentences: 6 });
  });

  it("counts syllables by vowel groups, less a silent final 'e', '-es' or '-ed', and a leading 'y'", () => {
    const words = ["cat", "table", "baked", "boxes", "yearly", "seeing", "pleased", "little", "agreed", "lives", "daily", "ICT", "2027"];
    expect(words.map(syllables)).toEqual([1, 2, 1, 1, 2, 2, 1, 2, 2, 1, 2, 1, 1]);
  });
});

describe("Copies: how far two texts are the same, and which copies are reported", () => {
  it("compares texts under three words whole, and a short quotation inside a long text not at all", () => {
    expect(textOverlap("Staff", "staff")).toBe(1);
    expect(textOverlap("Staff pay", "Staff rotas")).toBe(0);
    expect(textOverlap("", "")).toBe(0);
    expect(textOverlap("Close Fellside library", "We propose to close Fellside library on Saturdays and Sundays from April next year")).toBe(0);
  });

  it("scores a word changed by the word triples kept, and a reordered text by the content words shared", () => {
    expect(textOverlap("Families would wait longer for a first assessment at the clinic", "Families would wait longer for a first appointment at the clinic")).toBeCloseTo(10 / 14);
    expect(textOverlap("Parents, carers and teachers will lose weekly drop-in sessions at Fellside", "Weekly drop-in sessions at Fellside will be lost by teachers, carers and parents")).toBeCloseTo(7 / 9);
  });

  it("reports a row copied whole once, by its first field, and leaves filler out", () => {
    const pairs = nearDuplicatePairs([
      { text: "Weekly drop-in sessions at Fellside library would end in May.", group: "r1" },
      { text: "Parents would lose a quiet place to meet other parents nearby.", group: "r1" },
      { text: "Weekly drop-in sessions at Fellside library would end in May.", group: "r2" },
      { text: "Parents would lose a quiet place to meet other parents nearby.", group: "r2" },
      { text: "TBC" },
      { text: "TBC" },
    ]);
    expect(pairs).toEqual([{ index: 2, of: 0, templated: false }]);
  });

  it("finds a template only between texts of one kind, and of a kind where templates are looked for", () => {
    const template = (group: string) => `No evidence that ${group} would lose out.`;
    const older = { text: template("older people and pensioners"), kind: "row", names: new Set(["older", "pensioners"]) };
    const disabled = { text: template("disabled people with learning disabilities"), kind: "row", names: new Set(["disabled", "learning", "disabilities"]) };
    expect(nearDuplicatePairs([older, disabled])).toEqual([{ index: 1, of: 0, templated: true }]);
    expect(nearDuplicatePairs([older, { ...disabled, kind: "other" }])).toEqual([]);
    expect(nearDuplicatePairs([older, disabled], { templateKinds: new Set(["other"]) })).toEqual([]);
    expect(nearDuplicatePairs([{ ...older, names: undefined }, { ...disabled, names: undefined }])).toEqual([]);
  });
});

describe("How long a promise or a pointer can be and still say nothing", () => {
  it("takes a placeholder with an excuse of up to eight words for a promise", () => {
    expect(fillerKind("TBC pending the budget and staffing review outcome")).toBe("deferral"); // 8 words, two of its own
    expect(fillerKind("TBC pending the budget and staffing review outcome in Fellside")).toBeNull(); // 10
  });

  it("takes a promise or a pointer of up to sixteen words with one word of its own for nothing", () => {
    expect(fillerKind("To be confirmed once the review of the current position is complete and information is known")).toBe("deferral"); // 16
    expect(fillerKind("See the business case section on the review of the current position for this information here")).toBe("pointer"); // 16
    expect(fillerKind("See the business case section on the review of the current position for this information here now")).toBeNull(); // 17
  });

  it("calls any text with 'lorem ipsum' a placeholder, and stems only words longer than four letters that do not start with a figure", () => {
    expect(isPlaceholder("Lorem ipsum dolor")).toBe(true);
    expect(["cars", "diesel", "2026s", "a2026s"].map(stem)).toEqual(["cars", "diesel", "2026s", "a2026"]);
  });
});
