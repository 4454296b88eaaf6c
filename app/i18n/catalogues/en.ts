/**
 * The English interface catalogue: the source every other catalogue is checked against
 * (./index.ts makes a missing or extra key a type error). Messages are ICU MessageFormat
 * (i18next-icu): `{name}` for a value, `{count, plural, one {…} other {…}}` for plurals.
 * Only interface words live here; a proposal's own text is content, not interface.
 */
export const en = {
  meta: { name: "English", htmlLang: "en-GB", dir: "ltr", formatLocale: "en-GB" },
  layout: {
    skipLink: "Skip to main content",
    menu: "Menu",
    consultations: "Consultations",
    staffSignIn: "Staff sign in",
    signOut: "Sign out",
    language: "Language",
    demoLabel: "Demonstration site",
    demoTag: "Demo",
    demoNotice: "This is a demonstration site. The council, the people and the proposals are fictional.",
    supportLinks: "Support links",
    runBy: "{service} is run by {council}.",
    licenceBefore: "All content is available under the",
    licenceLink: "Open Government Licence v3.0",
    licenceAfter: ", except where otherwise stated",
    feedTitle: "New and updated consultations",
    footer: {
      accessibility: "Accessibility statement",
      privacy: "Privacy notice",
      houseRules: "House rules for comments",
      moderationLog: "Moderation log",
      openData: "Open data",
    },
  },
  errors: {
    notFoundTitle: "Page not found",
    notFoundTyped: "If you typed the web address, check it is correct.",
    notFoundPasted: "If you pasted the web address, check you copied the entire address.",
    notFoundMoved: "If the web address is correct or you selected a link or button, the page may have moved or the consultation may not be published.",
    seeAll: "See all consultations",
    forbiddenTitle: "You do not have permission to see this page",
    forbiddenBody: "Your account does not give you access to this page.",
    goHome: "Go to the home page",
    problemTitle: "Sorry, there is a problem with the service",
    tryLater: "Try again later.",
    notSaved: "Anything you entered may not have been saved.",
    errorPrefix: "Error:",
  },
  /** A proposal translated into the page's language (issue 14, item 2): the panel on the consultation page and the respond form. */
  translatedContent: {
    heading: "Summary in your language",
    credit: "Translated by {translator} on {date, date, long}.",
    partsAll: "In your language: the summary and all {total, plural, one {# question} other {# questions}}. Everything else on this page is in English: the full details, the options, the risks and the equality impact assessment.",
    partsSome: "In your language: the summary and {translated} of the {total} questions. The other questions, and everything else on this page, are in English: the full details, the options, the risks and the equality impact assessment.",
    partsSummary: "In your language: the summary only. The questions, and everything else on this page, are in English.",
    questionsHeading: "The questions",
    inEnglish: "In English",
    englishBelow: "The whole proposal follows in English.",
    otherLanguages: "The summary and questions in another language:",
    answerAnyLanguage: "You can answer in any language. Your answers are kept exactly as you write them.",
  },
};
