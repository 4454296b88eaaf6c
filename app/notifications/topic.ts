/** What a subscription is for, pure: one consultation's news, or new consultations from the council. */
import { translator, type Translate } from "~/i18n/i18n";

export type Topic = { title: string } | { council: string };

export function topicOf(council: string, p: { title: string } | null): Topic {
  return p ? { title: p.title } : { council };
}

/** "updates on the consultation "…"" / "new consultations from …", in a language. */
export function topicText(topic: Topic, t: Translate = translator("en")): string {
  return "title" in topic ? t("consultationPages.topics.consultation", { title: topic.title }) : t("consultationPages.topics.newConsultations", { council: topic.council });
}
