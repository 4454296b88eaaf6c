/**
 * বাংলা (Bengali): every key of the English catalogue, checked by type (./index.ts).
 * Dates follow date-fns's `bn` locale (Bengali month and day names, Latin digits); numbers keep
 * Latin digits and UK grouping, as the council's documents and reference numbers do (decision 028).
 */
import type { Catalogue } from "./index";

export const bn: Catalogue = {
  meta: { name: "বাংলা", htmlLang: "bn", dir: "ltr", formatLocale: "bn-u-nu-latn" },
  layout: {
    skipLink: "মূল বিষয়বস্তুতে যান",
    menu: "মেনু",
    consultations: "পরামর্শ",
    staffSignIn: "কর্মীদের সাইন ইন",
    signOut: "সাইন আউট",
    language: "ভাষা",
    demoLabel: "প্রদর্শনী সাইট",
    demoTag: "ডেমো",
    demoNotice: "এটি একটি প্রদর্শনী সাইট। কাউন্সিল, মানুষ ও প্রস্তাবগুলো কাল্পনিক।",
    supportLinks: "সহায়তা লিংক",
    runBy: "{service} পরিচালনা করে {council}।",
    licenceBefore: "সব বিষয়বস্তু",
    licenceLink: "ওপেন গভর্নমেন্ট লাইসেন্স v3.0",
    licenceAfter: "-এর অধীনে পাওয়া যায়, যেখানে অন্যভাবে বলা হয়েছে তা ছাড়া",
    feedTitle: "নতুন ও হালনাগাদ পরামর্শ",
    footer: {
      accessibility: "অ্যাক্সেসিবিলিটি বিবৃতি",
      privacy: "গোপনীয়তা বিজ্ঞপ্তি",
      houseRules: "মন্তব্যের নিয়মাবলি",
      moderationLog: "মডারেশন লগ",
      openData: "উন্মুক্ত ডেটা",
    },
  },
  errors: {
    notFoundTitle: "পৃষ্ঠাটি পাওয়া যায়নি",
    notFoundTyped: "আপনি ওয়েব ঠিকানাটি টাইপ করে থাকলে, সেটি সঠিক কিনা দেখে নিন।",
    notFoundPasted: "আপনি ওয়েব ঠিকানাটি পেস্ট করে থাকলে, পুরো ঠিকানাটি কপি করেছেন কিনা দেখে নিন।",
    notFoundMoved: "ওয়েব ঠিকানাটি সঠিক হলে বা আপনি কোনো লিংক বা বাটন বেছে নিয়ে থাকলে, পৃষ্ঠাটি সরানো হয়ে থাকতে পারে বা পরামর্শটি প্রকাশিত নাও হতে পারে।",
    seeAll: "সব পরামর্শ দেখুন",
    forbiddenTitle: "এই পৃষ্ঠাটি দেখার অনুমতি আপনার নেই",
    forbiddenBody: "আপনার অ্যাকাউন্ট দিয়ে এই পৃষ্ঠায় প্রবেশ করা যায় না।",
    goHome: "হোম পেজে যান",
    problemTitle: "দুঃখিত, পরিষেবাটিতে একটি সমস্যা হয়েছে",
    tryLater: "পরে আবার চেষ্টা করুন।",
    notSaved: "আপনি যা লিখেছিলেন তা হয়তো সংরক্ষিত হয়নি।",
    errorPrefix: "ত্রুটি:",
  },
  translatedContent: {
    heading: "বাংলায় সারসংক্ষেপ",
    credit: "অনুবাদ করেছেন {translator}, {date, date, long}।",
    partsAll: "বাংলায় আছে: সারসংক্ষেপ এবং সবগুলো প্রশ্ন ({total}টি)। এই পৃষ্ঠার বাকি সবকিছু ইংরেজিতে: পুরো বিবরণ, বিকল্পগুলো, ঝুঁকি এবং সমতা প্রভাব মূল্যায়ন।",
    partsSome: "বাংলায় আছে: সারসংক্ষেপ এবং {total}টি প্রশ্নের মধ্যে {translated}টি। বাকি প্রশ্নগুলো এবং এই পৃষ্ঠার অন্য সবকিছু ইংরেজিতে: পুরো বিবরণ, বিকল্পগুলো, ঝুঁকি এবং সমতা প্রভাব মূল্যায়ন।",
    partsSummary: "বাংলায় আছে: শুধু সারসংক্ষেপ। প্রশ্নগুলো এবং এই পৃষ্ঠার অন্য সবকিছু ইংরেজিতে।",
    questionsHeading: "প্রশ্নগুলো",
    inEnglish: "ইংরেজিতে",
    englishBelow: "নিচে পুরো প্রস্তাবটি ইংরেজিতে দেওয়া হলো।",
    otherLanguages: "অন্য ভাষায় সারসংক্ষেপ ও প্রশ্নগুলো:",
    answerAnyLanguage: "আপনি যেকোনো ভাষায় উত্তর দিতে পারেন। আপনি যেভাবে লিখবেন, আপনার উত্তর ঠিক সেভাবেই রাখা হবে।",
  },
};
