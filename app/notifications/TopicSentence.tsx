/**
 * A sentence from the catalogue with the subscription's topic in it: the interface words in the
 * page's language, the consultation's title or the council's name marked as the council's own
 * words (useContentLang), so a screen reader reads each part in its language.
 */
import { useContentLang, useTranslation } from "~/i18n/react";
import type { Topic } from "./topic";

const MARK = "\u0000";

/**
 * `sentence` is a key taking `{what}`; the topic is put where `{what}` stands. `short`: the
 * subscribe page's shorter wording ("updates on …").
 */
export function TopicSentence({ sentence, topic, short = false }: { sentence: string; topic: Topic; short?: boolean }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as (key: string, values?: Record<string, unknown>) => string;
  const contentLang = useContentLang();
  const what =
    "title" in topic
      ? t(short ? "consultationPages.subscribe.whatConsultation" : "consultationPages.topics.consultation", { title: MARK })
      : t(short ? "consultationPages.subscribe.whatNew" : "consultationPages.topics.newConsultations", { council: MARK });
  const [outerBefore, outerAfter = ""] = t(sentence, { what: MARK }).split(MARK);
  const [innerBefore, innerAfter = ""] = what.split(MARK);
  return (
    <>
      {outerBefore}
      {innerBefore}
      <span lang={contentLang}>{"title" in topic ? topic.title : topic.council}</span>
      {innerAfter}
      {outerAfter}
    </>
  );
}
